/**
 * The layouts every plan is compared with, all scored by the independent
 * evaluator: the status quo, lift-and-shift to each cloud region, and a greedy
 * heuristic. Savings are against the status quo.
 */
import type { Scenario } from '../scenario/schema';
import { allowedSitesOf } from '../scenario/validate';
import { evaluateLayout, liftAndShiftLayout, statusQuoLayout, type LayoutEvaluation, type LayoutEvaluationOptions } from '../evaluate/evaluateLayout';
import type { Layout } from '../layout/layout';

export interface Baseline {
  id: string;
  name: string;
  layout: Layout;
  evaluation: LayoutEvaluation;
}

export interface Baselines {
  statusQuo: Baseline;
  liftAndShift: Baseline[];
  /** Id of the cheapest lift-and-shift the evaluator accepts, if any. */
  cheapestFeasibleLiftAndShift?: string;
  greedy: Baseline;
}

/** The greedy baseline stops improving after this long: it is a yardstick, not the plan. */
export const GREEDY_TIME_BUDGET_MS = 5000;

export function computeBaselines(s: Scenario, options: LayoutEvaluationOptions = {}, greedyBudgetMs = GREEDY_TIME_BUDGET_MS): Baselines {
  const statusQuo: Baseline = { id: 'status-quo', name: 'Status quo', layout: statusQuoLayout(s), evaluation: evaluateLayout(s, statusQuoLayout(s), options) };
  const liftAndShift = s.sites
    .filter((site) => site.kind === 'cloud')
    .map((site) => {
      const layout = liftAndShiftLayout(s, site.id);
      return { id: `lift-${site.id}`, name: `Lift-and-shift to ${site.name}`, layout, evaluation: evaluateLayout(s, layout, options) };
    });
  const feasible = liftAndShift.filter((b) => b.evaluation.feasible).sort((a, b) => a.evaluation.cost.total - b.evaluation.cost.total);
  const greedy = greedyLayoutFor(s, options, greedyBudgetMs);
  const greedyLayout = greedy.layout;
  return {
    statusQuo,
    liftAndShift,
    ...(feasible[0] ? { cheapestFeasibleLiftAndShift: feasible[0].id } : {}),
    greedy: {
      id: 'greedy',
      name: `Greedy (move the best whole component, one at a time${greedy.complete ? '' : `; stopped after ${greedy.moves} moves at its ${greedyBudgetMs / 1000} s budget`})`,
      layout: greedyLayout,
      evaluation: evaluateLayout(s, greedyLayout, options),
    },
  };
}

/**
 * From the status quo, repeatedly make the single move of a whole component (or
 * a whole co-location group) to another allowed site that most improves the
 * evaluator's verdict: fewer violations first, then lower monthly cost.
 */
export function greedyLayoutFor(s: Scenario, options: LayoutEvaluationOptions = {}, budgetMs = GREEDY_TIME_BUDGET_MS, maxMoves = 200): { layout: Layout; moves: number; complete: boolean } {
  const deadline = performance.now() + budgetMs;
  const components = s.applications.flatMap((a) => a.components);
  const units = new Map<string, typeof components>();
  for (const c of components) {
    const key = c.colocationGroup ? `group:${c.colocationGroup}` : c.id;
    units.set(key, [...(units.get(key) ?? []), c]);
  }
  const siteOf = new Map(components.map((c) => [c.id, c.homeSite]));
  const layoutOf = (): Layout => ({ servers: Object.fromEntries(components.map((c) => [c.id, { [siteOf.get(c.id)!]: c.servers }])) });
  const score = (e: LayoutEvaluation) => ({ violations: e.violations.length, cost: e.cost.total });
  let current = score(evaluateLayout(s, layoutOf(), options));

  let moves = 0;
  let complete = false;
  for (; moves < maxMoves; moves++) {
    let best: { members: typeof components; site: string; score: typeof current } | undefined;
    let timedOut = false;
    for (const members of units.values()) {
      if (performance.now() > deadline) {
        timedOut = true;
        break;
      }
      const sites = allowedSitesOf(members[0]!, s).filter((site) => members.every((m) => allowedSitesOf(m, s).includes(site)));
      for (const site of sites) {
        if (members.every((m) => siteOf.get(m.id) === site)) continue;
        const previous = members.map((m) => siteOf.get(m.id)!);
        for (const m of members) siteOf.set(m.id, site);
        const candidate = score(evaluateLayout(s, layoutOf(), options));
        members.forEach((m, i) => siteOf.set(m.id, previous[i]!));
        const better = candidate.violations < (best?.score ?? current).violations || (candidate.violations === (best?.score ?? current).violations && candidate.cost < (best?.score ?? current).cost - 1e-9);
        if (better) best = { members, site, score: candidate };
      }
    }
    if (!best) {
      complete = !timedOut;
      break;
    }
    for (const m of best.members) siteOf.set(m.id, best.site);
    current = best.score;
    if (timedOut) break;
  }
  return { layout: layoutOf(), moves, complete };
}
