import { useId, useState } from 'react';
import { errorMessage } from '../app/errors';
import { exportReport, type ReportFormat } from '../app/reportExport';
import type { SolveOutcome } from '../app/useSolve';
import { useShownSweep } from '../app/useTradeoffSweep';
import { useShownBurst } from '../app/useBurstPlan';

const CHOICES: { format: ReportFormat; label: string; title: string; ariaLabel?: string }[] = [
  { format: 'html', label: 'HTML report', title: 'One self-contained page with charts; print it for a PDF' },
  { format: 'markdown', label: 'Markdown', title: 'The summary and tables as Markdown' },
  { format: 'json', label: 'JSON', title: 'The scenario, the plan, the baselines and the trade-off points' },
  { format: 'layout-csv', label: 'Layout', ariaLabel: 'Layout (CSV)', title: 'Servers per component and site, as CSV' },
  { format: 'costs-csv', label: 'Costs', ariaLabel: 'Costs (CSV)', title: 'Monthly cost of the plan and every baseline, as CSV' },
  { format: 'delays-csv', label: 'Delays', ariaLabel: 'Delays (CSV)', title: 'Response time per transaction and user region, as CSV' },
];

/** Saves the plan shown above (and the trade-off curve, when one was swept) as a report file, one format per click. */
export function ExportReport({ outcome }: { outcome: SolveOutcome }) {
  const sweep = useShownSweep();
  const burst = useShownBurst();
  const headingId = useId();
  const [result, setResult] = useState<{ ok: true; fileName: string } | { ok: false; message: string } | null>(null);
  const save = (format: ReportFormat) => {
    try {
      setResult({ ok: true, fileName: exportReport(outcome, sweep, format, burst).fileName });
    } catch (error) {
      setResult({ ok: false, message: errorMessage(error) });
    }
  };
  const button = (choice: (typeof CHOICES)[number]) => (
    <button key={choice.format} type="button" className="button button-secondary" title={choice.title} aria-label={choice.ariaLabel} data-format={choice.format} onClick={() => save(choice.format)}>
      {choice.label}
    </button>
  );
  return (
    <div className="export-report" role="group" aria-labelledby={headingId} data-testid="export-report">
      <h3 id={headingId}>Export report</h3>
      <p className="muted small">
        This plan, its baselines and response times{sweep ? `, and the trade-off curve (${sweep.points.length} points)` : ''}, as shown here.
      </p>
      <div className="export-buttons">
        {CHOICES.slice(0, 3).map(button)}
        <span className="export-csv" role="group" aria-label="CSV files">
          <span className="muted small">CSV:</span>
          {CHOICES.slice(3).map(button)}
        </span>
      </div>
      {result?.ok && (
        <p className="muted small" role="status" data-testid="export-report-status">
          Saved {result.fileName}
        </p>
      )}
      {result && !result.ok && (
        <p role="alert" className="inline-error">
          The report could not be made: {result.message}
        </p>
      )}
    </div>
  );
}
