import { useId, useState } from 'react';
import type { RowError } from '../../planner/import/csvTable';

/** A CSV from a file or pasted, handed to `onCsv`; the labels name what it holds ("traffic", "demand"). */
export function CsvSource({ what, onCsv }: { what: string; onCsv(csv: string): void }) {
  const ids = { file: useId(), text: useId() };
  const [text, setText] = useState('');
  return (
    <>
      <div className="field">
        <label htmlFor={ids.file}>{what.charAt(0).toUpperCase() + what.slice(1)} CSV file</label>
        <input
          id={ids.file}
          type="file"
          accept=".csv,text/csv"
          onChange={async (e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (file) onCsv(await file.text());
          }}
        />
      </div>
      <div className="field">
        <label htmlFor={ids.text}>Or paste the {what} CSV</label>
        <textarea id={ids.text} rows={4} value={text} onChange={(e) => setText(e.currentTarget.value)} />
      </div>
      <button type="button" className="button" disabled={text.trim() === ''} onClick={() => onCsv(text)}>
        Import pasted {what}
      </button>
    </>
  );
}

/** Why an import was refused, row by row (the importers' messages name their row); nothing was changed. */
export function ImportErrors({ testId, summary, errors }: { testId: string; summary: string; errors: readonly RowError[] }) {
  return (
    <div role="alert" className="import-errors" data-testid={testId}>
      <p>{summary}</p>
      <ul>
        {errors.map((e, i) => (
          <li key={i} data-row={e.row}>
            {e.message.charAt(0).toUpperCase() + e.message.slice(1)}
          </li>
        ))}
      </ul>
    </div>
  );
}
