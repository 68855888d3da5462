/**
 * Scenario in, bursting plan out: for every cloud region a burst could go to,
 * solve the bursting MILP and keep the cheapest; price every schedule (the
 * optimum and the comparisons) with the independent evaluator, and report its
 * numbers only. When GLPK finds no schedule in time, the greedy's schedule is
 * returned with the gap to GLPK's bound, so the user still gets the best plan known.
 */
import type { Scenario } from '../scenario/schema';
import { modelSize, solveModel, type GLPK, type ModelSize } from '../solver/glpk';
import type { SolveProgress } from '../placement/planLayout';
import { buildBurstInputs, candidateRegions, delayCutKey } from './burstInputs';
import { burstP95 } from './burstP95';
import { buildBurstModel } from './burstModel';
import { allInCloudSchedule, buyForPeakSchedule, greedySchedule, naiveSchedule } from './burstHeuristics';
import { evaluateBurst } from './evaluateBurst';
import { DEFAULT_BURST_SETTINGS, type BurstEvaluation, type BurstSchedule, type BurstSettings } from './burstSchedule';

export type BurstStatus = 'optimal' | 'feasible' | 'infeasible' | 'no-solution' | 'no-demand';

export interface BurstRegionSolve {
  region: string;
  status: 'optimal' | 'feasible' | 'infeasible' | 'unbounded' | 'no-solution';
  /** The evaluator's total for this region's schedule. */
  costUSD?: number;
  /** Relative gap GLPK proved (0 = optimal). */
  gap?: number;
  seconds: number;
  model: ModelSize;
}

export interface BurstPlan {
  status: BurstStatus;
  message?: string;
  schedule?: BurstSchedule;
  evaluation?: BurstEvaluation;
  /** Where the schedule came from: the MILP, or the greedy when GLPK, stopped by the clock, had nothing better. */
  source: 'milp' | 'greedy' | 'none';
  /**
   * Proven relative gap of the returned schedule against the best bound, on what a schedule can
   * change (the total less the owned capacity and users served at home, the same in every plan).
   */
  gap: number;
  /** The same gap in USD over the horizon. */
  gapUSD: number;
  /** Rounds of p95 cuts that were needed (0: every p95 met its bound at once). */
  p95Rounds: number;
  /** The model's own objective for the schedule (tests compare it with the evaluator's total). */
  objective: number;
  regions: BurstRegionSolve[];
  solveSeconds: number;
  model: ModelSize;
  settings: BurstSettings;
}

export type BurstBaselineId = 'buy-peak' | 'all-cloud' | 'naive' | 'greedy';

export interface BurstBaseline {
  id: BurstBaselineId;
  name: string;
  region: string | null;
  schedule: BurstSchedule;
  evaluation: BurstEvaluation;
  /** Time to compute the schedule (not to price it). */
  seconds: number;
}

export interface BurstComparison {
  plan: BurstPlan;
  baselines: BurstBaseline[];
}

/** Meets everything the model itself states; a too-long p95 is for the cut rounds to fix. */
const acceptable = (e: BurstEvaluation) => e.violations.every((v) => v.kind === 'p95');

const NO_MODEL: ModelSize = { rows: 0, columns: 0, integerColumns: 0, nonZeros: 0 };

function regionsToTry(scenario: Scenario, settings: BurstSettings): string[] {
  const all = candidateRegions(scenario);
  return settings.burstRegion ? all.filter((r) => r === settings.burstRegion) : all;
}

