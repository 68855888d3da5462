/**
 * "Export report": the planning report (src/planner/report/) built from exactly what
 * the page shows — the solve outcome (plan, baselines, the scenario as solved) and,
 * when the Trade-offs panel shows a sweep of the same scenario, its points — and
 * saved as a file. Built on the main thread on the click: for the enterprise sample
 * it takes a few milliseconds (the e2e test reads the `tierwise-report` measure).
 */
import { buildReport, costsCsv, delaysCsv, layoutCsv, renderHtmlReport, renderMarkdownReport, reportJson, type Report } from '../planner/report';
import { downloadTextFile } from './download';
import { slugify } from './format';
import type { SolveOutcome } from './useSolve';
import type { SweepOutcome } from './useTradeoffSweep';
import type { BurstOutcome } from './useBurstPlan';
import { burstReport } from '../planner/bursting/burstReport';

export const REPORT_FORMATS = ['html', 'markdown', 'json', 'layout-csv', 'costs-csv', 'delays-csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ReportFile {
  fileName: string;
  text: string;
  /** MIME type without the charset (downloadTextFile adds UTF-8). */
  type: string;
}

/** The name of the performance measure every export records (build and render, not the download). */
export const REPORT_MEASURE = 'tierwise-report';

/** The report of what the page shows: the solved plan, its baselines and the shown sweep of the same scenario. */
export function pageReport(outcome: SolveOutcome, sweep: SweepOutcome | undefined, now: Date = new Date(), burst?: BurstOutcome): Report {
  const tradeoff = sweep && sweep.revision === outcome.revision && sweep.points.length > 0 ? { kind: sweep.sweep.kind, points: sweep.points } : undefined;
  const bursting = burst && burst.revision === outcome.revision ? burstReport(outcome.scenario, burst) : undefined;
  return buildReport({
    scenario: outcome.scenario,
    plan: outcome.plan,
    baselines: outcome.baselines,
    ...(tradeoff ? { tradeoff } : {}),
    ...(bursting ? { bursting } : {}),
    generatedAt: now.toISOString(),
  });
}

/** One export of a report, named after the scenario as the CLI names them (`NAME-report.html`, `NAME-layout.csv`, …). */
export function reportFile(report: Report, format: ReportFormat, document: unknown): ReportFile {
  const name = slugify(report.scenario.name);
  switch (format) {
    case 'html':
      return { fileName: `${name}-report.html`, text: renderHtmlReport(report), type: 'text/html' };
    case 'markdown':
      return { fileName: `${name}-report.md`, text: renderMarkdownReport(report), type: 'text/markdown' };
    case 'json':
      return { fileName: `${name}-report.json`, text: reportJson(report, document), type: 'application/json' };
    case 'layout-csv':
      return { fileName: `${name}-layout.csv`, text: layoutCsv(report), type: 'text/csv' };
    case 'costs-csv':
      return { fileName: `${name}-costs.csv`, text: costsCsv(report), type: 'text/csv' };
    case 'delays-csv':
      return { fileName: `${name}-delays.csv`, text: delaysCsv(report), type: 'text/csv' };
  }
}

/** Builds the report in one format, records how long that took, and saves it. */
export function exportReport(outcome: SolveOutcome, sweep: SweepOutcome | undefined, format: ReportFormat, burst?: BurstOutcome): { fileName: string; buildMs: number } {
  const started = performance.now();
  const file = reportFile(pageReport(outcome, sweep, new Date(), burst), format, outcome.document);
  const ended = performance.now();
  performance.measure(REPORT_MEASURE, { start: started, end: ended, detail: { format, characters: file.text.length } });
  downloadTextFile(file.fileName, file.text, file.type);
  return { fileName: file.fileName, buildMs: ended - started };
}
