import { addSite, fillMissingLatencies, insertAt, newSite, removeAt, removeSite, renameSite, setAt } from '../../app/editing/scenarioEdits';
import { fieldId, pathKey } from '../../app/editing/paths';
import { useAppStore } from '../../app/store';
import { ActionButton, NumberInput, SectionIssues, SelectInput, TextInput, useDocValue, useEdit } from './fields';
import { useListLength } from './hooks';
import { OnPremCalculator } from './OnPremCalculator';
import { PresetPicker } from './PresetPicker';
import { useState } from 'react';

const KINDS = [
  { value: 'onPremise', label: 'On-premise data centre' },
  { value: 'cloud', label: 'Cloud region' },
];
const BILLING = [
  { value: 'hour', label: 'per hour (cloud)' },
  { value: 'month', label: 'per month (on-premise)' },
];


export function LocationFields({ base }: { base: (string | number)[] }) {
  const location = useDocValue([...base, 'location']);
  const edit = useEdit();
  const has = location !== undefined;
  const fill = () => edit(fillMissingLatencies);
  return (
    <div className="editor-subgroup" id={fieldId(pathKey([...base, 'location']))}>
      <div className="field editor-check">
        <label>
          <input
            type="checkbox"
            checked={has}
            onChange={(e) => {
              const on = e.currentTarget.checked;
              edit((doc) => setAt(doc, [...base, 'location'], on ? {} : undefined));
            }}
          />
          Has a location (latitude and longitude, for latency estimates)
        </label>
      </div>
      {has && (
        <div className="editor-row">
          {/* Estimates are filled when the user leaves the field, not from a half-typed coordinate. */}
          <NumberInput path={[...base, 'location', 'lat']} label="Latitude (°)" onBlur={fill} />
          <NumberInput path={[...base, 'location', 'lon']} label="Longitude (°)" onBlur={fill} />
          <TextInput path={[...base, 'location', 'label']} label="Place" optional />
        </div>
      )}
    </div>
  );
}

function ServerClassRow({ site, index }: { site: number; index: number }) {
  const base = ['sites', site, 'serverClasses', index];
  const edit = useEdit();
  const [calculator, setCalculator] = useState(false);
  const name = useDocValue([...base, 'serverClass']);
  return (
    <li className="editor-item editor-item-compact" data-testid="server-class" role="group" aria-label={`Server class ${String(name ?? index + 1)}`}>
      <div className="editor-row">
        <TextInput path={[...base, 'serverClass']} label="Server class" />
        <NumberInput path={[...base, 'priceUSD']} label="Price (USD)" />
        <SelectInput path={[...base, 'billing']} label="Billed" options={BILLING} />
        <NumberInput path={[...base, 'vcpus']} label="vCPUs" />
        <NumberInput path={[...base, 'memoryGB']} label="Memory (GB)" />
      </div>
      <div className="editor-actions">
        <ActionButton label={`${calculator ? 'Close the cost calculator' : 'On-premise cost calculator'} for ${String(name)}`} onClick={() => setCalculator((v) => !v)}>{calculator ? 'Close cost calculator' : 'On-premise cost calculator'}</ActionButton>
        <ActionButton danger label={`Remove server class ${String(name)}`} onClick={() => edit((doc) => removeAt(doc, ['sites', site, 'serverClasses'], index))}>
          Remove class
        </ActionButton>
      </div>
      {calculator && <OnPremCalculator site={site} index={index} onDone={() => setCalculator(false)} />}
    </li>
  );
}

function SiteEditor({ index }: { index: number }) {
  const base = ['sites', index];
  const edit = useEdit();
  const classes = useListLength([...base, 'serverClasses']);
  const id = useDocValue([...base, 'id']);
  return (
    <li className="editor-item" data-testid={`site-${index}`}>
      <fieldset id={fieldId(pathKey(base))}>
        <legend>Site {String(id)}</legend>
        <div className="editor-row">
          <TextInput path={[...base, 'id']} label="Id" apply={(doc, v) => renameSite(doc, index, String(v ?? ''))} />
          <TextInput path={[...base, 'name']} label="Name" />
          <SelectInput path={[...base, 'kind']} label="Kind" options={KINDS} />
          <TextInput path={[...base, 'provider']} label="Provider" optional />
          <TextInput path={[...base, 'region']} label="Provider region" optional />
        </div>
        <LocationFields base={base} />
        <h4 id={fieldId(pathKey([...base, 'serverClasses']))}>Server classes and prices</h4>
        <SectionIssues path={[...base, 'serverClasses']} />
        <ul className="editor-list">
          {Array.from({ length: classes }, (_, i) => (
            <ServerClassRow key={i} site={index} index={i} />
          ))}
        </ul>
        <ActionButton onClick={() => edit((doc) => insertAt(doc, [...base, 'serverClasses'], { serverClass: '', priceUSD: 0, billing: 'month' }))}>Add server class</ActionButton>
        <div className="editor-row">
          <NumberInput path={[...base, 'capacity', 'servers']} label="Capacity: servers" hint="Empty: unlimited" />
          <NumberInput path={[...base, 'capacity', 'vcpus']} label="Capacity: vCPUs" hint="Empty: unlimited" />
          <NumberInput path={[...base, 'storagePricePerGBMonthUSD']} label="Storage (USD per GB-month)" />
        </div>
        <div className="editor-row">
          <NumberInput path={[...base, 'transferPricePerGBUSD', 'egress']} label="Egress (USD per GB)" />
          <NumberInput path={[...base, 'transferPricePerGBUSD', 'ingress']} label="Ingress (USD per GB)" />
          <NumberInput path={[...base, 'transferPricePerGBUSD', 'interRegion']} label="Inter-region egress (USD per GB)" hint="Empty: the egress price" />
        </div>
        <ActionButton danger label={`Remove site ${String(id)}`} onClick={() => edit((doc) => removeSite(doc, index))}>
          Remove site
        </ActionButton>
      </fieldset>
    </li>
  );
}

export function SitesEditor() {
  const count = useListLength(['sites']);
  const edit = useEdit();
  const hoursPerMonth = useAppStore((s) => (s.document as { pricing?: { hoursPerMonth?: unknown } } | null)?.pricing?.hoursPerMonth);
  return (
    <section className="editor-section" aria-labelledby="editor-sites" id={fieldId('sites')}>
      <h3 id="editor-sites">Sites</h3>
      <p className="hint">
        On-premise data centres and cloud regions. Hourly prices count {typeof hoursPerMonth === 'number' ? hoursPerMonth : 730} hours per month. A new site gets a link to
        every other site and a latency from every user region, estimated from the locations where both have one.
      </p>
      <SectionIssues path={['sites']} />
      <ul className="editor-list">
        {Array.from({ length: count }, (_, i) => (
          <SiteEditor key={i} index={i} />
        ))}
      </ul>
      <div className="editor-actions">
        <ActionButton onClick={() => edit((doc) => addSite(doc, newSite(doc, 'onPremise')))}>Add on-premise site</ActionButton>
        <ActionButton onClick={() => edit((doc) => addSite(doc, newSite(doc, 'cloud')))}>Add cloud site</ActionButton>
      </div>
      <PresetPicker />
    </section>
  );
}
