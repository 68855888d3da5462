/**
 * Scenario in, plan out: build the placement model, solve it with the GLPK it
 * is given, and report the evaluator's numbers (never the solver's own).
 */
import type { Scenario } from '../scenario/schema';
import { allowedSitesOf } from '../scenario/validate';
import { evaluatePlacement, statusQuoPlacement, type CostBreakdown, type Placement, type Violation } from '../evaluate/evaluatePlacement';
import { modelSize, solveModel, type GLPK, type ModelSize } from '../solver/glpk';
import { buildWholePlacementModel, placementFromValues } from './wholePlacement';

export interface PlanSettings {
  timeLimitSeconds: number;
  mipGap: number;
}

export const DEFAULT_PLAN_SETTINGS: PlanSettings = { timeLimitSeconds: 60, mipGap: 0 };

export interface SolveProgress {
  phase: 'building' | 'solving' | 'evaluating' | 'done';
  elapsedMs: number;
  detail?: string;
  /** Best objective found so far, when the solver has one. */
  incumbent?: number;
  /** Best proven bound. */
  bound?: number;
  gapPercent?: number;
}

export type PlanStatus = 'optimal' | 'feasible' | 'infeasible' | 'no-solution';

export interface PlacementPlan {
  status: PlanStatus;
  /** Plain-words explanation when the status is not 'optimal'. */
  message?: string;
  placement: Placement;
  cost: CostBreakdown;
  statusQuo: { cost: CostBreakdown; violations: Violation[] };
  /** The evaluator's verdict on the returned placement (empty when it holds). */
  violations: Violation[];
  serversBySite: Record<string, number>;
  model: ModelSize;
  solveSeconds: number;
  settings: PlanSettings;
}

export function planPlacement(
  s: Scenario,
  glpk: GLPK,
  settings: PlanSettings = DEFAULT_PLAN_SETTINGS,
  onProgress: (p: SolveProgress) => void = () => {},
): PlacementPlan {
  const started = performance.now();
  const progress = (phase: SolveProgress['phase'], detail?: string) =>
    onProgress({ phase, elapsedMs: performance.now() - started, ...(detail ? { detail } : {}) });

  progress('building');
  const built = buildWholePlacementModel(s);
  const size = modelSize(built.model);
  const statusQuoEval = evaluatePlacement(s, statusQuoPlacement(s));
  const statusQuo = { cost: statusQuoEval.cost, violations: statusQuoEval.violations };
  const empty = evaluatePlacement(s, {});
  const fail = (status: PlanStatus, message: string, seconds = 0): PlacementPlan => ({
    status,
    message,
    placement: {},
    cost: empty.cost,
    statusQuo,
    violations: [],
    serversBySite: empty.serversBySite,
    model: size,
    solveSeconds: seconds,
    settings,
  });
  if (built.obstacles.length > 0) return fail('infeasible', built.obstacles.join('; '));

  progress('solving', `${size.rows} rows, ${size.columns} columns (${size.integerColumns} integer)`);
  const outcome = solveModel(glpk, built.model, {
    timeLimitSeconds: settings.timeLimitSeconds,
    mipGap: settings.mipGap,
    onLog: (line) => progress('solving', line.trim()),
  });
  if (outcome.status === 'infeasible') return fail('infeasible', explainInfeasibility(s), outcome.seconds);
  if (outcome.status !== 'optimal' && outcome.status !== 'feasible')
    return fail('no-solution', `the solver stopped after ${settings.timeLimitSeconds} s without finding any placement; raise the time limit`, outcome.seconds);

  progress('evaluating');
  const placement = placementFromValues(built, outcome.values);
  const evaluation = evaluatePlacement(s, placement);
  progress('done');
  const plan: PlacementPlan = {
    status: outcome.status,
    placement,
    cost: evaluation.cost,
    statusQuo,
    violations: evaluation.violations,
    serversBySite: evaluation.serversBySite,
    model: size,
    solveSeconds: outcome.seconds,
    settings,
  };
  if (outcome.status === 'feasible') plan.message = `stopped at the time limit (${settings.timeLimitSeconds} s) or gap setting: this is the best placement found, not proven optimal`;
  if (evaluation.violations.length > 0) {
    // Never hand out a plan the evaluator rejects.
    plan.status = 'infeasible';
    plan.message = `the solver's placement fails the independent check: ${evaluation.violations.map((v) => v.message).join('; ')}`;
  }
  return plan;
}

/** Finds the simplest reasons a placement cannot exist; capacities and pins are the usual ones. */
export function explainInfeasibility(s: Scenario): string {
  const reasons: string[] = [];
  const components = s.applications.flatMap((a) => a.components);
  for (const site of s.sites) {
    const cap = site.capacity.servers;
    if (cap === undefined) continue;
    const pinned = components.filter((c) => {
      const allowed = allowedSitesOf(c, s);
      return allowed.length === 1 && allowed[0] === site.id;
    });
    const need = pinned.reduce((n, c) => n + c.servers, 0);
    if (need > cap)
      reasons.push(`components pinned to "${site.id}" need ${need} servers but it has ${cap}: add ${need - cap} servers there or unpin ${pinned.map((c) => `"${c.id}"`).join(', ')}`);
  }
  const total = components.reduce((n, c) => n + c.servers, 0);
  const capacity = s.sites.reduce((n, site) => n + (site.capacity.servers ?? Infinity), 0);
  if (total > capacity) reasons.push(`the components need ${total} servers and all sites together have ${capacity}`);
  if (reasons.length === 0)
    reasons.push('no single-site layout satisfies the capacities, allowed sites and co-location groups together; relax a pin or a capacity');
  return `No feasible placement: ${reasons.join('; ')}.`;
}
