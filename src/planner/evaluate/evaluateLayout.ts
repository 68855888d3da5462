/**
 * The independent layout evaluator (issue 3, item 4). For any layout (servers of
 * every component at every site) and routing, it prices the month, computes the
 * mean and 95th-percentile response time of every transaction for every user
 * region, the traffic on every link, and lists every violated constraint.
 *
 * It reads only the scenario and the layout contract (planner/layout/layout.ts):
 * prices, traffic and delays are computed here from the scenario's own figures,
 * never with the optimiser's code, so that every plan the optimiser returns can
 * be re-checked by it and the UI can show its numbers.
 */
import type { Scenario, UserRegion } from '../scenario/schema';
import { allowedSitesOf } from '../scenario/validate';
import type { Layout, Routing, ServerCounts } from '../layout/layout';
import {
  BYTES_PER_GB,
  interSiteGBPrice,
  mbpsOf,
  monthSeconds,
  serverPricePerMonth,
  siteById,
  vcpusPerServer,
} from './layoutPrices';
import {
  buildRouteModel,
  enumerateRoutes,
  jointSites,
  makeRouteContext,
  meanResponseMs,
  monteCarloResponse,
  proportionalRouting,
  routeCountBound,
  EXACT_TERM_ROUTE_LIMIT,
  type RouteContext,
  type TransactionRouteModel,
} from './layoutRoutes';
import { GAUSS_HERMITE_NODES, MAX_P95_OVER_MEAN, mixtureQuantile, type RouteApproximation } from './layoutStats';

export { proportionalRouting } from './layoutRoutes';

export interface LayoutEvaluationOptions {
  /** Months over which the one-time migration transfer is spread; 0 or absent = shown separately, not added to the monthly total. */
  migrationAmortisationMonths?: number;
  /** 'auto' (default): exact route enumeration up to `maxRoutes` routes, seeded Monte Carlo beyond. 'monteCarlo' always samples (for checks). */
  p95Method?: 'auto' | 'monteCarlo';
  /** How each enumerated route's sum of lognormals is approximated; default 'heaviestExact' (see layoutStats.ts). */
  routeApproximation?: RouteApproximation;
  /** Most routes enumerated exactly per (transaction, region); default 200,000. */
  maxRoutes?: number;
  /** Monte Carlo samples per (transaction, region); default 200,000. */
  monteCarloSamples?: number;
  /** Monte Carlo seed; default 20100830. */
  seed?: number;
}

export type LayoutViolationKind =
  | 'servers'
  | 'allowedSites'
  | 'split'
  | 'colocation'
  | 'capacity'
  | 'routing'
  | 'load'
  | 'bandwidth'
  | 'meanDelay'
  | 'p95Delay';

export interface LayoutViolation {
  kind: LayoutViolationKind;
  message: string;
}

export interface SiteCost {
  servers: number;
  storage: number;
  /** Transfer charged at this site: user traffic at the entry site, inter-site bytes at the site they leave. */
  transfer: number;
}

export interface MigrationMove {
  componentId: string;
  from: string;
  to: string;
  gb: number;
  usd: number;
}

export interface LayoutCost {
  servers: number;
  storage: number;
  transfer: { components: number; users: number; replication: number; total: number };
  migration: { oneTimeUSD: number; gbMoved: number; amortisedMonthly: number; months: number; moves: MigrationMove[] };
  /** servers + storage + transfer.total + migration.amortisedMonthly, USD per month. */
  total: number;
  bySite: Record<string, SiteCost>;
}

export interface TransactionDelay {
  transactionId: string;
  applicationId: string;
  regionId: string;
  ratePerSecond: number;
  meanMs: number;
  p95Ms: number;
  statusQuoMeanMs: number;
  statusQuoP95Ms: number;
  meanIncreaseMs: number;
  bounds: { maxMeanIncreaseMs?: number; maxP95Ms?: number };
  meanOk: boolean;
  p95Ok: boolean;
  /** Routes with positive probability (enumeration), or an upper bound on them (Monte Carlo). */
  routes: number;
  method: 'enumeration' | 'monteCarlo';
  /** Enumeration only: how each route's sum of round trips was approximated. */
  routeApproximation?: RouteApproximation;
  /** Monte Carlo only: 95% confidence interval of the p95. */
  p95Interval?: { low: number; high: number };
}

export interface LinkUse {
  from: string;
  to: string;
  mbps: number;
  componentMbps: number;
  replicationMbps: number;
  capacityMbps: number;
  utilisation: number;
}

