/**
 * The route model of planner/layout/layout.ts, built from the scenario and a
 * layout for one (transaction, user region):
 *  - the entry component's site is a root draw;
 *  - the callee of a routing edge is drawn given its caller's site;
 *  - follow edges (and calls of a component to itself) reuse sites already drawn.
 * So the sites form a forest of draws (every component has at most one parent,
 * the caller on its routing edge), which makes marginals and the joint site
 * distribution of any call edge exact and cheap (no route enumeration needed
 * for costs, traffic, loads or mean delays). Route enumeration (or a seeded
 * Monte Carlo) is only needed for the percentile.
 */
import type { Component, Scenario, TransactionType, UserRegion } from '../scenario/schema';
import type { Routing, ServerCounts, TransactionRouting } from '../layout/layout';
import { pairKey } from '../layout/layout';
import { siteLatency, transferMs } from './layoutPrices';
import {
  empiricalQuantile,
  fitLognormal,
  mulberry32,
  normalSampler,
  routeDistribution,
  routeWithExactTerm,
  type LatencyTerm,
  type RouteApproximation,
  type RouteDistribution,
} from './layoutStats';

/** What every (transaction, region) of one evaluation shares: site indices, servers, fitted latencies. */
export interface RouteContext {
  s: Scenario;
  siteIds: string[];
  siteIndex: Map<string, number>;
  components: Map<string, Component>;
  /** componentId → servers per site index (negative counts read as 0). */
  servers: Map<string, number[]>;
  /** Fitted round trips between site indices (intra-site on the diagonal). */
  siteTerms: LatencyTerm[][];
  /** Round trips that could not be fitted as given (capped σ, or p95 > 0 with mean 0), in plain words. */
  fitNotes: Set<string>;
}

export function makeRouteContext(s: Scenario, servers: ServerCounts): RouteContext {
  const siteIds = s.sites.map((site) => site.id);
  const siteIndex = new Map(siteIds.map((id, i) => [id, i]));
  const components = new Map<string, Component>();
  for (const app of s.applications) for (const c of app.components) components.set(c.id, c);
  const counts = new Map<string, number[]>();
  for (const id of components.keys()) {
    const row = siteIds.map((site) => {
      const n = servers[id]?.[site] ?? 0;
      return Number.isFinite(n) && n > 0 ? n : 0;
    });
    counts.set(id, row);
  }
  const fitNotes = new Set<string>();
  const siteTerms = siteIds.map((a) =>
    siteIds.map((b) => {
      const lat = siteLatency(s, a, b);
      const term = fitLognormal(lat.meanMs, lat.p95Ms);
      noteFit(fitNotes, term, a === b ? 'intra-site round trip' : `round trip ${a}↔${b}`, lat.meanMs, lat.p95Ms);
      return term;
    }),
  );
  return { s, siteIds, siteIndex, components, servers: counts, siteTerms, fitNotes };
}

function noteFit(notes: Set<string>, term: LatencyTerm, what: string, mean: number, p95: number) {
  if (term.capped)
    notes.add(`the ${what} has p95/mean = ${(p95 / mean).toFixed(2)}, more than a lognormal allows (3.87), so its σ was capped and its p95 is understated`);
  if (term.degenerate) notes.add(`the ${what} has mean 0 and p95 ${p95} ms, which no non-negative distribution fits; it was taken as 0 ms`);
}

/** Shares of a component's servers per site index; a component with no servers anywhere is taken at its home site. */
export function serverShares(ctx: RouteContext, componentId: string): number[] {
  const row = ctx.servers.get(componentId) ?? ctx.siteIds.map(() => 0);
  const total = row.reduce((a, b) => a + b, 0);
  if (total > 0) return row.map((n) => n / total);
  const home = ctx.siteIndex.get(ctx.components.get(componentId)?.homeSite ?? '') ?? 0;
  return ctx.siteIds.map((_, i) => (i === home ? 1 : 0));
}

export interface RouteNode {
  component: string;
  /** Node index of the caller on this component's routing edge, or -1 for a root draw (the entry). */
  parent: number;
  /** Root draws: probability per site index. */
  root: number[];
  /** Child draws: cond[callerSite][calleeSite]. */
  cond: number[][];
  marginal: number[];
}

