import { lazy, Suspense } from 'react';
import {
  addApplication,
  addComponent,
  addTransaction,
  duplicateApplication,
  duplicateComponent,
  removeApplication,
  removeComponent,
  renameApplication,
  renameComponent,
  setAt,
} from '../../app/editing/scenarioEdits';
import { fieldId, pathKey } from '../../app/editing/paths';
import { ActionButton, CheckboxInput, NumberInput, SectionIssues, SelectInput, TextInput, useDocValue, useEdit } from './fields';
import { asOptions, useListLength, useServerClassNames, useSiteIds, useZoneIds } from './hooks';
import { TransactionEditor } from './TransactionEditor';

// The graph library is large; load it only when an application's graph is opened.
const ApplicationGraph = lazy(() => import('./ApplicationGraph'));

const ROLES = ['frontend', 'app', 'database', 'cache', 'batch', 'queue', 'other'].map((r) => ({ value: r, label: r }));

function AllowedSites({ app, index }: { app: number; index: number }) {
  const path = ['applications', app, 'components', index, 'allowedSites'];
  const allowed = useDocValue(path);
  const sites = useSiteIds();
  const edit = useEdit();
  const list = Array.isArray(allowed) ? allowed.map(String) : null;
  return (
    <fieldset className="editor-subgroup allowed-sites" id={fieldId(pathKey(path))}>
      <legend>Allowed sites</legend>
      <label className="editor-check">
        <input
          type="checkbox"
          checked={list === null}
          onChange={(e) => {
            const any = e.currentTarget.checked;
            edit((doc) => setAt(doc, path, any ? undefined : [...sites]));
          }}
        />
        Any site that prices its server class
      </label>
      {list !== null &&
        sites.map((siteId) => (
          <label key={siteId} className="editor-check">
            <input
              type="checkbox"
              checked={list.includes(siteId)}
              onChange={(e) => {
                const on = e.currentTarget.checked;
                edit((doc) => setAt(doc, path, on ? sites.filter((s) => s === siteId || list.includes(s)) : list.filter((s) => s !== siteId)));
              }}
            />
            {siteId}
          </label>
        ))}
      <SectionIssues path={path} />
      {list?.map((_, j) => <SectionIssues key={j} path={[...path, j]} />)}
    </fieldset>
  );
}

function ComponentEditor({ app, index }: { app: number; index: number }) {
  const base = ['applications', app, 'components', index];
  const edit = useEdit();
  const sites = useSiteIds();
  const classes = useServerClassNames();
  const zones = useZoneIds();
  const id = useDocValue([...base, 'id']);
  return (
    <li className="editor-item" data-testid={`component-${app}-${index}`}>
      <fieldset id={fieldId(pathKey(base))}>
        <legend>Component {String(id)}</legend>
        <div className="editor-row">
          <TextInput path={[...base, 'id']} label="Id" apply={(doc, v) => renameComponent(doc, app, index, String(v ?? ''))} />
          <TextInput path={[...base, 'name']} label="Name" />
          <SelectInput path={[...base, 'role']} label="Role" options={ROLES} optional="(none)" />
        </div>
        <div className="editor-row">
          <NumberInput path={[...base, 'servers']} label="Servers today" />
          <SelectInput path={[...base, 'serverClass']} label="Server class" options={asOptions(classes)} />
          <SelectInput path={[...base, 'homeSite']} label="Home site (today)" options={asOptions(sites)} />
          <NumberInput path={[...base, 'storageGB']} label="Storage per replica (GB)" />
        </div>
        <div className="editor-row">
          <CheckboxInput path={[...base, 'splittable']} label="Splittable across sites" />
          <NumberInput path={[...base, 'replicationMbps']} label="Replication when split (Mbps)" />
          <NumberInput path={[...base, 'throughputPerServer']} label="Throughput per server" hint="Demand units; for bursting" />
        </div>
        <div className="editor-row">
          <TextInput path={[...base, 'colocationGroup']} label="Co-location group" optional />
          <SelectInput path={[...base, 'securityZone']} label="Security zone" options={asOptions(zones)} optional="(none)" />
        </div>
        <AllowedSites app={app} index={index} />
        <details className="editor-subgroup" open={false}>
          <summary>VM figures (migration and bursting)</summary>
          <div className="editor-row">
            <NumberInput path={[...base, 'vm', 'memoryGB']} label="VM memory (GB)" />
            <NumberInput path={[...base, 'vm', 'diskGB']} label="VM disk (GB)" />
            <NumberInput path={[...base, 'vm', 'imageGB']} label="Image to copy (GB)" />
            <NumberInput path={[...base, 'vm', 'bootSeconds']} label="Boot time (s)" />
            <NumberInput path={[...base, 'vm', 'dirtyRateMBps']} label="Memory dirty rate (MB/s)" />
          </div>
        </details>
        <div className="editor-actions">
          <ActionButton label={`Duplicate component ${String(id)}`} onClick={() => edit((doc) => duplicateComponent(doc, app, index))}>
            Duplicate component
          </ActionButton>
          <ActionButton danger label={`Remove component ${String(id)}`} onClick={() => edit((doc) => removeComponent(doc, app, index))}>
            Remove component
          </ActionButton>
        </div>
      </fieldset>
    </li>
  );
}

