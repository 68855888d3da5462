/**
 * Scenario in, layout plan out: solve the layout MILP (monolithic when small,
 * decomposed by application otherwise), then re-check the result with the
 * independent evaluator and report the evaluator's numbers.
 *
 * The 95th percentile. A mixture of routes has a p95 that no linear expression
 * of the routing fractions gives, so the MILP bounds only the mean (exactly: it
 * is linear). When the evaluator finds a p95 above its bound, a cut lowers that
 * (transaction, region)'s allowed mean by the excess and the model is solved
 * again: a lower mean moves requests off slow routes. After a few rounds the
 * plan either passes the evaluator or is not returned as feasible. The cuts make
 * the method conservative (it may miss a cheaper layout whose mean is higher but
 * whose tail is short); it never reports a violating plan as feasible.
 */
import type { Scenario } from '../scenario/schema';
import { elasticCopy, modelSize, parseMipProgress, solveModel, type GLPK, type ModelSize } from '../solver/glpk';
import { evaluateLayout, type LayoutEvaluation } from '../evaluate/evaluateLayout';
import type { Layout } from '../layout/layout';
import { buildLayoutModel, delayKey, type LayoutModelOptions, type PlacementObjective, type RowMeaning } from './layoutModel';
import { solveDecomposed } from './decompose';
import { allowedSitesOf } from '../scenario/validate';

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

export interface LayoutPlanSettings {
  timeLimitSeconds: number;
  /** Relative gap at which a layout counts as optimal (0.001 = 0.1%). */
  mipGap: number;
  objective: PlacementObjective;
  migrationAmortisationMonths: number;
  maxMeanIncreaseOverrideMs?: number;
  bandwidthCapMbps?: number;
}

/** The time limit and the gap (all that share links held before they carried the objective and the horizon). */
export type PlanSettings = Pick<LayoutPlanSettings, 'timeLimitSeconds' | 'mipGap'>;

export const DEFAULT_LAYOUT_PLAN_SETTINGS: LayoutPlanSettings = {
  timeLimitSeconds: 60,
  mipGap: 0.001,
  objective: { kind: 'cost' },
  migrationAmortisationMonths: 0,
};

/** A constraint that would have to give, and by how much, for a layout to exist. */
export interface Relaxation {
  kind: RowMeaning['kind'];
  amount: number;
  message: string;
}

export interface LayoutPlan {
  status: 'optimal' | 'feasible' | 'infeasible' | 'no-solution';
  message?: string;
  layout?: Layout;
  /** The independent evaluator's verdict on `layout`: every number the page shows comes from here. */
  evaluation?: LayoutEvaluation;
  /** Proven relative gap between the layout's objective and the best bound (0 = optimal). */
  gap: number;
  /** The model's own objective for `layout` (the evaluator's cost is what counts; tests compare the two). */
  objective: number;
  method: 'monolithic' | 'decomposition';
  blocks: number;
  /** Rounds of p95 cuts that were needed. */
  cutRounds: number;
  relaxations: Relaxation[];
  model: ModelSize;
  solveSeconds: number;
  settings: LayoutPlanSettings;
}

/** Below this many integer columns the whole model goes to GLPK at once. */
const MONOLITHIC_LIMIT = 600;
const MAX_CUT_ROUNDS = 6;

