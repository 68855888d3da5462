/**
 * The planner in a Web Worker: a thin Comlink boundary that only calls the core.
 * GLPK's Node build is used on purpose: it runs synchronously inside this worker,
 * whereas the browser build would start yet another worker of its own.
 */
import * as Comlink from 'comlink';
import GLPK from 'glpk.js/node';
import { planLayout, type LayoutPlan, type LayoutPlanSettings } from '../planner/placement/planLayout';
import { computeBaselines, type Baselines } from '../planner/placement/baselines';
import { sweepTradeoff, type TradeoffPoint, type TradeoffSweep } from '../planner/placement/tradeoff';
import { buildLayoutModel } from '../planner/placement/layoutModel';
import { compareBursting, type BurstComparison } from '../planner/bursting/planBursting';
import type { BurstSettings } from '../planner/bursting/burstSchedule';
import {
  parseScenario,
  toCplexLp,
  loadGlpk,
  type SolveProgress,
  type ValidationIssue,
} from '../planner';

export type Reply<T> = { ok: true; value: T } | { ok: false; issues: ValidationIssue[] };

const glpkReady = loadGlpk(GLPK);

const api = {
  validate(input: unknown) {
    return parseScenario(input);
  },
  /** The full optimiser: layout, the evaluator's verdict on it, and the baselines beside it. */
  async solveLayout(input: unknown, settings: LayoutPlanSettings, onProgress?: (p: SolveProgress) => void): Promise<Reply<{ plan: LayoutPlan; baselines: Baselines }>> {
    const parsed = parseScenario(input);
    if (!parsed.ok) return parsed;
    const glpk = await glpkReady;
    const plan = planLayout(parsed.scenario, glpk, settings, onProgress);
    onProgress?.({ phase: 'evaluating', elapsedMs: plan.solveSeconds * 1000, detail: 'scoring the baselines' });
    const baselines = computeBaselines(parsed.scenario, { migrationAmortisationMonths: settings.migrationAmortisationMonths });
    return { ok: true, value: { plan, baselines } };
  },
  async sweepTradeoff(input: unknown, settings: LayoutPlanSettings, sweep: TradeoffSweep, onProgress?: (p: SolveProgress & { point: number; points: number }) => void): Promise<Reply<TradeoffPoint[]>> {
    const parsed = parseScenario(input);
    if (!parsed.ok) return parsed;
    return { ok: true, value: sweepTradeoff(parsed.scenario, await glpkReady, settings, sweep, onProgress) };
  },
  /** The bursting plan over the demand horizon, beside its four comparisons. */
  async planBursting(input: unknown, settings: BurstSettings, onProgress?: (p: SolveProgress) => void): Promise<Reply<BurstComparison>> {
    const parsed = parseScenario(input);
    if (!parsed.ok) return parsed;
    return { ok: true, value: compareBursting(parsed.scenario, await glpkReady, settings, onProgress) };
  },
  async exportLayoutLp(input: unknown, settings: LayoutPlanSettings): Promise<Reply<string>> {
    const parsed = parseScenario(input);
    if (!parsed.ok) return parsed;
    const model = buildLayoutModel(parsed.scenario, {
      objective: settings.objective,
      migrationAmortisationMonths: settings.migrationAmortisationMonths,
      ...(settings.maxMeanIncreaseOverrideMs !== undefined ? { maxMeanIncreaseOverrideMs: settings.maxMeanIncreaseOverrideMs } : {}),
      ...(settings.bandwidthCapMbps !== undefined ? { bandwidthCapMbps: settings.bandwidthCapMbps } : {}),
    }).model;
    return { ok: true, value: toCplexLp(await glpkReady, model) };
  },
};

export type PlannerApi = typeof api;

Comlink.expose(api);
