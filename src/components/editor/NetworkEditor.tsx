import { addMissingLinks, estimateForLink, removeAt, setAt } from '../../app/editing/scenarioEdits';
import { fieldId, getAt, pathKey } from '../../app/editing/paths';
import { useAppStore } from '../../app/store';
import { ActionButton, LatencyInputs, NumberInput, SectionIssues, SelectInput, useEdit } from './fields';
import { asOptions, useListLength, useSiteIds } from './hooks';

function LinkEditor({ index }: { index: number }) {
  const base = ['network', 'links', index];
  const edit = useEdit();
  const sites = useSiteIds();
  const between = useAppStore((s) => {
    const b = getAt(s.document, [...base, 'between']);
    return Array.isArray(b) ? b.map(String).join(' ↔ ') : '?';
  });
  const estimate = useAppStore((s) => {
    const e = estimateForLink(s.document, index);
    return e ? `${e.meanMs}|${e.p95Ms}` : null;
  });
  const [mean, p95] = estimate ? estimate.split('|').map(Number) : [];
  return (
    <li className="editor-item editor-item-compact" data-testid={`link-${index}`} data-between={between}>
      <fieldset id={fieldId(pathKey(base))}>
        <legend>Link {between}</legend>
        <SectionIssues path={[...base, 'between']} />
        <div className="editor-row">
          <SelectInput path={[...base, 'between', 0]} label="One end" options={asOptions(sites)} />
          <SelectInput path={[...base, 'between', 1]} label="Other end" options={asOptions(sites)} />
        </div>
        <div className="editor-row">
          <LatencyInputs path={[...base, 'latency']} label="Round trip" />
          <NumberInput path={[...base, 'bandwidthMbps']} label="Bandwidth (Mbps each way)" />
          <NumberInput path={[...base, 'pricePerGBUSD']} label="Price (USD per GB)" hint="Empty: the sites’ transfer prices" />
        </div>
        <div className="editor-actions">
          <ActionButton
            disabled={estimate === null}
            onClick={() => edit((doc) => setAt(doc, [...base, 'latency'], { meanMs: mean, p95Ms: p95 }))}
            label={estimate ? `Reset link ${between} to the estimate ${mean} ms mean, ${p95} ms p95` : `No estimate for link ${between}: a site has no location`}
          >
            {estimate ? `Reset to estimate (${mean} / ${p95} ms)` : 'No estimate (a site has no location)'}
          </ActionButton>
          <ActionButton danger label={`Remove link ${between}`} onClick={() => edit((doc) => removeAt(doc, ['network', 'links'], index))}>
            Remove link
          </ActionButton>
        </div>
      </fieldset>
    </li>
  );
}

export function NetworkEditor() {
  const count = useListLength(['network', 'links']);
  const edit = useEdit();
  return (
    <section className="editor-section" aria-labelledby="editor-network" id={fieldId('network')}>
      <h3 id="editor-network">Network</h3>
      <LatencyInputs path={['network', 'intraSiteLatency']} label="Within a site" />
      <p className="hint">One link per pair of sites. Latencies are estimated from the sites’ locations when a site is added; type over them, or reset them to the estimate.</p>
      <div id={fieldId('network.links')}>
        <SectionIssues path={['network', 'links']} />
      </div>
      <ul className="editor-list">
        {Array.from({ length: count }, (_, i) => (
          <LinkEditor key={i} index={i} />
        ))}
      </ul>
      <ActionButton onClick={() => edit(addMissingLinks)}>Add missing links</ActionButton>
    </section>
  );
}
