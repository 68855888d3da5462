/**
 * The 95th percentile during bursts. The bursting model bounds only the mean
 * increase (it is linear); a transaction's p95 bound is checked here, in every
 * period that runs something in the cloud, by the layout evaluator
 * (src/planner/evaluate/), which enumerates the routes of a layout exactly. The
 * period's layout is its servers at home and in the burst region, with the
 * locality-aware routing of burstSchedule.ts written as the layout contract's
 * joint caller/callee distributions: for an edge whose ends have cloud shares
 * φ1 and φ2, home→home min(1−φ1, 1−φ2), cloud→cloud min(φ1, φ2), and the rest
 * across. Periods with the same shares are evaluated once.
 */
import type { Scenario } from '../scenario/schema';
import type { Layout, Routing, ServerCounts } from '../layout/layout';
import { pairKey } from '../layout/layout';
import { evaluateLayout } from '../evaluate/evaluateLayout';

export interface BurstP95Check {
  transaction: string;
  region: string;
  period: number;
  p95Ms: number;
  boundMs: number;
  /** The mean increase over all-at-home in that period, as the layout evaluator computes it. */
  meanIncreaseMs: number;
}

/**
 * p95 of every transaction with a p95 bound, in every period with cloud servers; only the
 * periods in which the transaction has users. `cloud[c][p]` and `home[c][p]` are servers.
 */
export function burstP95(
  scenario: Scenario,
  region: string,
  servers: { home: Map<string, number[]>; cloud: Map<string, number[]> },
  active: (applicationId: string, period: number) => boolean,
  periods: number,
): BurstP95Check[] {
  const bounded = scenario.applications.flatMap((a) => a.transactions.filter((t) => t.slo.maxP95Ms !== undefined).map((t) => ({ app: a, t })));
  if (bounded.length === 0) return [];
  const components = scenario.applications.flatMap((a) => a.components);
  const home = new Map(components.map((c) => [c.id, c.homeSite]));
  const share = (c: string, p: number) => {
    const h = servers.home.get(c)?.[p] ?? 0;
    const g = servers.cloud.get(c)?.[p] ?? 0;
    return h + g > 0 ? g / (h + g) : 0;
  };
  const checks: BurstP95Check[] = [];
  const bySignature = new Map<string, ReturnType<typeof evaluateLayout>>();
  for (let p = 0; p < periods; p++) {
    if (!components.some((c) => share(c.id, p) > 0)) continue;
    const signature = components.map((c) => share(c.id, p).toFixed(9)).join(',');
    let evaluation = bySignature.get(signature);
    if (!evaluation) {
      evaluation = evaluateLayout(scenario, periodLayout(scenario, region, home, (c) => share(c, p)));
      bySignature.set(signature, evaluation);
    }
    for (const { app, t } of bounded) {
      if (!active(app.id, p)) continue;
      for (const d of evaluation.delays) {
        if (d.transactionId !== t.id || !(t.ratePerSecond[d.regionId]! > 0)) continue;
        checks.push({ transaction: t.id, region: d.regionId, period: p, p95Ms: d.p95Ms, boundMs: t.slo.maxP95Ms!, meanIncreaseMs: d.meanIncreaseMs });
      }
    }
  }
  return checks;
}

function periodLayout(scenario: Scenario, region: string, home: Map<string, string>, share: (c: string) => number): Layout {
  const servers: ServerCounts = {};
  // Servers in proportion to the shares (the evaluator reads shares from the routing; counts only label the sites).
  for (const [c, h] of home) {
    const phi = share(c);
    servers[c] = phi >= 1 ? { [region]: 1 } : phi <= 0 ? { [h]: 1 } : { [h]: 1 - phi, [region]: phi };
  }
  const routing: Routing = {};
  for (const app of scenario.applications) {
    for (const t of app.transactions) {
      const entryHome = home.get(t.entryComponent)!;
      const phiEntry = share(t.entryComponent);
      const entry: Record<string, number> = {};
      if (phiEntry < 1) entry[entryHome] = 1 - phiEntry;
      if (phiEntry > 0) entry[region] = phiEntry;
      const pairs: Record<number, Record<string, number>> = {};
      const reached = new Set([t.entryComponent]);
      t.calls.forEach((e, i) => {
        if (reached.has(e.to)) return;
        reached.add(e.to);
        const [h1, h2] = [home.get(e.from)!, home.get(e.to)!];
        const [f1, f2] = [share(e.from), share(e.to)];
        const joint: Record<string, number> = {};
        const put = (a: string, b: string, x: number) => {
          if (x > 1e-12) joint[pairKey(a, b)] = (joint[pairKey(a, b)] ?? 0) + x;
        };
        put(h1, h2, Math.min(1 - f1, 1 - f2));
        put(region, region, Math.min(f1, f2));
        if (f1 > f2) put(region, h2, f1 - f2);
        else put(h1, region, f2 - f1);
        pairs[i] = joint;
      });
      (routing[t.id] ??= {});
      for (const r of Object.keys(t.ratePerSecond)) routing[t.id]![r] = { entry, pairs };
    }
  }
  return { servers, routing };
}
