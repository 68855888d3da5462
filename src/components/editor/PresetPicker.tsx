import { useId, useState } from 'react';
import { addSite, setAt } from '../../app/editing/scenarioEdits';
import { getAt } from '../../app/editing/paths';
import { useEdit } from './fields';
import { catalogProviders, presetSite } from './catalog';

/** Adds a cloud region from the bundled price catalogue, with the server classes picked, and notes the catalogue as a price source. */
export function PresetPicker() {
  const ids = { provider: useId(), region: useId() };
  const edit = useEdit();
  const [providerId, setProviderId] = useState(catalogProviders[0]?.id ?? '');
  const provider = catalogProviders.find((p) => p.id === providerId);
  const [regionId, setRegionId] = useState(provider?.regions[0]?.id ?? '');
  const region = provider?.regions.find((r) => r.id === regionId) ?? provider?.regions[0];
  const [unticked, setUnticked] = useState<Set<string>>(new Set());
  if (!provider || !region) return null;
  const chosen = region.serverClasses.map((c) => c.serverClass).filter((c) => !unticked.has(c));
  const add = () => {
    const site = presetSite(region.id, chosen);
    const source = `${provider.name} list prices as of ${provider.asOf}: ${provider.sources.join('; ')}`;
    edit((doc) => {
      const sources = getAt(doc, ['pricing', 'sources']);
      const list = Array.isArray(sources) ? sources : [];
      const withSite = addSite(doc, site);
      return list.includes(source) ? withSite : setAt(withSite, ['pricing', 'sources'], [...list, source]);
    });
  };
  return (
    <details className="editor-subgroup preset-picker">
      <summary>Add a cloud region from the price catalogue</summary>
      <div className="editor-row">
        <div className="field">
          <label htmlFor={ids.provider}>Provider</label>
          <select
            id={ids.provider}
            value={provider.id}
            onChange={(e) => {
              const next = catalogProviders.find((p) => p.id === e.currentTarget.value);
              setProviderId(e.currentTarget.value);
              setRegionId(next?.regions[0]?.id ?? '');
              setUnticked(new Set());
            }}
          >
            {catalogProviders.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.region}>Region</label>
          <select id={ids.region} value={region.id} onChange={(e) => { setRegionId(e.currentTarget.value); setUnticked(new Set()); }}>
            {provider.regions.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className="hint" data-testid="catalog-as-of">
        Prices as of <time dateTime={provider.asOf}>{provider.asOf}</time>. Source: {provider.sources.join('; ')}
      </p>
      <fieldset className="preset-classes">
        <legend>Server classes</legend>
        {region.serverClasses.map((c) => (
          <label key={c.serverClass} className="editor-check">
            <input
              type="checkbox"
              checked={!unticked.has(c.serverClass)}
              onChange={(e) => {
                const next = new Set(unticked);
                if (e.currentTarget.checked) next.delete(c.serverClass);
                else next.add(c.serverClass);
                setUnticked(next);
              }}
            />
            {c.serverClass}: ${c.priceUSD} per {c.billing}
            {c.vcpus ? `, ${c.vcpus} vCPUs` : ''}
            {c.memoryGB ? `, ${c.memoryGB} GB` : ''}
          </label>
        ))}
      </fieldset>
      <button type="button" className="button" disabled={chosen.length === 0} onClick={add}>
        Add {region.name}
      </button>
    </details>
  );
}
