/**
 * Exact placement by search, independent of the MILP: the only cost oracle is
 * the evaluator. Used by tests (and the e2e test) to check the optimiser.
 *
 * `bruteForce` tries every placement. `branchAndBound` handles the samples: the
 * evaluator's cost is a sum of per-component terms and per-pair transfer terms,
 * so both are read off the evaluator on one- and two-component placements, and
 * a depth-first search prunes with "partial cost + cheapest remaining unary
 * terms" (transfer prices are ≥ 0). The best placement is re-evaluated whole.
 */
import type { Scenario } from '../scenario/schema';
import { allowedSitesOf } from '../scenario/validate';
import { evaluatePlacement, type Placement } from '../evaluate/evaluatePlacement';

export interface ExactResult {
  placement: Placement;
  total: number;
  /** Placements (leaves) looked at, for reporting. */
  visited: number;
}

function candidateSites(s: Scenario) {
  return s.applications.flatMap((a) =>
    a.components.map((c) => ({
      id: c.id,
      sites: allowedSitesOf(c, s).filter((siteId) => s.sites.find((x) => x.id === siteId)!.serverClasses.some((p) => p.serverClass === c.serverClass)),
    })),
  );
}

export function bruteForce(s: Scenario, limit = 2_000_000): ExactResult | null {
  const candidates = candidateSites(s);
  const count = candidates.reduce((n, c) => n * c.sites.length, 1);
  if (count > limit) throw new Error(`brute force would try ${count} placements (limit ${limit})`);
  let best: ExactResult | null = null;
  const placement: Placement = {};
  let visited = 0;
  const visit = (i: number) => {
    if (i === candidates.length) {
      visited++;
      const evaluation = evaluatePlacement(s, placement);
      if (evaluation.violations.length === 0 && (best === null || evaluation.cost.total < best.total - 1e-9)) {
        best = { placement: { ...placement }, total: evaluation.cost.total, visited: 0 };
      }
      return;
    }
    const c = candidates[i]!;
    for (const site of c.sites) {
      placement[c.id] = site;
      visit(i + 1);
    }
    delete placement[c.id];
  };
  visit(0);
  return best === null ? null : { ...(best as ExactResult), visited };
}

export function branchAndBound(s: Scenario): ExactResult | null {
  const candidates = candidateSites(s);
  const ids = candidates.map((c) => c.id);
  const base = evaluatePlacement(s, {}).cost.total;
  const unary = new Map<string, Map<string, number>>();
  for (const c of candidates) {
    unary.set(c.id, new Map(c.sites.map((site) => [site, evaluatePlacement(s, { [c.id]: site }).cost.total - base])));
  }
  // Components that exchange bytes directly.
  const partners = new Map<string, Set<string>>(ids.map((id) => [id, new Set<string>()]));
  for (const app of s.applications)
    for (const t of app.transactions)
      for (const e of t.calls) {
        if (e.from === e.to) continue;
        partners.get(e.from)?.add(e.to);
        partners.get(e.to)?.add(e.from);
      }
  const pairCache = new Map<string, number>();
  const pairCost = (a: string, sa: string, b: string, sb: string) => {
    const key = `${a}@${sa}|${b}@${sb}`;
    let v = pairCache.get(key);
    if (v === undefined) {
      v = evaluatePlacement(s, { [a]: sa, [b]: sb }).cost.total - base - unary.get(a)!.get(sa)! - unary.get(b)!.get(sb)!;
      pairCache.set(key, v);
    }
    return v;
  };

  const components = new Map(s.applications.flatMap((a) => a.components).map((c) => [c.id, c]));
  const siteById = new Map(s.sites.map((x) => [x.id, x]));
  // Most expensive decisions first: the bound bites earlier.
  const order = [...candidates].sort((x, y) => spread(unary.get(y.id)!) - spread(unary.get(x.id)!));
  const minRest: number[] = new Array(order.length + 1).fill(0);
  for (let i = order.length - 1; i >= 0; i--) minRest[i] = minRest[i + 1]! + Math.min(...unary.get(order[i]!.id)!.values());

  const usedServers = new Map<string, number>();
  const usedVcpus = new Map<string, number>();
  const groupSite = new Map<string, string>();
  const placement: Placement = {};
  let bestTotal = Infinity;
  let bestPlacement: Placement | null = null;
  let visited = 0;

  const visit = (i: number, partial: number) => {
    if (partial + minRest[i]! >= bestTotal - 1e-9) return;
    if (i === order.length) {
      visited++;
      bestTotal = partial;
      bestPlacement = { ...placement };
      return;
    }
    const cand = order[i]!;
    const c = components.get(cand.id)!;
    const options = cand.sites
      .map((site) => {
        let cost = unary.get(c.id)!.get(site)!;
        for (const p of partners.get(c.id)!) if (placement[p] !== undefined) cost += pairCost(c.id, site, p, placement[p]!);
        return { site, cost };
      })
      .sort((a, b) => a.cost - b.cost);
    for (const { site, cost } of options) {
      const siteInfo = siteById.get(site)!;
      const servers = (usedServers.get(site) ?? 0) + c.servers;
      const vcpus = (usedVcpus.get(site) ?? 0) + c.servers * (siteInfo.serverClasses.find((p) => p.serverClass === c.serverClass)?.vcpus ?? 0);
      if (siteInfo.capacity.servers !== undefined && servers > siteInfo.capacity.servers) continue;
      if (siteInfo.capacity.vcpus !== undefined && vcpus > siteInfo.capacity.vcpus) continue;
      const group = c.colocationGroup;
      const groupAt = group ? groupSite.get(group) : undefined;
      if (groupAt !== undefined && groupAt !== site) continue;
      const prevServers = usedServers.get(site) ?? 0;
      const prevVcpus = usedVcpus.get(site) ?? 0;
      usedServers.set(site, servers);
      usedVcpus.set(site, vcpus);
      const setsGroup = group !== undefined && groupAt === undefined;
      if (setsGroup) groupSite.set(group, site);
      placement[c.id] = site;
      visit(i + 1, partial + cost);
      delete placement[c.id];
      if (setsGroup) groupSite.delete(group);
      usedServers.set(site, prevServers);
      usedVcpus.set(site, prevVcpus);
    }
  };
  visit(0, 0);
  if (bestPlacement === null) return null;
  const evaluation = evaluatePlacement(s, bestPlacement);
  if (evaluation.violations.length > 0) throw new Error(`exact search produced an invalid placement: ${evaluation.violations[0]!.message}`);
  return { placement: bestPlacement, total: evaluation.cost.total, visited };
}

function spread(costs: Map<string, number>): number {
  const values = [...costs.values()];
  return Math.max(...values) - Math.min(...values);
}