export function planBursting(scenario: Scenario, glpk: GLPK, settings: BurstSettings = DEFAULT_BURST_SETTINGS, onProgress?: (p: SolveProgress) => void): BurstPlan {
  const started = performance.now();
  const elapsedMs = () => performance.now() - started;
  const base = { regions: [] as BurstRegionSolve[], settings, model: NO_MODEL, gap: 0, gapUSD: 0, p95Rounds: 0, objective: NaN, source: 'none' as const };
  if (!scenario.demand) {
    return { ...base, status: 'no-demand', message: 'The scenario has no demand profiles: bursting plans what runs where period by period, so it needs demand per application (the demand block, or a CSV import).', solveSeconds: 0 };
  }
  const regions = regionsToTry(scenario, settings);
  if (regions.length === 0) {
    // Nothing can burst: the plan is everything at home, if that fits.
    const servers: BurstSchedule['servers'] = {};
    const need = evaluateBurst(scenario, { burstRegion: null, servers: {}, preCopied: [], localCapacityAdded: {} }).need;
    for (const c of scenario.applications.flatMap((a) => a.components)) servers[c.id] = { [c.homeSite]: need[c.id]! };
    const schedule: BurstSchedule = { burstRegion: null, servers, preCopied: [], localCapacityAdded: {} };
    const evaluation = evaluateBurst(scenario, schedule, settings);
    const message = 'No component may run in any cloud region, so nothing can burst.';
    if (!evaluation.feasible) return { ...base, status: 'infeasible', message: `${message} Everything at home does not fit: ${evaluation.violations[0]!.message}.`, solveSeconds: elapsedMs() / 1000 };
    return { ...base, status: 'optimal', message, schedule, evaluation, objective: evaluation.cost.total, solveSeconds: elapsedMs() / 1000 };
  }

  // The MILP bounds the mean; the evaluator checks the p95. Where a burst's tail is too long, that period's
  // allowed mean is lowered by the excess and the plan made again (as placement does), a few rounds at most.
  let cuts = new Map<string, number>();
  for (let round = 0; ; round++) {
    const plan = planRound(scenario, glpk, settings, regions, cuts, started, onProgress);
    const tails = plan.evaluation ? plan.evaluation.violations.filter((v) => v.kind === 'p95') : [];
    if (tails.length === 0) return { ...plan, p95Rounds: round };
    if (round >= MAX_P95_ROUNDS || elapsedMs() / 1000 >= settings.timeLimitSeconds) {
      return {
        ...base,
        regions: plan.regions,
        p95Rounds: round,
        status: 'infeasible',
        message: `No schedule was found whose 95th percentiles all meet their bounds after ${round} rounds of tightening the mean during bursts (still: ${tails[0]!.message}). Allow a higher p95 bound, or give the bursting components more room at home.`,
        solveSeconds: elapsedMs() / 1000,
      };
    }
    cuts = p95Cuts(scenario, plan.schedule!, cuts);
  }
}

const MAX_P95_ROUNDS = 4;

/** Lower the mean bound of every (transaction, region, period) whose p95 was too high by the excess. */
function p95Cuts(scenario: Scenario, schedule: BurstSchedule, previous: ReadonlyMap<string, number>): Map<string, number> {
  const cuts = new Map(previous);
  const region = schedule.burstRegion!;
  const home = new Map(Object.entries(schedule.servers).map(([c, bySite]) => [c, Object.entries(bySite).find(([site]) => site !== region)?.[1] ?? []]));
  const cloud = new Map(Object.entries(schedule.servers).map(([c, bySite]) => [c, bySite[region] ?? []]));
  const periods = Math.max(0, ...[...home.values(), ...cloud.values()].map((v) => v.length));
  for (const c of burstP95(scenario, region, { home, cloud }, () => true, periods)) {
    if (c.p95Ms <= c.boundMs) continue;
    const key = delayCutKey(c.transaction, c.region, c.period);
    cuts.set(key, Math.min(cuts.get(key) ?? Infinity, Math.max(0, c.meanIncreaseMs - (c.p95Ms - c.boundMs))));
  }
  return cuts;
}