export function planLayout(s: Scenario, glpk: GLPK, settings: LayoutPlanSettings = DEFAULT_LAYOUT_PLAN_SETTINGS, onProgress: (p: SolveProgress) => void = () => {}): LayoutPlan {
  const started = performance.now();
  const elapsed = () => (performance.now() - started) / 1000;
  const report = (phase: SolveProgress['phase'], detail?: string, extra: Partial<SolveProgress> = {}) =>
    onProgress({ phase, elapsedMs: performance.now() - started, ...(detail ? { detail } : {}), ...extra });
  const evaluationOptions = { migrationAmortisationMonths: settings.migrationAmortisationMonths };
  const judged = withSweepLimits(s, settings);
  const meanLimitsMs: Record<string, number> = {};
  let cutRounds = 0;
  let method: LayoutPlan['method'] = 'monolithic';
  let blocks = 1;
  let size: ModelSize = { rows: 0, columns: 0, integerColumns: 0, nonZeros: 0 };

  for (;;) {
    report('building', cutRounds > 0 ? `p95 cut round ${cutRounds}` : undefined);
    const options: LayoutModelOptions = {
      objective: settings.objective,
      migrationAmortisationMonths: settings.migrationAmortisationMonths,
      meanLimitsMs,
      ...(settings.maxMeanIncreaseOverrideMs !== undefined ? { maxMeanIncreaseOverrideMs: settings.maxMeanIncreaseOverrideMs } : {}),
      ...(settings.bandwidthCapMbps !== undefined ? { bandwidthCapMbps: settings.bandwidthCapMbps } : {}),
    };
    const built = buildLayoutModel(s, options);
    size = modelSize(built.model);
    const base = { gap: Infinity, objective: NaN, method, blocks, cutRounds, relaxations: [] as Relaxation[], model: size, settings };
    if (built.obstacles.length > 0) return { ...base, status: 'infeasible', message: built.obstacles.join('; '), solveSeconds: elapsed() };

    const remaining = Math.max(1, settings.timeLimitSeconds - elapsed());
    let result: { status: LayoutPlan['status']; layout?: Layout; gap: number; objective: number } | undefined;
    if (size.integerColumns <= MONOLITHIC_LIMIT) {
      method = 'monolithic';
      report('solving', `${size.rows} rows, ${size.columns} columns (${size.integerColumns} integer)`);
      const outcome = solveModel(glpk, built.model, {
        timeLimitSeconds: remaining,
        mipGap: settings.mipGap,
        onLog: (line) => report('solving', line.trim(), progressOf(line)),
      });
      if (outcome.status === 'optimal' || outcome.status === 'feasible') {
        // GLPK says FEAS both when the clock ran out and when it reached the requested gap.
        const gap = outcome.status === 'optimal' ? 0 : (outcome.lastProgress?.gapPercent ?? NaN) / 100;
        result = { status: outcome.status === 'optimal' || outcome.stoppedOnGap ? 'optimal' : 'feasible', layout: built.read(outcome.values), gap, objective: outcome.objective };
      } else if (outcome.status === 'infeasible') {
        result = { status: 'infeasible', gap: Infinity, objective: NaN };
      }
    }
    if (!result || result.status === 'no-solution') {
      method = 'decomposition';
      const d = solveDecomposed(s, glpk, options, {
        timeLimitSeconds: Math.max(1, settings.timeLimitSeconds - elapsed()),
        mipGap: settings.mipGap,
        onProgress: (p) => report('solving', p.detail, p),
      });
      blocks = d.blocks;
      result = { status: d.status, ...(d.layout ? { layout: d.layout } : {}), gap: d.gap, objective: d.upperBound };
    }
    const common = { ...base, method, blocks, gap: result.gap, objective: result.objective };

    if (result.status === 'infeasible') {
      report('evaluating', 'explaining infeasibility');
      const relaxations = explainLayoutInfeasibility(s, glpk, options);
      const message = relaxations.length > 0
        ? `No layout meets every constraint. It would if you ${relaxations.map((r) => r.message).join(', or ')}.`
        : explainInfeasibility(s);
      return { ...common, status: 'infeasible', message, relaxations, solveSeconds: elapsed() };
    }
    if (!result.layout) {
      return { ...common, status: 'no-solution', message: `the solver found no layout within ${settings.timeLimitSeconds} s; raise the time limit or the gap`, solveSeconds: elapsed() };
    }

    report('evaluating');
    const evaluation = evaluateLayout(judged, result.layout, evaluationOptions);
    const tailTooLong = evaluation.delays.filter((d) => !d.p95Ok);
    const otherViolations = evaluation.violations.filter((v) => v.kind !== 'p95Delay');
    if (otherViolations.length === 0 && tailTooLong.length > 0 && cutRounds < MAX_CUT_ROUNDS && elapsed() < settings.timeLimitSeconds) {
      cutRounds++;
      for (const d of tailTooLong) {
        const excess = d.p95Ms - d.bounds.maxP95Ms!;
        meanLimitsMs[delayKey(d.transactionId, d.regionId)] = d.meanMs - Math.max(excess, 1);
      }
      continue;
    }
    const plan: LayoutPlan = { ...common, status: result.status, layout: result.layout, evaluation, solveSeconds: elapsed() };
    if (result.status === 'feasible')
      plan.message = Number.isFinite(result.gap)
        ? `stopped before proving optimality: the best layout found is within ${(result.gap * 100).toFixed(2)}% of the best possible`
        : `stopped at the time limit: this is the best layout found; its distance from the optimum is not known`;
    if (!evaluation.feasible) {
      // Never hand out a plan the evaluator rejects.
      plan.status = 'infeasible';
      plan.message = `no layout found that the independent evaluator accepts${cutRounds > 0 ? ` after ${cutRounds} rounds of p95 cuts` : ''}: ${evaluation.violations.map((v) => v.message).join('; ')}`;
    }
    report('done');
    return plan;
  }
}

