import { addUserRegion, estimateForUser, removeUserRegion, renameUserRegion, setAt } from '../../app/editing/scenarioEdits';
import { fieldId, pathKey } from '../../app/editing/paths';
import { useAppStore } from '../../app/store';
import { ActionButton, LatencyInputs, SectionIssues, TextInput, useDocValue, useEdit, StrayKeys } from './fields';
import { useListLength, useSiteIds } from './hooks';
import { LocationFields } from './SitesEditor';

function UserLatency({ region, siteId }: { region: number; siteId: string }) {
  const edit = useEdit();
  const path = ['userRegions', region, 'latencyToSites', siteId];
  const estimate = useAppStore((s) => {
    const e = estimateForUser(s.document, region, siteId);
    return e ? `${e.meanMs}|${e.p95Ms}` : null;
  });
  const [mean, p95] = estimate ? estimate.split('|').map(Number) : [];
  return (
    <div className="editor-row editor-latency-row" data-testid={`user-latency-${siteId}`}>
      <LatencyInputs path={path} label={`To ${siteId}`} />
      <ActionButton
        disabled={estimate === null}
        label={estimate ? `Reset latency to ${siteId} to the estimate ${mean} ms mean, ${p95} ms p95` : `No estimate to ${siteId}: a location is missing`}
        onClick={() => edit((doc) => setAt(doc, path, { meanMs: mean, p95Ms: p95 }))}
      >
        {estimate ? `Estimate (${mean} / ${p95} ms)` : 'No estimate'}
      </ActionButton>
    </div>
  );
}

function RegionEditor({ index }: { index: number }) {
  const base = ['userRegions', index];
  const edit = useEdit();
  const sites = useSiteIds();
  const id = useDocValue([...base, 'id']);
  return (
    <li className="editor-item" data-testid={`region-${index}`}>
      <fieldset id={fieldId(pathKey(base))}>
        <legend>User region {String(id)}</legend>
        <div className="editor-row">
          <TextInput path={[...base, 'id']} label="Id" apply={(doc, v) => renameUserRegion(doc, index, String(v ?? ''))} />
          <TextInput path={[...base, 'name']} label="Name" />
        </div>
        <LocationFields base={base} />
        <h4 id={fieldId(pathKey([...base, 'latencyToSites']))}>Round trip from these users to each site</h4>
        <SectionIssues path={[...base, 'latencyToSites']} />
        {sites.map((siteId) => (
          <UserLatency key={siteId} region={index} siteId={siteId} />
        ))}
        <StrayKeys path={[...base, 'latencyToSites']} known={sites} what="A latency to the site" />
        <ActionButton danger label={`Remove user region ${String(id)}`} onClick={() => edit((doc) => removeUserRegion(doc, index))}>
          Remove user region
        </ActionButton>
      </fieldset>
    </li>
  );
}

export function UserRegionsEditor() {
  const count = useListLength(['userRegions']);
  const edit = useEdit();
  return (
    <section className="editor-section" aria-labelledby="editor-regions" id={fieldId('userRegions')}>
      <h3 id="editor-regions">User regions</h3>
      <SectionIssues path={['userRegions']} />
      <ul className="editor-list">
        {Array.from({ length: count }, (_, i) => (
          <RegionEditor key={i} index={i} />
        ))}
      </ul>
      <ActionButton onClick={() => edit(addUserRegion)}>Add user region</ActionButton>
    </section>
  );
}
