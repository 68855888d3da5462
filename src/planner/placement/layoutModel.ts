/**
 * The hybrid layout MILP (Cloudward Bound style): servers of each component at
 * each site, which sites host it, and how every transaction's requests from
 * every user region are routed between replicas (the route model is in
 * planner/layout/layout.ts).
 *
 * Variables
 *   n[c,s]  integer servers (splittable components only; an unsplittable one
 *           has all N_c servers wherever h[c,s] = 1)
 *   h[c,s]  binary: c is hosted at s
 *   u[t,r,s]        fraction of (t,r)'s requests entering at s
 *   f[t,r,e,s,s']   joint fraction of routing edge e going from caller site s to callee site s'
 *   z[c,s,s']       binary: both s and s' host c (replication traffic), only when it costs something
 * P(c at s) for (t,r) is a linear expression: u for the entry, Σ_s f for a callee.
 *
 * Tightness (why this solves where proportional-routing models stall):
 *  - n ≤ N_c·h and n ≥ h link servers to hosting exactly;
 *  - routing into a site is bounded by hosting per site (Σ_s f[e,s,s'] ≤ h[b,s']),
 *    and the replica's load by its server share, aggregated over all traffic
 *    (Σ visits·P(c at s) ≤ V_c·n[c,s]/N_c), Cloudward Bound's linking constraint;
 *  - unsplittable components have no n at all.
 *
 * Follow edges (a call to a component already reached in the transaction) go to
 * the callee's already drawn site, whose joint law with the caller's site is not
 * linear in the variables. The model charges them conservatively: for a caller
 * at s, the most expensive / slowest site the callee may use. The evaluator
 * computes them exactly; a callee pinned to one site makes them exact here too.
 */
import type { Scenario, TransactionType } from '../scenario/schema';
import { allowedSitesOf } from '../scenario/validate';
import { findSite, interSitePricePerGB, secondsPerMonth, serverMonthlyPrice, vcpusOf, BYTES_PER_GB } from '../model/traffic';
import { NameRegistry, type Column, type LinearModel, type Row, type Term } from '../solver/glpk';
import { pairKey, type Layout, type Routing } from '../layout/layout';

export type PlacementObjective =
  | { kind: 'cost' }
  /** Minimise the request-weighted mean response time, within a monthly budget. */
  | { kind: 'delay'; budgetUSD: number }
  /** Minimise cost + weight × request-weighted mean response time (USD per month per ms). */
  | { kind: 'weighted'; usdPerMs: number };

export interface LayoutModelOptions {
  objective: PlacementObjective;
  /** One-time migration transfer spread over this many months (0 = not in the objective). */
  migrationAmortisationMonths: number;
  /** Replaces every transaction's bound on the increase of the mean (trade-off sweeps). */
  maxMeanIncreaseOverrideMs?: number;
  /** Caps every inter-site link direction at this many Mbps, on top of its own bandwidth (sweeps). */
  bandwidthCapMbps?: number;
  /**
   * Upper limits on the mean response time (ms) per delayKey: the cuts added when the
   * evaluator finds a p95 above its bound (lowering the mean moves requests off slow routes).
   */
  meanLimitsMs?: Record<string, number>;
}

export const DEFAULT_LAYOUT_MODEL_OPTIONS: LayoutModelOptions = { objective: { kind: 'cost' }, migrationAmortisationMonths: 0 };

export const delayKey = (transactionId: string, regionId: string) => `${transactionId}|${regionId}`;

interface Expr {
  terms: Term[];
  constant: number;
}

export interface EdgeRole {
  index: number;
  routing: boolean;
}

/** Which edges route (first to reach their callee) and which follow; self-calls stay on one site. */
export function edgeRoles(t: TransactionType): EdgeRole[] {
  const reached = new Set([t.entryComponent]);
  return t.calls.map((edge, index) => {
    const routing = edge.from !== edge.to && !reached.has(edge.to);
    reached.add(edge.to);
    return { index, routing };
  });
}

/** What a named row stands for, to explain in plain words which constraint must give. */
export type RowMeaning =
  | { kind: 'servers'; siteId: string }
  | { kind: 'vcpus'; siteId: string }
  | { kind: 'meanDelay'; transactionId: string; regionId: string; limitMs: number }
  | { kind: 'bandwidth'; from: string; to: string };

