/**
 * The cheapest whole-component placement (every component's servers at one of
 * its allowed sites) that the layout evaluator accepts: response-time bounds,
 * bandwidth, capacity and all. An exhaustive search whose only oracle is the
 * evaluator, run in the test process; it shares nothing with the MILP.
 *
 * Capacity and co-location are checked while placing, so only placements that can
 * be valid reach the evaluator. Small scenarios only (the web shop and seasonal
 * samples have 243 and 729 candidate placements).
 */
import type { Scenario } from '../src/planner';
import { allowedSitesOf } from '../src/planner/scenario/validate';
import { evaluateLayout } from '../src/planner/evaluate/evaluateLayout';
import type { ServerCounts } from '../src/planner/layout/layout';

export interface WholeLayoutResult {
  placement: Record<string, string>;
  total: number;
  /** Placements the evaluator scored. */
  evaluated: number;
}

export function cheapestWholeLayout(s: Scenario, limit = 20_000): WholeLayoutResult | null {
  const components = s.applications.flatMap((a) => a.components);
  const siteById = new Map(s.sites.map((site) => [site.id, site]));
  const candidates = components.map((c) => ({
    c,
    sites: allowedSitesOf(c, s).filter((id) => siteById.get(id)?.serverClasses.some((p) => p.serverClass === c.serverClass)),
  }));
  const count = candidates.reduce((n, x) => n * x.sites.length, 1);
  if (count > limit) throw new Error(`the search would try ${count} placements (limit ${limit})`);

  const used = new Map<string, number>();
  const groupSite = new Map<string, string>();
  const placement: Record<string, string> = {};
  let best: WholeLayoutResult | null = null;
  let evaluated = 0;
  const visit = (i: number) => {
    if (i === candidates.length) {
      evaluated++;
      const servers: ServerCounts = Object.fromEntries(components.map((c) => [c.id, { [placement[c.id]!]: c.servers }]));
      const evaluation = evaluateLayout(s, { servers });
      if (evaluation.feasible && (best === null || evaluation.cost.total < best.total)) best = { placement: { ...placement }, total: evaluation.cost.total, evaluated: 0 };
      return;
    }
    const { c, sites } = candidates[i]!;
    for (const siteId of sites) {
      const capacity = siteById.get(siteId)!.capacity.servers;
      const now = (used.get(siteId) ?? 0) + c.servers;
      if (capacity !== undefined && now > capacity) continue;
      const group = c.colocationGroup;
      if (group !== undefined && groupSite.has(group) && groupSite.get(group) !== siteId) continue;
      const setsGroup = group !== undefined && !groupSite.has(group);
      if (setsGroup) groupSite.set(group, siteId);
      used.set(siteId, now);
      placement[c.id] = siteId;
      visit(i + 1);
      used.set(siteId, now - c.servers);
      if (setsGroup) groupSite.delete(group);
    }
    delete placement[c.id];
  };
  visit(0);
  return best === null ? null : { ...(best as WholeLayoutResult), evaluated };
}