export interface ReplicaLoad {
  componentId: string;
  siteId: string;
  serverShare: number;
  visitShare: number;
}

export interface LayoutEvaluation {
  cost: LayoutCost;
  delays: TransactionDelay[];
  links: LinkUse[];
  violations: LayoutViolation[];
  /** No violation of any kind. */
  feasible: boolean;
  /** How the p95 was computed and how large its error is. */
  p95Method: string;
  serversBySite: Record<string, number>;
  vcpusBySite: Record<string, number>;
  /** Share of each hosting replica in its component's visits (all transactions and regions, by rate). */
  loads: ReplicaLoad[];
  /** The routing evaluated: the layout's own, or the proportional default made explicit. */
  routing: Routing;
  routingIsDefault: boolean;
  /** Remarks that are not violations (ignored routing entries, capped latency fits, …). */
  notes: string[];
}

const DEFAULT_MAX_ROUTES = 200_000;
const DEFAULT_SAMPLES = 200_000;
const DEFAULT_SEED = 20100830;
const EPS = 1e-6;

const num = (x: number) => `${+x.toPrecision(6)}`;
const serversText = (n: number) => `${num(n)} server${n === 1 ? '' : 's'}`;
const ms = (x: number) => `${x.toFixed(1)} ms`;
const pct = (x: number) => `${+(x * 100).toPrecision(4)}%`;

/** Every component's servers at its home site. */
export function statusQuoLayout(s: Scenario): Layout {
  const servers: ServerCounts = {};
  for (const app of s.applications) for (const c of app.components) servers[c.id] = { [c.homeSite]: c.servers };
  return { servers };
}

/** Every component that may run at `siteId` moves there whole; the others stay at home. */
export function liftAndShiftLayout(s: Scenario, siteId: string): Layout {
  const servers: ServerCounts = {};
  for (const app of s.applications)
    for (const c of app.components) servers[c.id] = { [allowedSitesOf(c, s).includes(siteId) ? siteId : c.homeSite]: c.servers };
  return { servers };
}

interface DelayFigures {
  meanMs: number;
  p95Ms: number;
  routes: number;
  method: 'enumeration' | 'monteCarlo';
  routeApproximation?: RouteApproximation;
  p95Interval?: { low: number; high: number };
}

function delayOf(ctx: RouteContext, model: TransactionRouteModel, options: LayoutEvaluationOptions, seedOffset: number): DelayFigures {
  const meanMs = meanResponseMs(ctx, model);
  const maxRoutes = options.maxRoutes ?? DEFAULT_MAX_ROUTES;
  const enumeration = options.p95Method === 'monteCarlo' ? null : enumerateRoutes(ctx, model, maxRoutes, options.routeApproximation);
  if (enumeration)
    return { meanMs, p95Ms: mixtureQuantile(enumeration.routes), routes: enumeration.count, method: 'enumeration', routeApproximation: enumeration.approximation };
  const mc = monteCarloResponse(ctx, model, options.monteCarloSamples ?? DEFAULT_SAMPLES, ((options.seed ?? DEFAULT_SEED) + seedOffset) >>> 0);
  return { meanMs, p95Ms: mc.p95, routes: routeCountBound(model), method: 'monteCarlo', p95Interval: { low: mc.low, high: mc.high } };
}