export interface BuiltLayoutModel {
  model: LinearModel;
  rowMeaning: Map<string, RowMeaning>;
  /** Problems visible before solving. */
  obstacles: string[];
  /** Status-quo mean delay per delayKey, as the model computes it (for the bound's right-hand side). */
  statusQuoMeanMs: Map<string, number>;
  read(values: Record<string, number>): Layout;
  /** The model with every server and hosting decision fixed to `counts`: only the routing is left, as an LP. */
  fixServers(counts: Layout['servers']): LinearModel;
  /** The model's own mean response time of a (transaction, region) for given column values. */
  meanMsOf(key: string, values: Record<string, number>): number;
}

export function buildLayoutModel(s: Scenario, options: LayoutModelOptions = DEFAULT_LAYOUT_MODEL_OPTIONS): BuiltLayoutModel {
  const names = new NameRegistry();
  const columns: Column[] = [];
  const rows: Row[] = [];
  const costTerms = new Map<string, number>();
  const delayTerms = new Map<string, number>();
  const addTo = (target: Map<string, number>, name: string, coef: number) => {
    if (coef !== 0) target.set(name, (target.get(name) ?? 0) + coef);
  };
  const obstacles: string[] = [];
  const rowMeaning = new Map<string, RowMeaning>();
  const seconds = secondsPerMonth(s);
  const components = s.applications.flatMap((a) => a.components);
  const componentById = new Map(components.map((c) => [c.id, c]));
  const latency = linkLatency(s);

  // ---- servers and hosting
  const hosts = new Map<string, Map<string, string>>();
  const servers = new Map<string, Map<string, Term[]>>();
  const sitesOf = new Map<string, string[]>();
  for (const c of components) {
    const sites = allowedSitesOf(c, s).filter((siteId) => serverMonthlyPrice(s, findSite(s, siteId), c.serverClass) !== undefined);
    sitesOf.set(c.id, sites);
    if (sites.length === 0) obstacles.push(`component "${c.id}" has no allowed site that offers server class "${c.serverClass}"`);
    const h = new Map<string, string>();
    const n = new Map<string, Term[]>();
    for (const siteId of sites) {
      const site = findSite(s, siteId);
      const hName = names.make('h', c.id, siteId);
      columns.push({ name: hName, lb: 0, ub: 1, kind: 'binary' });
      h.set(siteId, hName);
      addTo(costTerms, hName, c.storageGB * site.storagePricePerGBMonthUSD);
      const price = serverMonthlyPrice(s, site, c.serverClass)!;
      if (c.splittable && c.servers > 1) {
        const nName = names.make('n', c.id, siteId);
        columns.push({ name: nName, lb: 0, ub: c.servers, kind: 'integer' });
        n.set(siteId, [{ name: nName, coef: 1 }]);
        addTo(costTerms, nName, price);
        rows.push({ name: names.make('n_le_Nh', c.id, siteId), terms: [{ name: nName, coef: 1 }, { name: hName, coef: -c.servers }], sense: '<=', rhs: 0 });
        rows.push({ name: names.make('n_ge_h', c.id, siteId), terms: [{ name: nName, coef: 1 }, { name: hName, coef: -1 }], sense: '>=', rhs: 0 });
      } else {
        n.set(siteId, [{ name: hName, coef: c.servers }]);
        addTo(costTerms, hName, c.servers * price);
      }
      // One-time migration: state and images copied from the home site, spread over the horizon.
      if (options.migrationAmortisationMonths > 0 && siteId !== c.homeSite) {
        const perGB = interSitePricePerGB(s, c.homeSite, siteId) / options.migrationAmortisationMonths;
        addTo(costTerms, hName, c.storageGB * perGB);
        for (const term of n.get(siteId)!) addTo(costTerms, term.name, term.coef * (c.vm?.imageGB ?? 0) * perGB);
      }
    }
    hosts.set(c.id, h);
    servers.set(c.id, n);
    const total = [...n.values()].flat();
    rows.push({ name: names.make('servers', c.id), terms: total, sense: '=', rhs: c.servers });
    if (!(c.splittable && c.servers > 1)) rows.push({ name: names.make('one_site', c.id), terms: [...h.values()].map((name) => ({ name, coef: 1 })), sense: '=', rhs: 1 });
  }

  // ---- capacities
  for (const site of s.sites) {
    const onSite = components.flatMap((c) => (servers.get(c.id)!.get(site.id) ?? []).map((t) => ({ c, t })));
    if (onSite.length === 0) continue;
    if (site.capacity.servers !== undefined) {
      const name = names.make('cap_servers', site.id);
      rowMeaning.set(name, { kind: 'servers', siteId: site.id });
      rows.push({ name, terms: onSite.map(({ t }) => t), sense: '<=', rhs: site.capacity.servers });
    }
    if (site.capacity.vcpus !== undefined) {
      const name = names.make('cap_vcpus', site.id);
      rowMeaning.set(name, { kind: 'vcpus', siteId: site.id });
      rows.push({ name, terms: onSite.map(({ c, t }) => ({ name: t.name, coef: t.coef * vcpusOf(site, c.serverClass) })), sense: '<=', rhs: site.capacity.vcpus });
    }
  }

  // ---- co-location: members are hosted on exactly the same sites
  const groups = new Map<string, string[]>();
  for (const c of components) if (c.colocationGroup) groups.set(c.colocationGroup, [...(groups.get(c.colocationGroup) ?? []), c.id]);
  for (const [group, members] of groups) {
    const [lead, ...rest] = members;
    for (const other of rest)
      for (const site of s.sites) {
        const a = hosts.get(lead!)!.get(site.id);
        const b = hosts.get(other)!.get(site.id);
        if (!a && !b) continue;
        rows.push({ name: names.make('coloc', group, other, site.id), terms: [...(a ? [{ name: a, coef: 1 }] : []), ...(b ? [{ name: b, coef: -1 }] : [])], sense: '=', rhs: 0 });
      }
  }

  // ---- link traffic (Mbps per direction), filled by routing and replication
  const linkLoad = new Map<string, Term[]>();
  const addLoad = (from: string, to: string, terms: Term[]) => {
    if (from === to) return;
    const key = `${from}>${to}`;
    linkLoad.set(key, [...(linkLoad.get(key) ?? []), ...terms]);
  };

  // ---- routing per transaction and user region
  const statusQuoMeanMs = new Map<string, number>();
  const visitLoad = new Map<string, Map<string, Term[]>>(); // component → site → Σ visits·P(c at s)
  const visitTotal = new Map<string, number>();
  const entryCols = new Map<string, Map<string, string>>();
  const pairCols = new Map<string, Map<number, Map<string, string>>>();
  const requestWeight = totalRequestRate(s);
  const meanExpressions = new Map<string, Expr>();

  for (const app of s.applications) {
    for (const t of app.transactions) {
      const roles = edgeRoles(t);
      const processing = (t.processingMs[t.entryComponent] ?? 0) + t.calls.reduce((sum, e) => sum + e.callsPerTransaction * (t.processingMs[e.to] ?? 0), 0);
      for (const [regionId, rate] of Object.entries(t.ratePerSecond)) {
        if (rate <= 0) continue;
        const key = delayKey(t.id, regionId);
        const region = s.userRegions.find((r) => r.id === regionId)!;
        const dist = new Map<string, Map<string, Term[]>>(); // component → site → P(c at s) terms
        const mean: Expr = { terms: [], constant: processing };

        // Entry.
        const entrySites = sitesOf.get(t.entryComponent) ?? [];
        const u = new Map<string, string>();
        for (const siteId of entrySites) {
          const name = names.make('u', t.id, regionId, siteId);
          columns.push({ name, lb: 0, ub: 1, kind: 'continuous' });
          u.set(siteId, name);
          rows.push({ name: names.make('u_le_h', t.id, regionId, siteId), terms: [{ name, coef: 1 }, { name: hosts.get(t.entryComponent)!.get(siteId)!, coef: -1 }], sense: '<=', rhs: 0 });
          const prices = findSite(s, siteId).transferPricePerGBUSD;
          addTo(costTerms, name, ((rate * seconds) / BYTES_PER_GB) * (t.userRequestBytes * prices.ingress + t.userResponseBytes * prices.egress));
          mean.terms.push({ name, coef: region.latencyToSites[siteId]!.meanMs });
        }
        entryCols.set(key, u);
        rows.push({ name: names.make('u_sum', t.id, regionId), terms: [...u.values()].map((name) => ({ name, coef: 1 })), sense: '=', rhs: 1 });
        dist.set(t.entryComponent, new Map([...u].map(([siteId, name]) => [siteId, [{ name, coef: 1 }]])));

        const pairs = new Map<number, Map<string, string>>();
        for (const { index, routing } of roles) {
          const edge = t.calls[index]!;
          const callsPerMonth = rate * seconds * edge.callsPerTransaction;
          const mbpsForward = (rate * edge.callsPerTransaction * edge.requestBytes * 8) / 1e6;
          const mbpsBack = (rate * edge.callsPerTransaction * edge.responseBytes * 8) / 1e6;
          const callerDist = dist.get(edge.from)!;
          const callerSites = sitesOf.get(edge.from)!;
          const calleeSites = sitesOf.get(edge.to)!;
          const pairCost = (a: string, b: string) => ((callsPerMonth * edge.requestBytes) / BYTES_PER_GB) * interSitePricePerGB(s, a, b) + ((callsPerMonth * edge.responseBytes) / BYTES_PER_GB) * interSitePricePerGB(s, b, a);
          const pairDelay = (a: string, b: string) => edge.callsPerTransaction * (latency(a, b).meanMs + transferMs(s, a, b, edge.requestBytes + edge.responseBytes));
          if (edge.from === edge.to) {
            mean.constant += edge.callsPerTransaction * s.network.intraSiteLatency.meanMs;
            continue;
          }
          if (routing) {
            const block = new Map<string, string>();
            const calleeDist = new Map<string, Term[]>();
            for (const a of callerSites) {
              const out: Term[] = [];
              for (const b of calleeSites) {
                const name = names.make('f', t.id, regionId, String(index), a, b);
                columns.push({ name, lb: 0, ub: 1, kind: 'continuous' });
                block.set(pairKey(a, b), name);
                out.push({ name, coef: 1 });
                calleeDist.set(b, [...(calleeDist.get(b) ?? []), { name, coef: 1 }]);
                addTo(costTerms, name, pairCost(a, b));
                mean.terms.push({ name, coef: pairDelay(a, b) });
                addLoad(a, b, [{ name, coef: mbpsForward }]);
                addLoad(b, a, [{ name, coef: mbpsBack }]);
              }
              rows.push({ name: names.make('flow', t.id, regionId, String(index), a), terms: [...out, ...(callerDist.get(a) ?? []).map((x) => ({ ...x, coef: -x.coef }))], sense: '=', rhs: 0 });
            }
            for (const b of calleeSites) {
              rows.push({ name: names.make('to_host', t.id, regionId, String(index), b), terms: [...(calleeDist.get(b) ?? []), { name: hosts.get(edge.to)!.get(b)!, coef: -1 }], sense: '<=', rhs: 0 });
            }
            dist.set(edge.to, calleeDist);
            pairs.set(index, block);
          } else {
            // Follow edge: charged at the worst site the callee may be at (see the file comment).
            for (const a of callerSites) {
              const p = callerDist.get(a) ?? [];
              const worstCost = Math.max(...calleeSites.map((b) => pairCost(a, b)));
              const worstDelay = Math.max(...calleeSites.map((b) => pairDelay(a, b)));
              for (const term of p) {
                addTo(costTerms, term.name, term.coef * worstCost);
                mean.terms.push({ name: term.name, coef: term.coef * worstDelay });
                for (const b of calleeSites) {
                  addLoad(a, b, [{ name: term.name, coef: term.coef * mbpsForward }]);
                  addLoad(b, a, [{ name: term.name, coef: term.coef * mbpsBack }]);
                }
              }
            }
          }
        }
        pairCols.set(key, pairs);

        // Visits per replica, for the load-share linking.
        const visits = new Map<string, number>([[t.entryComponent, 1]]);
        for (const e of t.calls) visits.set(e.to, (visits.get(e.to) ?? 0) + e.callsPerTransaction);
        for (const [componentId, perCall] of visits) {
          const weight = rate * perCall;
          if (weight <= 0 || !dist.has(componentId)) continue;
          visitTotal.set(componentId, (visitTotal.get(componentId) ?? 0) + weight);
          const perSite = visitLoad.get(componentId) ?? new Map<string, Term[]>();
          for (const [siteId, terms] of dist.get(componentId)!) perSite.set(siteId, [...(perSite.get(siteId) ?? []), ...terms.map((x) => ({ name: x.name, coef: x.coef * weight }))]);
          visitLoad.set(componentId, perSite);
        }

        // Mean response time: status quo, bound, objective weight.
        const sq = statusQuoMean(s, t, regionId, latency);
        statusQuoMeanMs.set(key, sq);
        const bound = options.maxMeanIncreaseOverrideMs ?? t.slo.maxMeanIncreaseMs;
        const limit = Math.min(bound === undefined ? Infinity : sq + bound, options.meanLimitsMs?.[key] ?? Infinity);
        if (Number.isFinite(limit)) {
          const name = names.make('mean', t.id, regionId);
          rowMeaning.set(name, { kind: 'meanDelay', transactionId: t.id, regionId, limitMs: limit });
          rows.push({ name, terms: mergeTerms(mean.terms), sense: '<=', rhs: limit - mean.constant });
        }
        meanExpressions.set(key, mean);
        for (const term of mean.terms) addTo(delayTerms, term.name, (term.coef * rate) / requestWeight);
      }
    }
  }

  // ---- load share: a replica carries at most its share of the component's servers
  for (const [componentId, perSite] of visitLoad) {
    const c = componentById.get(componentId)!;
    if (!(c.splittable && c.servers > 1)) continue;
    const total = visitTotal.get(componentId)!;
    for (const [siteId, terms] of perSite) {
      const n = servers.get(componentId)!.get(siteId)!;
      rows.push({ name: names.make('load', componentId, siteId), terms: [...terms, ...n.map((x) => ({ name: x.name, coef: (-x.coef * total) / c.servers }))], sense: '<=', rhs: 0 });
    }
  }

  // ---- replication between every pair of hosting sites of a split component
  for (const c of components) {
    if (!c.splittable || c.replicationMbps <= 0) continue;
    const sites = sitesOf.get(c.id)!;
    const gbPerMonth = (c.replicationMbps * 1e6 * seconds) / 8 / BYTES_PER_GB;
    for (let i = 0; i < sites.length; i++)
      for (let j = i + 1; j < sites.length; j++) {
        const a = sites[i]!;
        const b = sites[j]!;
        const name = names.make('z', c.id, a, b);
        columns.push({ name, lb: 0, ub: 1, kind: 'continuous' });
        rows.push({ name: names.make('z_ge', c.id, a, b), terms: [{ name, coef: 1 }, { name: hosts.get(c.id)!.get(a)!, coef: -1 }, { name: hosts.get(c.id)!.get(b)!, coef: -1 }], sense: '>=', rhs: -1 });
        addTo(costTerms, name, gbPerMonth * (interSitePricePerGB(s, a, b) + interSitePricePerGB(s, b, a)));
        addLoad(a, b, [{ name, coef: c.replicationMbps }]);
        addLoad(b, a, [{ name, coef: c.replicationMbps }]);
      }
  }

  // ---- bandwidth per link direction
  for (const [key, terms] of linkLoad) {
    const [from, to] = key.split('>') as [string, string];
    const link = s.network.links.find((l) => (l.between[0] === from && l.between[1] === to) || (l.between[0] === to && l.between[1] === from))!;
    const capacity = Math.min(link.bandwidthMbps, options.bandwidthCapMbps ?? Infinity);
    const name = names.make('bw', from, to);
    rowMeaning.set(name, { kind: 'bandwidth', from, to });
    rows.push({ name, terms: mergeTerms(terms), sense: '<=', rhs: capacity });
  }

  // ---- objective
  const costList = [...costTerms].map(([name, coef]) => ({ name, coef }));
  const delayList = [...delayTerms].map(([name, coef]) => ({ name, coef }));
  let objective: Term[];
  switch (options.objective.kind) {
    case 'cost':
      objective = costList;
      break;
    case 'delay':
      objective = delayList;
      rows.push({ name: 'budget', terms: costList, sense: '<=', rhs: options.objective.budgetUSD });
      break;
    case 'weighted': {
      const w = options.objective.usdPerMs;
      objective = mergeTerms([...costList, ...delayList.map((t) => ({ name: t.name, coef: t.coef * w }))]);
      break;
    }
  }

  const model: LinearModel = { name: 'hybrid_layout', sense: 'min', objective, rows, columns };
  return {
    model,
    rowMeaning,
    obstacles,
    statusQuoMeanMs,
    fixServers(counts) {
      const fixed = new Map<string, number>();
      for (const c of components) {
        for (const [siteId, hName] of hosts.get(c.id)!) {
          const count = counts[c.id]?.[siteId] ?? 0;
          fixed.set(hName, count > 0 ? 1 : 0);
          const n = servers.get(c.id)!.get(siteId)!;
          if (n.length === 1 && n[0]!.name !== hName) fixed.set(n[0]!.name, count);
        }
      }
      return {
        ...model,
        name: `${model.name}_fixed`,
        columns: model.columns.map((col) => (fixed.has(col.name) ? { ...col, lb: fixed.get(col.name)!, ub: fixed.get(col.name)!, kind: 'continuous' as const } : col)),
      };
    },
    meanMsOf(key, values) {
      const mean = meanExpressions.get(key)!;
      return mean.constant + mean.terms.reduce((sum, t) => sum + t.coef * (values[t.name] ?? 0), 0);
    },
    read(values) {
      const v = (name: string) => values[name] ?? 0;
      const serverCounts: Layout['servers'] = {};
      for (const c of components) {
        const perSite: Record<string, number> = {};
        for (const [siteId, terms] of servers.get(c.id)!) {
          const count = Math.round(terms.reduce((sum, x) => sum + x.coef * v(x.name), 0));
          if (count > 0) perSite[siteId] = count;
        }
        serverCounts[c.id] = perSite;
      }
      const routing: Routing = {};
      for (const [key, u] of entryCols) {
        const [transactionId, regionId] = key.split('|') as [string, string];
        const entry: Record<string, number> = {};
        for (const [siteId, name] of u) if (v(name) > 1e-9) entry[siteId] = v(name);
        const pairs: Record<number, Record<string, number>> = {};
        for (const [index, block] of pairCols.get(key)!) {
          const p: Record<string, number> = {};
          for (const [k, name] of block) if (v(name) > 1e-9) p[k] = v(name);
          pairs[index] = p;
        }
        (routing[transactionId] ??= {})[regionId] = normaliseRouting({ entry, pairs });
      }
      return { servers: serverCounts, routing };
    },
  };
}