function ApplicationEditor({ index }: { index: number }) {
  const base = ['applications', index];
  const edit = useEdit();
  const components = useListLength([...base, 'components']);
  const transactions = useListLength([...base, 'transactions']);
  const id = useDocValue([...base, 'id']);
  return (
    <li className="editor-item editor-application" data-testid={`application-${index}`}>
      <fieldset id={fieldId(pathKey(base))}>
        <legend>Application {String(id)}</legend>
        <div className="editor-row">
          <TextInput path={[...base, 'id']} label="Id" apply={(doc, v) => renameApplication(doc, index, String(v ?? ''))} />
          <TextInput path={[...base, 'name']} label="Name" />
        </div>
        <TextInput path={[...base, 'description']} label="Description" optional multiline />
        <details className="editor-subgroup graph-details">
          <summary>Topology graph (edit calls by dragging between components)</summary>
          <Suspense fallback={<p className="muted">Loading the graph…</p>}>
            <ApplicationGraph appIndex={index} />
          </Suspense>
        </details>
        <h4 id={fieldId(pathKey([...base, 'components']))}>Components</h4>
        <SectionIssues path={[...base, 'components']} />
        <ul className="editor-list">
          {Array.from({ length: components }, (_, i) => (
            <ComponentEditor key={i} app={index} index={i} />
          ))}
        </ul>
        <ActionButton onClick={() => edit((doc) => addComponent(doc, index))} label={`Add component to application ${String(id)}`}>
          Add component
        </ActionButton>
        <h4 id={fieldId(pathKey([...base, 'transactions']))}>Transaction types</h4>
        <SectionIssues path={[...base, 'transactions']} />
        <ul className="editor-list">
          {Array.from({ length: transactions }, (_, i) => (
            <TransactionEditor key={i} app={index} index={i} />
          ))}
        </ul>
        <div className="editor-actions">
          <ActionButton onClick={() => edit((doc) => addTransaction(doc, index))} label={`Add transaction to application ${String(id)}`}>
            Add transaction
          </ActionButton>
          <ActionButton label={`Duplicate application ${String(id)}`} onClick={() => edit((doc) => duplicateApplication(doc, index))}>
            Duplicate application
          </ActionButton>
          <ActionButton danger label={`Remove application ${String(id)}`} onClick={() => edit((doc) => removeApplication(doc, index))}>
            Remove application
          </ActionButton>
        </div>
      </fieldset>
    </li>
  );
}

export function ApplicationsEditor() {
  const count = useListLength(['applications']);
  const edit = useEdit();
  return (
    <section className="editor-section" aria-labelledby="editor-applications" id={fieldId('applications')}>
      <h3 id="editor-applications">Applications</h3>
      <SectionIssues path={['applications']} />
      <ul className="editor-list">
        {Array.from({ length: count }, (_, i) => (
          <ApplicationEditor key={i} index={i} />
        ))}
      </ul>
      <ActionButton onClick={() => edit(addApplication)}>Add application</ActionButton>
    </section>
  );
}
