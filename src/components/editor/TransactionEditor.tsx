import { useId, useState } from 'react';
import { addCall, moveAt, removeAt, replaceCalls } from '../../app/editing/scenarioEdits';
import { fieldId, getAt, pathKey } from '../../app/editing/paths';
import { useAppStore } from '../../app/store';
import type { Application, TransactionType } from '../../planner';
import { importTrafficCsv } from '../../planner/import/trafficCsv';
import { CsvSource, ImportErrors } from './CsvImport';
import { ActionButton, NumberInput, SectionIssues, SelectInput, TextInput, useDocValue, useEdit, StrayKeys } from './fields';
import { asOptions, useAllComponentIds, useComponentIds, useListLength, useRegionIds } from './hooks';

function CallRow({ app, t, index, count }: { app: number; t: number; index: number; count: number }) {
  const base = ['applications', app, 'transactions', t, 'calls', index];
  const list = ['applications', app, 'transactions', t, 'calls'];
  const edit = useEdit();
  const components = useAllComponentIds();
  const from = useDocValue([...base, 'from']);
  const to = useDocValue([...base, 'to']);
  const what = `call ${index + 1} (${String(from)} → ${String(to)})`;
  return (
    <li className="editor-item editor-item-compact" data-testid={`call-${index}`} role="group" aria-label={what}>
      <div className="editor-row">
        <SelectInput path={[...base, 'from']} label="From" options={asOptions(components)} />
        <SelectInput path={[...base, 'to']} label="To" options={asOptions(components)} />
        <NumberInput path={[...base, 'callsPerTransaction']} label="Calls per transaction" />
        <NumberInput path={[...base, 'requestBytes']} label="Request (bytes)" />
        <NumberInput path={[...base, 'responseBytes']} label="Response (bytes)" />
      </div>
      <div className="editor-actions">
        <ActionButton label={`Move ${what} up`} disabled={index === 0} onClick={() => edit((doc) => moveAt(doc, list, index, index - 1))}>
          ↑ Up
        </ActionButton>
        <ActionButton label={`Move ${what} down`} disabled={index === count - 1} onClick={() => edit((doc) => moveAt(doc, list, index, index + 1))}>
          ↓ Down
        </ActionButton>
        <ActionButton danger label={`Remove ${what}`} onClick={() => edit((doc) => removeAt(doc, list, index))}>
          Remove call
        </ActionButton>
      </div>
    </li>
  );
}

type ImportResult = { kind: 'errors'; errors: { row: number; message: string }[] } | { kind: 'done'; calls: number; warnings: string[] } | null;