/**
 * The scenario as a sweep point sees it: the swept limit replaces the scenario's own
 * (every transaction's allowed mean increase, or every link's bandwidth), so that the
 * evaluator judges the point by the limit it was solved for.
 */
function withSweepLimits(s: Scenario, settings: LayoutPlanSettings): Scenario {
  const { maxMeanIncreaseOverrideMs: meanLimit, bandwidthCapMbps: cap } = settings;
  if (meanLimit === undefined && cap === undefined) return s;
  return {
    ...s,
    network: cap === undefined ? s.network : { ...s.network, links: s.network.links.map((l) => ({ ...l, bandwidthMbps: Math.min(l.bandwidthMbps, cap) })) },
    applications: meanLimit === undefined ? s.applications : s.applications.map((a) => ({ ...a, transactions: a.transactions.map((t) => ({ ...t, slo: { ...t.slo, maxMeanIncreaseMs: meanLimit } })) })),
  };
}

function progressOf(line: string): Partial<SolveProgress> {
  const p = parseMipProgress(line);
  return p ?? {};
}

/** Penalty per unit of slack: a server is worth 1,000 ms of delay or 100 Mbps of bandwidth. */
const ELASTIC_PENALTY = { cap_servers: 1000, cap_vcpus: 250, mean: 1, bw: 10 };

/** Solves an elastic copy of the layout model and turns its slacks into "allow +35 ms on Checkout for Europe"-style advice. */
export function explainLayoutInfeasibility(s: Scenario, glpk: GLPK, options: LayoutModelOptions): Relaxation[] {
  const built = buildLayoutModel(s, options);
  const { model, slackOf } = elasticCopy(built.model, ELASTIC_PENALTY);
  const outcome = solveModel(glpk, model, { timeLimitSeconds: 30 });
  if (outcome.status !== 'optimal' && outcome.status !== 'feasible') return [];
  const relaxations: Relaxation[] = [];
  const transactionName = new Map(s.applications.flatMap((a) => a.transactions.map((t) => [t.id, t.name])));
  const regionName = new Map(s.userRegions.map((r) => [r.id, r.name]));
  for (const [row, slack] of slackOf) {
    const amount = outcome.values[slack] ?? 0;
    if (amount <= 1e-6) continue;
    const meaning = built.rowMeaning.get(row);
    if (!meaning) continue;
    switch (meaning.kind) {
      case 'servers':
        relaxations.push({ kind: 'servers', amount: Math.ceil(amount - 1e-6), message: `add ${Math.ceil(amount - 1e-6)} servers at "${meaning.siteId}"` });
        break;
      case 'vcpus':
        relaxations.push({ kind: 'vcpus', amount: Math.ceil(amount - 1e-6), message: `add ${Math.ceil(amount - 1e-6)} vCPUs at "${meaning.siteId}"` });
        break;
      case 'meanDelay':
        relaxations.push({ kind: 'meanDelay', amount, message: `allow +${Math.ceil(amount * 10) / 10} ms on ${transactionName.get(meaning.transactionId)} for ${regionName.get(meaning.regionId)} users` });
        break;
      case 'bandwidth':
        relaxations.push({ kind: 'bandwidth', amount, message: `add ${Math.ceil(amount)} Mbps on the link from "${meaning.from}" to "${meaning.to}"` });
        break;
    }
  }
  return relaxations;
}

/** When the elastic copy finds nothing to relax: the simplest reasons, pins that overfill a site. */
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