function planRound(
  scenario: Scenario,
  glpk: GLPK,
  settings: BurstSettings,
  regions: string[],
  cuts: ReadonlyMap<string, number>,
  started: number,
  onProgress?: (p: SolveProgress) => void,
): Omit<BurstPlan, 'p95Rounds'> {
  const elapsedMs = () => performance.now() - started;
  const base = { regions: [] as BurstRegionSolve[], settings, model: NO_MODEL, gap: 0, gapUSD: 0, objective: NaN, source: 'none' as const };
  let best: { schedule: BurstSchedule; evaluation: BurstEvaluation; gap: number; gapUSD: number; objective: number; model: ModelSize; source: 'milp' | 'greedy' } | null = null;
  const solves: BurstRegionSolve[] = [];
  let rejected: string | undefined;
  for (const [i, region] of regions.entries()) {
    const inputs = buildBurstInputs(scenario, region, cuts);
    onProgress?.({ phase: 'building', elapsedMs: elapsedMs(), detail: `building the model for ${region}` });
    const built = buildBurstModel(inputs, settings);
    const size = modelSize(built.model);
    const remaining = Math.max(1, settings.timeLimitSeconds - elapsedMs() / 1000);
    onProgress?.({ phase: 'solving', elapsedMs: elapsedMs(), detail: `${region}: ${size.rows} rows × ${size.columns} columns (${size.integerColumns} integer)` });
    const outcome = solveModel(glpk, built.model, {
      timeLimitSeconds: remaining / (regions.length - i),
      mipGap: settings.mipGap,
      onLog: (line) => onProgress?.({ phase: 'solving', elapsedMs: elapsedMs(), detail: `${region}: ${line.trim()}` }),
    });
    // GLPK says FEAS when it stops at the requested gap: that is optimal within the gap, as for placement.
    const status = outcome.status === 'feasible' && outcome.stoppedOnGap ? 'optimal' : outcome.status;
    const solve: BurstRegionSolve = { region, status, seconds: outcome.seconds, model: size };
    // Gaps are on what the plan can change: the owned capacity and users served at home are the same in every schedule.
    const variableBound = outcome.status === 'optimal' ? outcome.objective : outcome.lastProgress?.bound;
    const gapOf = (totalUSD: number) => {
      const variable = totalUSD - built.constantUSD;
      if (variableBound === undefined) return Infinity;
      return variable > 1e-9 ? Math.max(0, (variable - variableBound) / variable) : 0;
    };
    let milp: { schedule: BurstSchedule; evaluation: BurstEvaluation; objective: number } | null = null;
    if (outcome.status === 'optimal' || outcome.status === 'feasible') {
      const schedule = built.schedule(outcome.values);
      milp = { schedule, evaluation: evaluateBurst(scenario, schedule, settings), objective: outcome.objective + built.constantUSD };
      solve.costUSD = milp.evaluation.cost.total;
      solve.gap = status === 'optimal' ? Math.min(gapOf(milp.evaluation.cost.total), settings.mipGap) : gapOf(milp.evaluation.cost.total);
    }
    // The evaluator must accept what the model found; if it does not, that is a defect, said as such, and the greedy stands in.
    const defect = milp?.evaluation.violations.find((v) => v.kind !== 'p95');
    if (defect) rejected ??= `${region}: ${defect.message}`;
    // Stopped by the clock (with or without a schedule): the greedy's schedule is kept when the evaluator finds it cheaper.
    let candidate: { schedule: BurstSchedule; evaluation: BurstEvaluation; objective: number; gap: number; source: 'milp' | 'greedy' } | null =
      milp && !defect ? { ...milp, gap: solve.gap!, source: 'milp' } : null;
    if ((status !== 'optimal' && status !== 'infeasible') || !candidate) {
      const schedule = greedySchedule(inputs, settings);
      const evaluation = evaluateBurst(scenario, schedule, settings);
      if (acceptable(evaluation) && (!candidate || evaluation.cost.total < candidate.evaluation.cost.total - 1e-9)) {
        candidate = { schedule, evaluation, objective: NaN, gap: gapOf(evaluation.cost.total), source: 'greedy' as const };
        // The greedy meets every row the model has, so the model cannot be infeasible: say so rather than hide it.
        if (status === 'infeasible') rejected ??= `${region}: the model was found infeasible, yet the greedy's schedule meets every constraint`;
      }
    }
    if (candidate && (!best || candidate.evaluation.cost.total < best.evaluation.cost.total))
      best = { ...candidate, gapUSD: Number.isFinite(candidate.gap) ? candidate.gap * (candidate.evaluation.cost.total - built.constantUSD) : Infinity, model: size };
    solves.push(solve);
  }
  const solveSeconds = elapsedMs() / 1000;
  onProgress?.({ phase: 'done', elapsedMs: elapsedMs() });
  if (!best) {
    const infeasible = solves.every((s) => s.status === 'infeasible');
    return {
      ...base,
      regions: solves,
      status: infeasible ? 'infeasible' : 'no-solution',
      message: rejected
        ? `The optimiser and the independent evaluator disagree (${rejected}). That is a defect in Tierwise, not in your scenario; please report it with the scenario file.`
        : infeasible
        ? 'No schedule meets every constraint in any region: some period needs more servers than the data centre has and what could burst cannot (its lead time, a response-time bound or the link does not allow it). The buy-for-the-peak comparison shows how much local capacity would be needed.'
        : `No schedule was found within ${settings.timeLimitSeconds} s; allow more time.`,
      solveSeconds,
    };
  }
  const allOptimal = solves.every((s) => s.status === 'optimal' || s.status === 'infeasible');
  return {
    status: best.source === 'milp' && allOptimal && !rejected ? 'optimal' : 'feasible',
    ...(rejected ? { message: `The optimiser and the independent evaluator disagree (${rejected}), a defect in Tierwise; the best schedule the evaluator accepts is shown.` } : {}),
    schedule: best.schedule,
    evaluation: best.evaluation,
    source: best.source,
    gap: best.gap,
    gapUSD: best.gapUSD,
    objective: best.objective,
    regions: solves,
    solveSeconds,
    model: best.model,
    settings,
  };
}