/** Replaces the calls with ones measured from traffic logs; a file with errors changes nothing. */
function TrafficImport({ app, t }: { app: number; t: number }) {
  const ids = { window: useId() };
  const edit = useEdit();
  const [windowSeconds, setWindowSeconds] = useState('3600');
  const [result, setResult] = useState<ImportResult>(null);
  const run = (csv: string) => {
    const state = useAppStore.getState();
    // The importer reads the application's component ids and the transaction's rates; an unfinished document is passed as it is.
    const application = getAt(state.document, ['applications', app]) as Application;
    const transaction = getAt(state.document, ['applications', app, 'transactions', t]) as TransactionType;
    const seconds = Number(windowSeconds);
    if (!Number.isFinite(seconds) || seconds <= 0) {
      setResult({ kind: 'errors', errors: [{ row: 0, message: `the measurement window must be a number of seconds > 0, got "${windowSeconds}"` }] });
      return;
    }
    const imported = importTrafficCsv(csv, { application, transaction, windowSeconds: seconds });
    if (!imported.ok) {
      setResult({ kind: 'errors', errors: imported.errors });
      return;
    }
    edit((doc) => replaceCalls(doc, app, t, imported.calls));
    setResult({ kind: 'done', calls: imported.calls.length, warnings: imported.warnings });
  };
  return (
    <details className="editor-subgroup traffic-import" data-testid="traffic-import">
      <summary>Import measured traffic (CSV)</summary>
      <div className="editor-row">
        <div className="field">
          <label htmlFor={ids.window}>Measurement window (seconds)</label>
          <input id={ids.window} type="text" inputMode="decimal" value={windowSeconds} onChange={(e) => setWindowSeconds(e.currentTarget.value)} />
        </div>
      </div>
      <CsvSource what="traffic" onCsv={run} />
      {result?.kind === 'errors' && (
        <ImportErrors testId="traffic-import-errors" summary={`The traffic was not imported (${result.errors.length} problem${result.errors.length === 1 ? '' : 's'}); the calls are unchanged.`} errors={result.errors} />
      )}
      {result?.kind === 'done' && (
        <div role="status" data-testid="traffic-import-done">
          <p>Imported {result.calls} calls.</p>
          {result.warnings.length > 0 && (
            <ul>
              {result.warnings.map((w, i) => (
                <li key={i}>{w}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </details>
  );
}

export function TransactionEditor({ app, index }: { app: number; index: number }) {
  const base = ['applications', app, 'transactions', index];
  const edit = useEdit();
  const regions = useRegionIds();
  const components = useComponentIds(app);
  const allComponents = useAllComponentIds();
  const calls = useListLength([...base, 'calls']);
  const id = useDocValue([...base, 'id']);
  // This application's components, and any other the transaction calls or already has a time for.
  const callList = useDocValue([...base, 'calls']);
  const processing = useDocValue([...base, 'processingMs']);
  const touched = [
    ...(Array.isArray(callList) ? callList.flatMap((e: { from?: unknown; to?: unknown }) => [e?.from, e?.to]) : []),
    ...(processing && typeof processing === 'object' ? Object.keys(processing) : []),
  ].filter((c): c is string => typeof c === 'string' && c !== '');
  const processedAt = [...new Set([...components, ...touched])];
  return (
    <li className="editor-item" data-testid={`transaction-${app}-${index}`}>
      <fieldset id={fieldId(pathKey(base))}>
        <legend>Transaction {String(id)}</legend>
        <div className="editor-row">
          <TextInput path={[...base, 'id']} label="Id" />
          <TextInput path={[...base, 'name']} label="Name" />
          <SelectInput path={[...base, 'entryComponent']} label="Entry component" options={asOptions(allComponents)} />
        </div>
        <div className="editor-row">
          <NumberInput path={[...base, 'userRequestBytes']} label="User request (bytes)" />
          <NumberInput path={[...base, 'userResponseBytes']} label="User response (bytes)" />
          <NumberInput path={[...base, 'slo', 'maxMeanIncreaseMs']} label="SLO: mean may rise by (ms)" hint="Empty: no bound" />
          <NumberInput path={[...base, 'slo', 'maxP95Ms']} label="SLO: p95 at most (ms)" hint="Empty: no bound" />
        </div>
        <h5 id={fieldId(pathKey([...base, 'ratePerSecond']))}>Transactions per second by user region</h5>
        <SectionIssues path={[...base, 'ratePerSecond']} />
        <div className="editor-row">
          {regions.map((r) => (
            <NumberInput key={r} path={[...base, 'ratePerSecond', r]} label={`Rate from ${r}`} hint="Empty: none" />
          ))}
          {regions.length === 0 && <p className="muted">Add a user region to give rates.</p>}
        </div>
        <StrayKeys path={[...base, 'ratePerSecond']} known={regions} what="A rate for the user region" />
        <h5 id={fieldId(pathKey([...base, 'calls']))}>Calls (in order from the entry outwards)</h5>
        <SectionIssues path={[...base, 'calls']} />
        <ul className="editor-list">
          {Array.from({ length: calls }, (_, i) => (
            <CallRow key={i} app={app} t={index} index={i} count={calls} />
          ))}
        </ul>
        <ActionButton label={`Add call to transaction ${String(id)}`} onClick={() => edit((doc) => addCall(doc, app, index))}>
          Add call
        </ActionButton>
        <TrafficImport app={app} t={index} />
        <h5 id={fieldId(pathKey([...base, 'processingMs']))}>Processing time per visit (ms)</h5>
        <SectionIssues path={[...base, 'processingMs']} />
        <div className="editor-row">
          {processedAt.map((c) => (
            <NumberInput key={c} path={[...base, 'processingMs', c]} label={`Processing at ${c}`} hint="Empty: 0" />
          ))}
        </div>
        <ActionButton danger label={`Remove transaction ${String(id)}`} onClick={() => edit((doc) => removeAt(doc, ['applications', app, 'transactions'], index))}>
          Remove transaction
        </ActionButton>
      </fieldset>
    </li>
  );
}