export interface EdgeStep {
  index: number;
  from: number;
  to: number;
  routing: boolean;
  callsPerTransaction: number;
  requestBytes: number;
  responseBytes: number;
  calleeProcessingMs: number;
}

export interface TransactionRouteModel {
  transaction: TransactionType;
  region: UserRegion;
  ratePerSecond: number;
  nodes: RouteNode[];
  nodeOf: Map<string, number>;
  edges: EdgeStep[];
  /** Routing that breaks the contract ('routing' violations), in plain words. */
  problems: string[];
  /** Things worth knowing that are not violations. */
  notes: string[];
}

const EPS = 1e-6;
const pct = (x: number) => `${+(x * 100).toPrecision(6)}%`;
const num = (x: number) => `${+x.toPrecision(6)}`;

/** The contract's proportional routing, made explicit: every draw in proportion to servers, whatever the caller's site. */
export function proportionalRouting(s: Scenario, servers: ServerCounts): Routing {
  const ctx = makeRouteContext(s, servers);
  const routing: Routing = {};
  for (const app of s.applications) {
    for (const t of app.transactions) {
      const byRegion: Record<string, TransactionRouting> = {};
      for (const [regionId, rate] of Object.entries(t.ratePerSecond)) {
        if (!(rate > 0)) continue;
        byRegion[regionId] = proportionalTransactionRouting(ctx, t);
      }
      routing[t.id] = byRegion;
    }
  }
  return routing;
}

function proportionalTransactionRouting(ctx: RouteContext, t: TransactionType): TransactionRouting {
  const toRecord = (shares: number[]) => Object.fromEntries(shares.flatMap((p, i) => (p > 0 ? [[ctx.siteIds[i]!, p]] : [])));
  const entry = toRecord(serverShares(ctx, t.entryComponent));
  const pairs: Record<number, Record<string, number>> = {};
  const reached = new Set([t.entryComponent]);
  t.calls.forEach((edge, i) => {
    reached.add(edge.from);
    if (reached.has(edge.to)) return;
    reached.add(edge.to);
    const a = serverShares(ctx, edge.from);
    const b = serverShares(ctx, edge.to);
    const row: Record<string, number> = {};
    a.forEach((pa, sa) => b.forEach((pb, sb) => {
      if (pa * pb > 0) row[pairKey(ctx.siteIds[sa]!, ctx.siteIds[sb]!)] = pa * pb;
    }));
    pairs[i] = row;
  });
  return { entry, pairs };
}

/**
 * Builds the draws of one (transaction, region) and checks its routing against the contract.
 * With no routing, draws are proportional to servers (and nothing is checked).
 */
