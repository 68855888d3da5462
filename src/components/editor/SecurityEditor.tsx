import { addRule, addZone, moveAt, removeAt, renameZone, setAt } from '../../app/editing/scenarioEdits';
import { fieldId, pathKey } from '../../app/editing/paths';
import { ActionButton, SectionIssues, SelectInput, TextInput, useDocValue, useEdit } from './fields';
import { useListLength, useZoneIds } from './hooks';

const ACTIONS = [
  { value: 'allow', label: 'allow' },
  { value: 'deny', label: 'deny' },
];
const PROTOCOLS = ['tcp', 'udp', 'icmp', 'any'].map((p) => ({ value: p, label: p }));

function ZoneEditor({ index }: { index: number }) {
  const base = ['security', 'zones', index];
  const edit = useEdit();
  const id = useDocValue([...base, 'id']);
  return (
    <li className="editor-item editor-item-compact" data-testid={`zone-${index}`} role="group" aria-label={`Zone ${String(id)}`}>
      <div className="editor-row" id={fieldId(pathKey(base))}>
        <TextInput path={[...base, 'id']} label="Zone id" apply={(doc, v) => renameZone(doc, index, String(v ?? ''))} />
        <TextInput path={[...base, 'name']} label="Zone name" />
        <TextInput path={[...base, 'description']} label="Description" optional />
        <ActionButton danger label={`Remove zone ${String(id)}`} onClick={() => edit((doc) => removeAt(doc, ['security', 'zones'], index))}>
          Remove zone
        </ActionButton>
      </div>
    </li>
  );
}

function RuleEditor({ index, count }: { index: number; count: number }) {
  const base = ['security', 'rules', index];
  const list = ['security', 'rules'];
  const edit = useEdit();
  const zones = useZoneIds();
  const id = useDocValue([...base, 'id']);
  const ends = [{ value: 'any', label: 'any' }, ...zones.map((z) => ({ value: z, label: z }))];
  return (
    <li className="editor-item editor-item-compact" data-testid={`rule-${index}`} role="group" aria-label={`Rule ${index + 1}, ${String(id)}`}>
      <div className="editor-row" id={fieldId(pathKey(base))}>
        <span className="rule-order" aria-hidden="true">
          {index + 1}.
        </span>
        <TextInput path={[...base, 'id']} label="Rule id" />
        <SelectInput path={[...base, 'action']} label="Action" options={ACTIONS} />
        <SelectInput path={[...base, 'source']} label="From zone" options={ends} />
        <SelectInput path={[...base, 'destination']} label="To zone" options={ends} />
        <SelectInput path={[...base, 'protocol']} label="Protocol" options={PROTOCOLS} />
        <TextInput path={[...base, 'ports']} label="Ports" hint={'"any", 443 or 8000-8080; empty: any'} optional />
        <TextInput path={[...base, 'description']} label="Description" optional />
      </div>
      <div className="editor-actions">
        <ActionButton label={`Move rule ${String(id)} up`} disabled={index === 0} onClick={() => edit((doc) => moveAt(doc, list, index, index - 1))}>
          ↑ Up
        </ActionButton>
        <ActionButton label={`Move rule ${String(id)} down`} disabled={index === count - 1} onClick={() => edit((doc) => moveAt(doc, list, index, index + 1))}>
          ↓ Down
        </ActionButton>
        <ActionButton danger label={`Remove rule ${String(id)}`} onClick={() => edit((doc) => removeAt(doc, list, index))}>
          Remove rule
        </ActionButton>
      </div>
    </li>
  );
}

export function SecurityEditor() {
  const edit = useEdit();
  const security = useDocValue(['security']);
  const zones = useListLength(['security', 'zones']);
  const rules = useListLength(['security', 'rules']);
  return (
    <section className="editor-section" aria-labelledby="editor-security" id={fieldId('security')}>
      <h3 id="editor-security">Security zones and ACL rules</h3>
      <SectionIssues path={['security']} />
      {security === undefined ? (
        <ActionButton onClick={() => edit((doc) => setAt(doc, ['security'], { zones: [], rules: [], defaultAction: 'deny' }))}>Add a security policy</ActionButton>
      ) : (
        <>
          <h4>Zones</h4>
          <ul className="editor-list">
            {Array.from({ length: zones }, (_, i) => (
              <ZoneEditor key={i} index={i} />
            ))}
          </ul>
          <ActionButton onClick={() => edit(addZone)}>Add zone</ActionButton>
          <h4>Rules (the first match decides)</h4>
          <ol className="editor-list">
            {Array.from({ length: rules }, (_, i) => (
              <RuleEditor key={i} index={i} count={rules} />
            ))}
          </ol>
          <ActionButton onClick={() => edit(addRule)}>Add rule</ActionButton>
          <div className="editor-row">
            <SelectInput path={['security', 'defaultAction']} label="When no rule matches" options={ACTIONS} />
          </div>
          <ActionButton danger onClick={() => edit((doc) => setAt(doc, ['security'], undefined))}>
            Remove the security policy
          </ActionButton>
        </>
      )}
    </section>
  );
}