/** The optimum beside the four comparisons, each in the region where it is cheapest, each priced by the evaluator. */
export function compareBursting(scenario: Scenario, glpk: GLPK, settings: BurstSettings = DEFAULT_BURST_SETTINGS, onProgress?: (p: SolveProgress) => void): BurstComparison {
  const plan = planBursting(scenario, glpk, settings, onProgress);
  const baselines: BurstBaseline[] = [];
  if (plan.status === 'no-demand') return { plan, baselines };
  onProgress?.({ phase: 'evaluating', elapsedMs: plan.solveSeconds * 1000, detail: 'scoring the comparisons' });
  const regions = regionsToTry(scenario, settings);
  const policies: { id: BurstBaselineId; name: string; make: (i: ReturnType<typeof buildBurstInputs>) => BurstSchedule }[] = [
    { id: 'buy-peak', name: 'Buy local capacity for the peak', make: buyForPeakSchedule },
    { id: 'all-cloud', name: 'Run everything in the cloud', make: allInCloudSchedule },
    { id: 'naive', name: 'Naive bursting (biggest application first)', make: (i) => naiveSchedule(i, settings) },
    { id: 'greedy', name: 'Seagull-like greedy (cheapest per server freed)', make: (i) => greedySchedule(i, settings) },
  ];
  const regionIds = regions.length > 0 ? regions : [scenario.sites[0]!.id];
  for (const policy of policies) {
    const tried = (policy.id === 'buy-peak' ? regionIds.slice(0, 1) : regionIds).map((region) => {
      const t0 = performance.now();
      const schedule = policy.make(buildBurstInputs(scenario, region));
      const seconds = (performance.now() - t0) / 1000;
      return { schedule, seconds, evaluation: evaluateBurst(scenario, schedule, settings) };
    });
    // The region where the policy does best: a feasible schedule before any other, then the cheapest.
    const rank = (t: (typeof tried)[number]) => (t.evaluation.feasible ? 0 : 1e18) + t.evaluation.cost.total;
    const chosen = tried.reduce((a, b) => (rank(b) < rank(a) ? b : a));
    baselines.push({ id: policy.id, name: policy.name, region: chosen.schedule.burstRegion, schedule: chosen.schedule, evaluation: chosen.evaluation, seconds: tried.reduce((n, t) => n + t.seconds, 0) });
  }
  return { plan, baselines };
}