export function buildRouteModel(ctx: RouteContext, t: TransactionType, region: UserRegion, routing: TransactionRouting | undefined): TransactionRouteModel {
  const S = ctx.siteIds.length;
  const problems: string[] = [];
  const notes: string[] = [];
  const label = `${t.name} for ${region.name}`;
  const nodes: RouteNode[] = [];
  const nodeOf = new Map<string, number>();
  const servers = (componentId: string) => ctx.servers.get(componentId) ?? ctx.siteIds.map(() => 0);
  const addRoot = (componentId: string, dist: number[]) => {
    nodeOf.set(componentId, nodes.length);
    nodes.push({ component: componentId, parent: -1, root: dist, cond: [], marginal: dist });
  };

  // Entry.
  let entry = serverShares(ctx, t.entryComponent);
  if (routing) {
    const raw = new Array<number>(S).fill(0);
    let sum = 0;
    for (const [site, f] of Object.entries(routing.entry ?? {})) {
      const i = ctx.siteIndex.get(site);
      if (i === undefined) {
        problems.push(`${label}: the entry fractions name an unknown site "${site}"`);
        continue;
      }
      if (!Number.isFinite(f) || f < 0) {
        problems.push(`${label}: the entry fraction at site "${site}" is ${f}; fractions must be ≥ 0`);
        continue;
      }
      if (f > 0 && servers(t.entryComponent)[i]! <= 0)
        problems.push(`${label}: ${pct(f)} of requests enter at site "${site}", where "${t.entryComponent}" has no servers`);
      raw[i] = raw[i]! + f;
      sum += f;
    }
    if (Math.abs(sum - 1) > EPS) problems.push(`${label}: the entry fractions sum to ${num(sum)}, not 1`);
    if (sum > 0) entry = raw.map((f) => f / sum);
    for (const key of Object.keys(routing.pairs ?? {})) {
      const i = Number(key);
      if (!Number.isInteger(i) || i < 0 || i >= t.calls.length) notes.push(`${label}: routing names call ${key}, which the transaction does not have; ignored`);
    }
  }
  addRoot(t.entryComponent, entry);

  const edges: EdgeStep[] = [];
  t.calls.forEach((edge, i) => {
    if (!nodeOf.has(edge.from)) {
      // Validation forbids this (calls fan out from the entry); kept safe for unvalidated input.
      notes.push(`${label}: call ${i + 1} comes from "${edge.from}" before anything calls it; its site is drawn in proportion to its servers`);
      addRoot(edge.from, serverShares(ctx, edge.from));
    }
    const from = nodeOf.get(edge.from)!;
    const step = {
      index: i,
      from,
      callsPerTransaction: edge.callsPerTransaction,
      requestBytes: edge.requestBytes,
      responseBytes: edge.responseBytes,
      calleeProcessingMs: t.processingMs[edge.to] ?? 0,
    };
    const pairs = routing?.pairs?.[i];
    if (nodeOf.has(edge.to)) {
      if (pairs && Object.keys(pairs).length > 0) notes.push(`${label}: call ${i + 1} ("${edge.from}" → "${edge.to}") is a follow edge; its pairs are ignored`);
      edges.push({ ...step, to: nodeOf.get(edge.to)!, routing: false });
      return;
    }
    const callerMarginal = nodes[from]!.marginal;
    const calleeShares = serverShares(ctx, edge.to);
    const cond: number[][] = ctx.siteIds.map(() => calleeShares.slice());
    if (routing) {
      const what = `${label}: call ${i + 1} ("${edge.from}" → "${edge.to}")`;
      if (!pairs) problems.push(`${what} has no routing`);
      else {
        const raw = ctx.siteIds.map(() => new Array<number>(S).fill(0));
        let sum = 0;
        for (const [key, f] of Object.entries(pairs)) {
          const [a, b, ...rest] = key.split('>');
          const ia = ctx.siteIndex.get(a ?? '');
          const ib = ctx.siteIndex.get(b ?? '');
          if (rest.length > 0 || ia === undefined || ib === undefined) {
            problems.push(`${what}: the pair "${key}" does not name two known sites as "caller>callee"`);
            continue;
          }
          if (!Number.isFinite(f) || f < 0) {
            problems.push(`${what}: the fraction of pair "${key}" is ${f}; fractions must be ≥ 0`);
            continue;
          }
          if (f > 0 && servers(edge.to)[ib]! <= 0) problems.push(`${what} sends ${pct(f)} of calls to site "${b}", where "${edge.to}" has no servers`);
          raw[ia]![ib]! += f;
          sum += f;
        }
        if (Math.abs(sum - 1) > EPS) problems.push(`${what}: the pair fractions sum to ${num(sum)}, not 1`);
        raw.forEach((row, a) => {
          const rowSum = row.reduce((x, y) => x + y, 0);
          if (Math.abs(rowSum - callerMarginal[a]!) > EPS)
            problems.push(
              `${what}: the pairs give ${pct(rowSum)} of calls from site "${ctx.siteIds[a]}", but "${edge.from}" is there in ${pct(callerMarginal[a]!)} of requests`,
            );
          if (rowSum > 0) cond[a] = row.map((f) => f / rowSum);
        });
      }
    }
    const marginal = new Array<number>(S).fill(0);
    callerMarginal.forEach((p, a) => cond[a]!.forEach((q, b) => (marginal[b] = marginal[b]! + p * q)));
    nodeOf.set(edge.to, nodes.length);
    nodes.push({ component: edge.to, parent: from, root: [], cond, marginal });
    edges.push({ ...step, to: nodeOf.get(edge.to)!, routing: true });
  });

  return { transaction: t, region, ratePerSecond: t.ratePerSecond[region.id] ?? 0, nodes, nodeOf, edges, problems, notes };
}