export function evaluateLayout(s: Scenario, layout: Layout, options: LayoutEvaluationOptions = {}): LayoutEvaluation {
  const violations: LayoutViolation[] = [];
  const notes: string[] = [];
  const siteIds = s.sites.map((site) => site.id);
  const seconds = monthSeconds(s);
  const bySite: Record<string, SiteCost> = Object.fromEntries(siteIds.map((id) => [id, { servers: 0, storage: 0, transfer: 0 }]));
  const serversBySite: Record<string, number> = Object.fromEntries(siteIds.map((id) => [id, 0]));
  const vcpusBySite: Record<string, number> = Object.fromEntries(siteIds.map((id) => [id, 0]));
  const components = s.applications.flatMap((app) => app.components);
  const componentIds = new Set(components.map((c) => c.id));

  // --- Servers, sites, splits, co-location, capacity; server and storage cost ---------------
  for (const [componentId, row] of Object.entries(layout.servers)) {
    if (!componentIds.has(componentId)) {
      violations.push({ kind: 'servers', message: `the layout names an unknown component "${componentId}"` });
      continue;
    }
    for (const siteId of Object.keys(row ?? {}))
      if (!siteById(s, siteId)) violations.push({ kind: 'allowedSites', message: `the layout puts servers of "${componentId}" at an unknown site "${siteId}"` });
  }
  const hosting = new Map<string, string[]>();
  for (const c of components) {
    const row = layout.servers[c.id] ?? {};
    const allowed = allowedSitesOf(c, s);
    let total = 0;
    const hosts: string[] = [];
    for (const siteId of siteIds) {
      const n = row[siteId] ?? 0;
      if (!Number.isFinite(n) || n < 0 || !Number.isInteger(n))
        violations.push({ kind: 'servers', message: `"${c.id}" has ${serversText(n)} at site "${siteId}"; server counts must be whole numbers ≥ 0` });
      if (!(n > 0)) continue;
      total += n;
      hosts.push(siteId);
      const site = siteById(s, siteId)!;
      if (!allowed.includes(siteId)) violations.push({ kind: 'allowedSites', message: `"${c.id}" has ${serversText(n)} at site "${siteId}", where it is not allowed` });
      const price = serverPricePerMonth(s, site, c.serverClass);
      if (price === undefined && allowed.includes(siteId))
        violations.push({ kind: 'allowedSites', message: `site "${siteId}" has no price for server class "${c.serverClass}" of "${c.id}"` });
      bySite[siteId]!.servers += n * (price ?? 0);
      bySite[siteId]!.storage += c.storageGB * site.storagePricePerGBMonthUSD;
      serversBySite[siteId]! += n;
      vcpusBySite[siteId]! += n * vcpusPerServer(s, site, c.serverClass);
    }
    hosting.set(c.id, hosts);
    if (Math.abs(total - c.servers) > 1e-9)
      violations.push({ kind: 'servers', message: `"${c.id}" has ${serversText(total)} over all sites, but needs ${c.servers}` });
    if (!c.splittable && hosts.length > 1)
      violations.push({ kind: 'split', message: `"${c.id}" cannot be split, but runs at ${hosts.length} sites (${hosts.join(', ')})` });
  }
  const groups = new Map<string, string[]>();
  for (const c of components) if (c.colocationGroup) groups.set(c.colocationGroup, [...(groups.get(c.colocationGroup) ?? []), c.id]);
  for (const [group, members] of groups) {
    const first = members[0]!;
    const firstSites = hosting.get(first)!.join(', ');
    for (const other of members.slice(1)) {
      const otherSites = hosting.get(other)!.join(', ');
      if (otherSites !== firstSites)
        violations.push({
          kind: 'colocation',
          message: `co-location group "${group}": "${other}" runs at ${otherSites || 'no site'} but "${first}" at ${firstSites || 'no site'}`,
        });
    }
  }
  for (const site of s.sites) {
    const { servers, vcpus } = site.capacity;
    if (servers !== undefined && serversBySite[site.id]! > servers)
      violations.push({ kind: 'capacity', message: `site "${site.id}" hosts ${num(serversBySite[site.id]!)} servers, capacity ${servers}` });
    if (vcpus !== undefined && vcpusBySite[site.id]! > vcpus)
      violations.push({ kind: 'capacity', message: `site "${site.id}" hosts ${num(vcpusBySite[site.id]!)} vCPUs, capacity ${vcpus}` });
  }

  // --- Routes: traffic, visits, delays ---------------------------------------------------------
  const ctx = makeRouteContext(s, layout.servers);
  const sq = makeRouteContext(s, statusQuoLayout(s).servers);
  const S = siteIds.length;
  const bytesPerSecond = siteIds.map(() => new Array<number>(S).fill(0));
  const visits = new Map<string, number[]>();
  const addVisits = (componentId: string, weights: number[], scale: number) => {
    const row = visits.get(componentId) ?? new Array<number>(S).fill(0);
    weights.forEach((w, i) => (row[i] = row[i]! + w * scale));
    visits.set(componentId, row);
  };
  let usersTransfer = 0;
  const delays: TransactionDelay[] = [];
  const regions = new Map<string, UserRegion>(s.userRegions.map((r) => [r.id, r]));
  let seedOffset = 0;

  for (const app of s.applications) {
    for (const t of app.transactions) {
      for (const [regionId, rate] of Object.entries(t.ratePerSecond)) {
        if (!(rate > 0)) continue;
        const region = regions.get(regionId);
        if (!region) {
          notes.push(`${t.name}: the rate from unknown user region "${regionId}" is ignored`);
          continue;
        }
        const given = layout.routing?.[t.id]?.[regionId];
        if (layout.routing && !given)
          violations.push({ kind: 'routing', message: `${t.name} for ${region.name}: the layout has no routing; proportional routing was used in its place` });
        const model = buildRouteModel(ctx, t, region, given);
        for (const problem of model.problems) violations.push({ kind: 'routing', message: problem });
        notes.push(...model.notes);

        // Users ↔ entry site.
        const entry = model.nodes[0]!.marginal;
        const perMonth = rate * seconds;
        entry.forEach((p, i) => {
          if (!(p > 0)) return;
          const site = s.sites[i]!;
          const usd =
            ((p * perMonth * t.userRequestBytes) / BYTES_PER_GB) * site.transferPricePerGBUSD.ingress +
            ((p * perMonth * t.userResponseBytes) / BYTES_PER_GB) * site.transferPricePerGBUSD.egress;
          bySite[site.id]!.transfer += usd;
          usersTransfer += usd;
        });
        addVisits(t.entryComponent, entry, rate);

        // Component calls, split over site pairs by the joint distribution of caller and callee.
        for (const step of model.edges) {
          const callee = model.nodes[step.to]!;
          addVisits(callee.component, callee.marginal, rate * step.callsPerTransaction);
          const callsPerSecond = rate * step.callsPerTransaction;
          if (callsPerSecond === 0 || (step.requestBytes === 0 && step.responseBytes === 0)) continue;
          const joint = jointSites(model, step.from, step.to);
          joint.forEach((row, a) =>
            row.forEach((p, b) => {
              if (!(p > 0) || a === b) return;
              bytesPerSecond[a]![b]! += p * callsPerSecond * step.requestBytes;
              bytesPerSecond[b]![a]! += p * callsPerSecond * step.responseBytes;
            }),
          );
        }

        // Delays, against the status quo evaluated the same way.
        const figures = delayOf(ctx, model, options, seedOffset++);
        const base = delayOf(sq, buildRouteModel(sq, t, region, undefined), options, seedOffset++);
        const meanIncreaseMs = figures.meanMs - base.meanMs;
        const bounds: TransactionDelay['bounds'] = {};
        if (t.slo.maxMeanIncreaseMs !== undefined) bounds.maxMeanIncreaseMs = t.slo.maxMeanIncreaseMs;
        if (t.slo.maxP95Ms !== undefined) bounds.maxP95Ms = t.slo.maxP95Ms;
        const meanOk = bounds.maxMeanIncreaseMs === undefined || meanIncreaseMs <= bounds.maxMeanIncreaseMs + 1e-9;
        const p95Ok = bounds.maxP95Ms === undefined || figures.p95Ms <= bounds.maxP95Ms * (1 + 1e-9);
        const label = `${t.name} for ${region.name}`;
        if (!meanOk)
          violations.push({
            kind: 'meanDelay',
            message: `${label}: mean ${ms(figures.meanMs)} is ${ms(meanIncreaseMs)} above the status quo's ${ms(base.meanMs)}, more than the allowed increase of ${num(bounds.maxMeanIncreaseMs!)} ms`,
          });
        if (!p95Ok) violations.push({ kind: 'p95Delay', message: `${label}: p95 ${ms(figures.p95Ms)} exceeds its bound of ${num(bounds.maxP95Ms!)} ms` });
        delays.push({
          transactionId: t.id,
          applicationId: app.id,
          regionId,
          ratePerSecond: rate,
          meanMs: figures.meanMs,
          p95Ms: figures.p95Ms,
          statusQuoMeanMs: base.meanMs,
          statusQuoP95Ms: base.p95Ms,
          meanIncreaseMs,
          bounds,
          meanOk,
          p95Ok,
          routes: figures.routes,
          method: figures.method,
          ...(figures.routeApproximation ? { routeApproximation: figures.routeApproximation } : {}),
          ...(figures.p95Interval ? { p95Interval: figures.p95Interval } : {}),
        });
      }
    }
  }

  // --- Load: a replica's share of visits must not exceed its share of servers -----------------
  const loads: ReplicaLoad[] = [];
  for (const c of components) {
    const row = visits.get(c.id);
    const total = row?.reduce((a, b) => a + b, 0) ?? 0;
    const servers = ctx.servers.get(c.id)!;
    const serverTotal = servers.reduce((a, b) => a + b, 0);
    if (!row || !(total > 0) || !(serverTotal > 0)) continue;
    siteIds.forEach((siteId, i) => {
      const serverShare = servers[i]! / serverTotal;
      const visitShare = row[i]! / total;
      if (serverShare > 0 || visitShare > 0) loads.push({ componentId: c.id, siteId, serverShare, visitShare });
      if (visitShare > serverShare + EPS)
        violations.push({
          kind: 'load',
          message: `"${c.id}" at site "${siteId}" serves ${pct(visitShare)} of its visits with ${pct(serverShare)} of its servers`,
        });
    });
  }

  // --- Inter-site transfer, replication, links ---------------------------------------------------
  let componentsTransfer = 0;
  bytesPerSecond.forEach((row, a) =>
    row.forEach((bps, b) => {
      if (!(bps > 0)) return;
      const usd = ((bps * seconds) / BYTES_PER_GB) * interSiteGBPrice(s, siteIds[a]!, siteIds[b]!);
      bySite[siteIds[a]!]!.transfer += usd;
      componentsTransfer += usd;
    }),
  );
  const replicationMbps = siteIds.map(() => new Array<number>(S).fill(0));
  let replicationTransfer = 0;
  for (const c of components) {
    const hosts = hosting.get(c.id)!;
    if (hosts.length < 2 || !(c.replicationMbps > 0)) continue;
    for (const a of hosts)
      for (const b of hosts) {
        if (a === b) continue;
        const ia = siteIds.indexOf(a);
        const ib = siteIds.indexOf(b);
        replicationMbps[ia]![ib]! += c.replicationMbps;
        const gb = (((c.replicationMbps * 1e6) / 8) * seconds) / BYTES_PER_GB;
        const usd = gb * interSiteGBPrice(s, a, b);
        bySite[a]!.transfer += usd;
        replicationTransfer += usd;
      }
  }
  const links: LinkUse[] = [];
  for (const link of s.network.links) {
    for (const [from, to] of [link.between, [link.between[1], link.between[0]]] as const) {
      const ia = siteIds.indexOf(from);
      const ib = siteIds.indexOf(to);
      if (ia < 0 || ib < 0) continue;
      const componentMbps = mbpsOf(bytesPerSecond[ia]![ib]!);
      const repl = replicationMbps[ia]![ib]!;
      const mbps = componentMbps + repl;
      const use = { from, to, mbps, componentMbps, replicationMbps: repl, capacityMbps: link.bandwidthMbps, utilisation: mbps / link.bandwidthMbps };
      links.push(use);
      if (mbps > link.bandwidthMbps * (1 + 1e-9))
        violations.push({
          kind: 'bandwidth',
          message: `the link from "${from}" to "${to}" carries ${num(mbps)} Mbps, more than its capacity of ${num(link.bandwidthMbps)} Mbps (${pct(use.utilisation)})`,
        });
    }
  }

  // --- Migration (one-time) ------------------------------------------------------------------------
  const moves: MigrationMove[] = [];
  for (const c of components) {
    for (const siteId of hosting.get(c.id)!) {
      if (siteId === c.homeSite) continue;
      const n = layout.servers[c.id]?.[siteId] ?? 0;
      const gb = c.storageGB + n * (c.vm?.imageGB ?? 0);
      moves.push({ componentId: c.id, from: c.homeSite, to: siteId, gb, usd: gb * interSiteGBPrice(s, c.homeSite, siteId) });
    }
  }
  const oneTimeUSD = moves.reduce((sum, m) => sum + m.usd, 0);
  const gbMoved = moves.reduce((sum, m) => sum + m.gb, 0);
  const months = options.migrationAmortisationMonths ?? 0;
  const amortisedMonthly = months > 0 ? oneTimeUSD / months : 0;

  const sum = (key: keyof SiteCost) => Object.values(bySite).reduce((total, c) => total + c[key], 0);
  const serversCost = sum('servers');
  const storageCost = sum('storage');
  const transferTotal = componentsTransfer + usersTransfer + replicationTransfer;
  const cost: LayoutCost = {
    servers: serversCost,
    storage: storageCost,
    transfer: { components: componentsTransfer, users: usersTransfer, replication: replicationTransfer, total: transferTotal },
    migration: { oneTimeUSD, gbMoved, amortisedMonthly, months: months > 0 ? months : 0, moves },
    total: serversCost + storageCost + transferTotal + amortisedMonthly,
    bySite,
  };

  return {
    cost,
    delays,
    links,
    violations,
    feasible: violations.length === 0,
    p95Method: describeP95Method(delays, [...ctx.fitNotes, ...sq.fitNotes], options),
    serversBySite,
    vcpusBySite,
    loads,
    routing: layout.routing ?? proportionalRouting(s, layout.servers),
    routingIsDefault: layout.routing === undefined,
    notes: [...new Set(notes)],
  };
}

