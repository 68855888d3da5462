import { useId, useState } from 'react';
import { removeAt, setAt, setDemand } from '../../app/editing/scenarioEdits';
import { CsvSource, ImportErrors } from './CsvImport';
import { fieldId, pathKey } from '../../app/editing/paths';
import { importDemandCsv } from '../../planner/import/demandCsv';
import { useAppStore } from '../../app/store';
import { ActionButton, FieldMessages, NumberInput, SectionIssues, SelectInput, TextInput, useDocValue, useEdit, useIssuesAt } from './fields';
import { asOptions, useApplicationIds, useListLength } from './hooks';

/** A profile's values as comma-separated text; a value that is not a number is kept as typed, so the validator names it. */
function ValuesField({ index }: { index: number }) {
  const path = ['demand', 'profiles', index, 'values'];
  const key = pathKey(path);
  const id = fieldId(key);
  const messageId = useId();
  const edit = useEdit();
  const values = useDocValue(path);
  const text = Array.isArray(values) ? values.join(', ') : '';
  const [draft, setDraft] = useState(text);
  const [seen, setSeen] = useState(text);
  if (text !== seen) {
    setSeen(text);
    setDraft(text);
  }
  const issues = useIssuesAt(path);
  return (
    <div className="field editor-field">
      <label htmlFor={id}>Values per period (comma-separated)</label>
      <textarea
        id={id}
        rows={2}
        value={draft}
        aria-invalid={issues.length > 0}
        onChange={(e) => {
          const next = e.currentTarget.value;
          setDraft(next);
          // Commas, semicolons or line breaks: a column pasted from a spreadsheet works too.
          const list = next.split(/[\s,;]+/).map((v) => v.trim()).filter((v) => v !== '').map((v) => (Number.isFinite(Number(v)) ? Number(v) : v));
          setSeen(list.join(', '));
          edit((doc) => setAt(doc, path, list), key);
        }}
      />
      <FieldMessages id={messageId} issues={issues} />
      <ElementIssues path={path} count={Array.isArray(values) ? values.length : 0} />
    </div>
  );
}

function ElementIssues({ path, count }: { path: (string | number)[]; count: number }) {
  return (
    <>
      {Array.from({ length: count }, (_, i) => (
        <SectionIssues key={i} path={[...path, i]} />
      ))}
    </>
  );
}

function DemandImport() {
  const edit = useEdit();
  const apps = useApplicationIds();
  const [errors, setErrors] = useState<{ row: number; message: string }[] | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const run = (csv: string) => {
    const current = (useAppStore.getState().document as { demand?: { unit?: unknown; periodMinutes?: unknown } } | null)?.demand;
    const unit = current?.unit;
    const options = { applicationIds: apps, ...(typeof unit === 'string' ? { unit } : {}) };
    let result = importDemandCsv(csv, options);
    // A file with one timestamp cannot tell its period: then the period set here is used.
    const periodMinutes = current?.periodMinutes;
    if (!result.ok && typeof periodMinutes === 'number' && Number.isInteger(periodMinutes) && periodMinutes >= 1) {
      const retry = importDemandCsv(csv, { ...options, periodMinutes });
      if (retry.ok) result = retry;
    }
    if (!result.ok) {
      setErrors(result.errors);
      setDone(null);
      return;
    }
    setErrors(null);
    edit((doc) => setDemand(doc, result.demand));
    setDone(`Imported ${result.demand.profiles.length} profiles of ${result.demand.profiles[0]?.values.length ?? 0} periods.${result.warnings.length ? ` ${result.warnings.join(' ')}` : ''}`);
  };
  return (
    <details className="editor-subgroup">
      <summary>Import demand profiles (CSV)</summary>
      <CsvSource what="demand" onCsv={run} />
      {errors && <ImportErrors testId="demand-import-errors" summary="The demand was not imported; nothing changed." errors={errors} />}
      {done && <p role="status">{done}</p>}
    </details>
  );
}

export function DemandEditor() {
  const edit = useEdit();
  const demand = useDocValue(['demand']);
  const profiles = useListLength(['demand', 'profiles']);
  const apps = useApplicationIds();
  return (
    <section className="editor-section" aria-labelledby="editor-demand" id={fieldId('demand')}>
      <h3 id="editor-demand">Demand profiles (for bursting)</h3>
      <SectionIssues path={['demand']} />
      {demand === undefined ? (
        <ActionButton onClick={() => edit((doc) => setAt(doc, ['demand'], { periodMinutes: 60, unit: 'requests/s', profiles: [] }))}>Add demand profiles</ActionButton>
      ) : (
        <>
          <div className="editor-row">
            <NumberInput path={['demand', 'periodMinutes']} label="Period (minutes)" />
            <TextInput path={['demand', 'start']} label="Start (ISO 8601 with time zone)" optional />
            <TextInput path={['demand', 'unit']} label="Unit" hint="Empty: requests/s" optional />
          </div>
          <ul className="editor-list">
            {Array.from({ length: profiles }, (_, i) => (
              <li key={i} className="editor-item editor-item-compact" data-testid={`demand-profile-${i}`} role="group" aria-label={`Demand profile ${i + 1}`}>
                <div className="editor-row">
                  <SelectInput path={['demand', 'profiles', i, 'application']} label="Application" options={asOptions(apps)} />
                  <ValuesField index={i} />
                </div>
                <ActionButton danger label={`Remove demand profile ${i + 1}`} onClick={() => edit((doc) => removeAt(doc, ['demand', 'profiles'], i))}>
                  Remove profile
                </ActionButton>
              </li>
            ))}
          </ul>
          <ActionButton onClick={() => edit((doc) => setAt(doc, ['demand', 'profiles', profiles], { application: apps[0] ?? '', values: [] }))}>Add profile</ActionButton>
          <ActionButton danger onClick={() => edit((doc) => setAt(doc, ['demand'], undefined))}>
            Remove demand
          </ActionButton>
        </>
      )}
      <DemandImport />
    </section>
  );
}