function matMul(a: number[][], b: number[][]): number[][] {
  return a.map((row) => b[0]!.map((_, j) => row.reduce((sum, x, k) => sum + x * b[k]![j]!, 0)));
}

/** Joint distribution P(x at site s, y at site t) of two nodes of the draw forest. */
export function jointSites(model: TransactionRouteModel, x: number, y: number): number[][] {
  const nodes = model.nodes;
  const S = nodes[0]!.marginal.length;
  if (x === y) return nodes[x]!.marginal.map((p, s) => Array.from({ length: S }, (_, t) => (s === t ? p : 0)));
  const up = (n: number) => {
    const path = [n];
    while (nodes[path[path.length - 1]!]!.parent >= 0) path.push(nodes[path[path.length - 1]!]!.parent);
    return path;
  };
  const px = up(x);
  const py = up(y);
  const inY = new Set(py);
  const u = px.find((n) => inY.has(n));
  const mx = nodes[x]!.marginal;
  const my = nodes[y]!.marginal;
  if (u === undefined) return mx.map((p) => my.map((q) => p * q));
  const identity: number[][] = Array.from({ length: S }, (_, i) => Array.from({ length: S }, (_, j) => (i === j ? 1 : 0)));
  const down = (path: number[]) => {
    let m = identity;
    for (const n of path.slice(0, path.indexOf(u)).reverse()) m = matMul(m, nodes[n]!.cond);
    return m;
  };
  const ax = down(px);
  const ay = down(py);
  const mu = nodes[u]!.marginal;
  return Array.from({ length: S }, (_, s) => Array.from({ length: S }, (_, t) => mu.reduce((sum, p, w) => sum + p * ax[w]![s]! * ay[w]![t]!, 0)));
}

/** The fitted user↔site round trip of the model's region, per site index. */
function userTerms(ctx: RouteContext, model: TransactionRouteModel): LatencyTerm[] {
  return ctx.siteIds.map((site) => {
    const lat = model.region.latencyToSites[site];
    if (!lat) throw new Error(`user region "${model.region.id}" has no latency to site "${site}"`);
    const term = fitLognormal(lat.meanMs, lat.p95Ms);
    noteFit(ctx.fitNotes, term, `round trip from ${model.region.id} to ${site}`, lat.meanMs, lat.p95Ms);
    return term;
  });
}

/** Latency of one call edge between two given sites: constant part, and mean, variance and third cumulant of the random part. */
interface EdgeCost {
  constant: number;
  mean: number;
  variance: number;
  thirdCumulant: number;
  term: LatencyTerm;
}

function edgeTable(ctx: RouteContext, step: EdgeStep): EdgeCost[][] {
  const c = step.callsPerTransaction;
  return ctx.siteIds.map((a, sa) =>
    ctx.siteIds.map((b, sb) => {
      const term = ctx.siteTerms[sa]![sb]!;
      const fixed = c * (transferMs(ctx.s, a, b, step.requestBytes + step.responseBytes) + step.calleeProcessingMs);
      return term.variance > 0
        ? { constant: fixed, mean: c * term.mean, variance: c * term.variance, thirdCumulant: c * term.thirdCumulant, term }
        : { constant: fixed + c * term.mean, mean: 0, variance: 0, thirdCumulant: 0, term };
    }),
  );
}

/** Exact mean response time: linear in the joint site distribution of every call edge. */
export function meanResponseMs(ctx: RouteContext, model: TransactionRouteModel): number {
  const users = userTerms(ctx, model);
  let mean = model.transaction.processingMs[model.transaction.entryComponent] ?? 0;
  model.nodes[0]!.marginal.forEach((p, s) => (mean += p * users[s]!.mean));
  for (const step of model.edges) {
    if (step.callsPerTransaction === 0) continue;
    const table = edgeTable(ctx, step);
    const joint = jointSites(model, step.from, step.to);
    joint.forEach((row, a) => row.forEach((p, b) => {
      if (p > 0) mean += p * (table[a]![b]!.constant + table[a]![b]!.mean);
    }));
  }
  return mean;
}

export interface RouteEnumeration {
  /** Routes with positive probability, merged where their latency distributions coincide. */
  routes: RouteDistribution[];
  /** Number of positive-probability routes before merging. */
  count: number;
  /** Σ P(route)·E[route latency]: must equal meanResponseMs. */
  mean: number;
  /** The approximation used (heaviestExact falls back to threeMoments above EXACT_TERM_ROUTE_LIMIT distinct routes). */
  approximation: RouteApproximation;
}