/**
 * Largest relative error of the enumerated p95 against a seeded Monte Carlo of the same model, as
 * observed in evaluateLayout.test.ts (which asserts these): `handMade` on the hand-made cases;
 * `random` on 30 random scenarios with random split layouts, half of them with user round trips
 * whose p95 is 3.5 × their mean (close to the lognormal limit of 3.87); `threeMoments` for the
 * fallback approximation on the same random cases. Fenton–Wilkinson reached 15% there.
 */
export const MEASURED_ROUTE_ERROR = { handMade: 0.005, random: 0.01, threeMoments: 0.03 };

function describeP95Method(delays: TransactionDelay[], fitNotes: string[], options: LayoutEvaluationOptions): string {
  const exact = delays.filter((d) => d.method === 'enumeration');
  const sampled = delays.filter((d) => d.method === 'monteCarlo');
  const parts: string[] = [];
  parts.push(
    'Each round trip is a lognormal fitted to its mean and p95 (a constant when they are equal); processing and transfer times are constants; a call edge with c calls adds c independent round trips.',
  );
  if (exact.length > 0) {
    const count = (a: RouteApproximation) => exact.filter((d) => d.routeApproximation === a).length;
    const heaviest = count('heaviestExact');
    const three = count('threeMoments');
    const fw = count('fentonWilkinson');
    parts.push(
      `${exact.length === delays.length ? 'Every' : `${exact.length} of ${delays.length}`} transaction-and-region p95 was computed by enumerating every route exactly (${exact.reduce((n, d) => n + d.routes, 0)} routes in all) and solving Σ P(route)·F_route(x) = 0.95 to 1e-9 relative.`,
    );
    if (heaviest > 0)
      parts.push(
        `${heaviest === exact.length ? 'Each' : `In ${heaviest} of them each`} route's heaviest single round trip was kept as its exact lognormal and the rest of the route approximated by one shifted lognormal with the same mean, variance and skewness, the two convolved numerically (${GAUSS_HERMITE_NODES}-point Gauss–Hermite); against a seeded Monte Carlo of the same model this was within ${pct(MEASURED_ROUTE_ERROR.handMade)} on hand-made cases and within ${pct(MEASURED_ROUTE_ERROR.random)} on random split layouts, very heavy-tailed round trips (p95 = 3.5 × mean) included.`,
      );
    if (three > 0)
      parts.push(
        `${three === exact.length ? 'Each' : `In ${three} of them${options.routeApproximation === 'threeMoments' ? '' : ` (more than ${EXACT_TERM_ROUTE_LIMIT} distinct routes)`} each`} route was approximated by one shifted lognormal with the same mean, variance and skewness (within ${pct(MEASURED_ROUTE_ERROR.threeMoments)} of Monte Carlo in the same tests).`,
      );
    if (fw > 0)
      parts.push('Each route was approximated by its constant part plus one lognormal with the same mean and variance (Fenton–Wilkinson), which misjudges the tail of sums of heavy-tailed round trips (by up to 15% in the tests).');
  }
  if (sampled.length > 0) {
    const widest = Math.max(...sampled.map((d) => (d.p95Interval ? (d.p95Interval.high - d.p95Interval.low) / 2 / d.p95Ms : 0)));
    parts.push(
      `${sampled.length} of ${delays.length} ${options.p95Method === 'monteCarlo' ? 'were sampled on request' : `had more than ${options.maxRoutes ?? DEFAULT_MAX_ROUTES} routes and were sampled instead`}: a seeded Monte Carlo (mulberry32, seed ${options.seed ?? DEFAULT_SEED}, ${options.monteCarloSamples ?? DEFAULT_SAMPLES} samples each, every round trip drawn), whose 95% confidence interval from order statistics is within ±${pct(widest)} of the reported p95.`,
    );
  }
  if (delays.length === 0) parts.push('No transaction has a positive rate, so no percentile was computed.');
  parts.push('Mean response times are exact (linear in the routing fractions).');
  if (fitNotes.length > 0) parts.push(`Caveat: ${fitNotes.join('; ')} (a lognormal allows p95/mean up to ${MAX_P95_OVER_MEAN.toFixed(2)}).`);
  return parts.join(' ');
}