/** Removes solver round-off so fractions sum to exactly 1 per block. */
function normaliseRouting(r: { entry: Record<string, number>; pairs: Record<number, Record<string, number>> }) {
  const scale = (m: Record<string, number>) => {
    const total = Object.values(m).reduce((a, b) => a + b, 0);
    return total > 0 ? Object.fromEntries(Object.entries(m).map(([k, x]) => [k, x / total])) : m;
  };
  return { entry: scale(r.entry), pairs: Object.fromEntries(Object.entries(r.pairs).map(([k, m]) => [k, scale(m)])) };
}

function mergeTerms(terms: Term[]): Term[] {
  const merged = new Map<string, number>();
  for (const t of terms) merged.set(t.name, (merged.get(t.name) ?? 0) + t.coef);
  return [...merged].filter(([, coef]) => coef !== 0).map(([name, coef]) => ({ name, coef }));
}

function totalRequestRate(s: Scenario): number {
  let total = 0;
  for (const app of s.applications) for (const t of app.transactions) for (const rate of Object.values(t.ratePerSecond)) total += rate;
  return total > 0 ? total : 1;
}

export function linkLatency(s: Scenario) {
  const byPair = new Map<string, { meanMs: number; p95Ms: number }>();
  for (const l of s.network.links) {
    byPair.set(`${l.between[0]}|${l.between[1]}`, l.latency);
    byPair.set(`${l.between[1]}|${l.between[0]}`, l.latency);
  }
  return (a: string, b: string) => (a === b ? s.network.intraSiteLatency : byPair.get(`${a}|${b}`)!);
}

/** Milliseconds to push `bytes` over the link between two sites (0 within a site). */
export function transferMs(s: Scenario, a: string, b: string, bytes: number): number {
  if (a === b) return 0;
  const link = s.network.links.find((l) => (l.between[0] === a && l.between[1] === b) || (l.between[0] === b && l.between[1] === a))!;
  return ((bytes * 8) / (link.bandwidthMbps * 1e6)) * 1000;
}

function statusQuoMean(s: Scenario, t: TransactionType, regionId: string, latency: ReturnType<typeof linkLatency>): number {
  const home = new Map(s.applications.flatMap((a) => a.components.map((c) => [c.id, c.homeSite])));
  const region = s.userRegions.find((r) => r.id === regionId)!;
  let mean = region.latencyToSites[home.get(t.entryComponent)!]!.meanMs + (t.processingMs[t.entryComponent] ?? 0);
  for (const e of t.calls) {
    const a = home.get(e.from)!;
    const b = home.get(e.to)!;
    mean += e.callsPerTransaction * (latency(a, b).meanMs + transferMs(s, a, b, e.requestBytes + e.responseBytes) + (t.processingMs[e.to] ?? 0));
  }
  return mean;
}