/** Above this many distinct routes the numerical convolution of 'heaviestExact' gets slow, and 'threeMoments' is used. */
export const EXACT_TERM_ROUTE_LIMIT = 20_000;

interface RouteSums {
  probability: number;
  constant: number;
  mean: number;
  variance: number;
  thirdCumulant: number;
  heaviest: LatencyTerm | undefined;
}

/**
 * Every route with positive probability and its latency as a constant plus a sum of independent
 * lognormal round trips (summarised by its mean, variance and third cumulant, then approximated
 * as `approximation` says); null when there are more than `limit` routes.
 */
export function enumerateRoutes(
  ctx: RouteContext,
  model: TransactionRouteModel,
  limit: number,
  approximation: RouteApproximation = 'heaviestExact',
): RouteEnumeration | null {
  const nodes = model.nodes;
  const N = nodes.length;
  const S = ctx.siteIds.length;
  const users = userTerms(ctx, model);
  const entryProcessing = model.transaction.processingMs[model.transaction.entryComponent] ?? 0;
  const ready: { step: EdgeStep; table: EdgeCost[][] }[][] = nodes.map(() => []);
  for (const step of model.edges) {
    if (step.callsPerTransaction === 0) continue;
    ready[Math.max(step.from, step.to)]!.push({ step, table: edgeTable(ctx, step) });
  }
  const sites = new Int32Array(N);
  const merged = new Map<string, RouteSums>();
  let count = 0;
  let mean = 0;
  let overflow = false;

  const exactTerm = approximation === 'heaviestExact';
  const visit = (k: number, p: number, constant: number, m: number, v: number, k3: number, best: LatencyTerm | undefined): void => {
    if (overflow) return;
    if (k === N) {
      count++;
      if (count > limit) {
        overflow = true;
        return;
      }
      mean += p * (constant + m);
      const key = `${constant.toPrecision(12)}|${m.toPrecision(12)}|${v.toPrecision(12)}|${k3.toPrecision(12)}|${best ? `${best.mu}|${best.sigma}` : ''}`;
      const seen = merged.get(key);
      if (seen) seen.probability += p;
      else merged.set(key, { probability: p, constant, mean: m, variance: v, thirdCumulant: k3, heaviest: best });
      return;
    }
    const node = nodes[k]!;
    const dist = node.parent < 0 ? node.root : node.cond[sites[node.parent]!]!;
    for (let t = 0; t < S; t++) {
      const q = dist[t]!;
      if (!(q > 0)) continue;
      sites[k] = t;
      let c = constant;
      let mm = m;
      let vv = v;
      let kk = k3;
      let heaviest = best;
      if (k === 0) {
        const u = users[t]!;
        c += entryProcessing + (u.variance > 0 ? 0 : u.mean);
        if (u.variance > 0) {
          mm += u.mean;
          vv += u.variance;
          kk += u.thirdCumulant;
          if (exactTerm && (!heaviest || u.variance > heaviest.variance)) heaviest = u;
        }
      }
      for (const { step, table } of ready[k]!) {
        const e = table[sites[step.from]!]![sites[step.to]!]!;
        c += e.constant;
        mm += e.mean;
        vv += e.variance;
        kk += e.thirdCumulant;
        if (exactTerm && step.callsPerTransaction === 1 && e.variance > 0 && (!heaviest || e.variance > heaviest.variance)) heaviest = e.term;
      }
      visit(k + 1, p * q, c, mm, vv, kk, heaviest);
    }
  };
  visit(0, 1, 0, 0, 0, 0, undefined);
  if (overflow) return null;
  const used: RouteApproximation = approximation === 'heaviestExact' && merged.size > EXACT_TERM_ROUTE_LIMIT ? 'threeMoments' : approximation;
  const routes = [...merged.values()].map((r): RouteDistribution => {
    const best = r.heaviest;
    if (used === 'heaviestExact' && best)
      return routeWithExactTerm(
        r.probability,
        r.constant,
        { mean: r.mean - best.mean, variance: r.variance - best.variance, thirdCumulant: r.thirdCumulant - best.thirdCumulant },
        best,
      );
    return routeDistribution(r.probability, r.constant, r.mean, r.variance, r.thirdCumulant, used === 'fentonWilkinson' ? 'fentonWilkinson' : 'threeMoments');
  });
  return { routes, count, mean, approximation: used };
}

