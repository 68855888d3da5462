/**
 * The report's JSON export: the scenario document as it was opened, the plan
 * (with the evaluator's verdict), the baselines and the trade-off points, as
 * produced. Numbers that JSON cannot hold (an unproven gap is Infinity, an
 * absent objective NaN) are written as null.
 */
import type { Baselines } from '../placement/baselines';
import type { LayoutPlan } from '../placement/planLayout';
import type { TradeoffPoint } from '../placement/tradeoff';
import type { Report, TradeoffKind } from './reportData';

export const REPORT_JSON_VERSION = 1;

export interface ReportJson {
  tierwiseReport: typeof REPORT_JSON_VERSION;
  generatedAt: string;
  /** The scenario file's content (what `parseScenario` reads). */
  scenario: unknown;
  plan: LayoutPlan;
  baselines: Baselines;
  tradeoff: { kind: TradeoffKind; points: TradeoffPoint[] } | null;
}

export function reportJsonDocument(report: Report, scenarioDocument: unknown): ReportJson {
  return {
    tierwiseReport: REPORT_JSON_VERSION,
    generatedAt: report.generatedAt,
    scenario: scenarioDocument,
    plan: report.source.plan,
    baselines: report.source.baselines,
    tradeoff: report.source.tradeoff ?? null,
  };
}

/** The JSON file's text (two-space indented, ending in a newline). */
export function reportJson(report: Report, scenarioDocument: unknown): string {
  return JSON.stringify(reportJsonDocument(report, scenarioDocument), (_key, value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? null : value), 2) + '\n';
}