/** Upper bound on the number of routes: the product of every draw's number of possible sites. */
export function routeCountBound(model: TransactionRouteModel): number {
  let bound = 1;
  for (const node of model.nodes) {
    const support = node.parent < 0 ? node.root.filter((p) => p > 0).length : node.marginal.filter((p) => p > 0).length;
    bound *= Math.max(1, support);
  }
  return bound;
}

export interface MonteCarloResult {
  p95: number;
  /** 95% confidence interval of the 95th percentile from order statistics. */
  low: number;
  high: number;
  sampleMean: number;
  samples: number;
}

/** Above this many calls on one edge, their sum is drawn as one moment-matched lognormal instead of call by call. */
export const CALLS_SAMPLED_ONE_BY_ONE = 64;

/**
 * Seeded Monte Carlo of the same model: draw the sites of a route, then every round trip as its
 * own lognormal (c calls on an edge = ⌊c⌋ i.i.d. draws, plus for a fractional part f one draw
 * with f times a round trip's mean, variance and third cumulant, so an edge's cumulants are c
 * times a round trip's as in the exact method; above CALLS_SAMPLED_ONE_BY_ONE calls the sum of
 * the whole calls is one draw matched to its three cumulants).
 */
export function monteCarloResponse(ctx: RouteContext, model: TransactionRouteModel, samples: number, seed: number): MonteCarloResult {
  const nodes = model.nodes;
  const S = ctx.siteIds.length;
  const uniform = mulberry32(seed);
  const normal = normalSampler(uniform);
  const users = userTerms(ctx, model);
  const entryProcessing = model.transaction.processingMs[model.transaction.entryComponent] ?? 0;
  const steps = model.edges.filter((e) => e.callsPerTransaction > 0).map((step) => ({ step, table: edgeTable(ctx, step) }));
  const draw = (term: LatencyTerm) => Math.exp(term.mu + term.sigma * normal());
  // A sum of k i.i.d. round trips (or a fractional call), drawn from the shifted lognormal with its mean, variance and third cumulant.
  const drawMoments = (mean: number, variance: number, k3: number) => {
    const d = routeDistribution(1, 0, mean, variance, k3);
    if (d.kind === 'point') return d.shift;
    return d.kind === 'normal' ? d.shift + d.sigma * normal() : d.shift + Math.exp(d.mu + d.sigma * normal());
  };
  const pick = (dist: number[]) => {
    let u = uniform();
    let last = 0;
    for (let t = 0; t < S; t++) {
      const p = dist[t]!;
      if (!(p > 0)) continue;
      last = t;
      if (u < p) return t;
      u -= p;
    }
    return last;
  };
  const out = new Float64Array(samples);
  const sites = new Int32Array(nodes.length);
  let total = 0;
  for (let i = 0; i < samples; i++) {
    nodes.forEach((node, k) => (sites[k] = pick(node.parent < 0 ? node.root : node.cond[sites[node.parent]!]!)));
    const u = users[sites[0]!]!;
    let x = entryProcessing + (u.variance > 0 ? draw(u) : u.mean);
    for (const { step, table } of steps) {
      const e = table[sites[step.from]!]![sites[step.to]!]!;
      x += e.constant;
      if (e.variance === 0) continue;
      const c = step.callsPerTransaction;
      const whole = Math.floor(c);
      const frac = c - whole;
      const { mean, variance, thirdCumulant } = e.term;
      if (whole > CALLS_SAMPLED_ONE_BY_ONE) x += drawMoments(whole * mean, whole * variance, whole * thirdCumulant);
      else for (let j = 0; j < whole; j++) x += draw(e.term);
      if (frac > 0) x += drawMoments(frac * mean, frac * variance, frac * thirdCumulant);
    }
    out[i] = x;
    total += x;
  }
  out.sort();
  const q = empiricalQuantile(out, 0.95);
  return { p95: q.value, low: q.low, high: q.high, sampleMean: total / samples, samples };
}
