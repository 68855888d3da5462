/**
 * The bursting MILP for one burst region (Seagull's question in the cost model
 * of burstSchedule.ts): per component and period, how many of its servers run in
 * the cloud; per component, whether its image is kept pre-copied there.
 *
 * Columns, per component c that may burst and period p with need R > 0:
 *   y[c,p] ∈ {0..R} cloud servers (an unsplittable component has none: its
 *   cloud servers are R·u), u[c,p] ∈ {0,1} "runs in the cloud" with u ≤ y ≤ R·u,
 *   w[c,p] ≥ u[p] − u[p−1] − b[c] an on-demand image copy, s[c,p] ≥ u − b the
 *   image stored for a burst period, b[c] ∈ {0,1} pre-copied; for a replicated
 *   split component v[c,p] ∈ {0,1} "all in the cloud" (R·v ≤ y) and
 *   q[c,p] ≥ u − v "split"; per call edge and period up/dn ≥ ±(φ1 − φ2), the
 *   crossing shares of locality-aware routing (φ = y/R, or u when unsplittable).
 * Everything the objective and the rows need is linear in these; the share
 * |φ1 − φ2| is exact at the optimum because crossing costs money or is bounded.
 */
import { NameRegistry, type LinearModel, type Row, type Term } from '../solver/glpk';
import type { BurstInputs } from './burstInputs';
import type { BurstSchedule, BurstSettings } from './burstSchedule';
import { BYTES_PER_GB } from '../model/traffic';

export interface BurstModel {
  model: LinearModel;
  /** Constant part of the objective (owned capacity, users served at home). */
  constantUSD: number;
  /** Turns a solution's values into a schedule. */
  schedule(values: Record<string, number>): BurstSchedule;
}

export function buildBurstModel(inputs: BurstInputs, settings: Pick<BurstSettings, 'maxReactionMinutes'> = {}): BurstModel {
  const names = new NameRegistry();
  const columns: LinearModel['columns'] = [];
  const rows: Row[] = [];
  const objective = new Map<string, number>();
  const addCost = (name: string, usd: number) => {
    if (usd !== 0) objective.set(name, (objective.get(name) ?? 0) + usd);
  };
  const column = (kind: 'continuous' | 'binary' | 'integer', ub: number, ...parts: string[]) => {
    const name = names.make(...parts);
    columns.push({ name, lb: 0, ub, kind });
    return name;
  };
  const row = (terms: Term[], sense: Row['sense'], rhs: number, ...parts: string[]) => {
    const kept = terms.filter((t) => t.coef !== 0);
    // A row without columns only matters when the constant breaks it (then the model is infeasible, as it should be).
    const holds = sense === '<=' ? 0 <= rhs : sense === '>=' ? 0 >= rhs : rhs === 0;
    if (kept.length === 0 && holds) return;
    rows.push({ name: names.make(...parts), terms: kept, sense, rhs });
  };

  const { periods, components, edges } = inputs;
  const periodSeconds = inputs.periodHours * 3600;
  const reactionSeconds = settings.maxReactionMinutes !== undefined ? settings.maxReactionMinutes * 60 : Infinity;

  const y = new Map<string, (string | null)[]>();
  const u = new Map<string, (string | null)[]>();
  const q = new Map<string, (string | null)[]>();
  const b = new Map<string, string>();
  /** φ[c,p] as terms: the share of c's servers in the cloud. */
  const phi = (c: string, p: number): Term[] => {
    const comp = inputs.byId.get(c)!;
    const R = comp.need[p]!;
    const yp = y.get(c)?.[p];
    const up = u.get(c)?.[p];
    if (!comp.canBurst || R === 0 || !up) return [];
    return comp.splittable ? [{ name: yp!, coef: 1 / R }] : [{ name: up, coef: 1 }];
  };
  /** Cloud servers of c in p as terms. */
  const cloudServers = (c: string, p: number): Term[] => {
    const comp = inputs.byId.get(c)!;
    const up = u.get(c)?.[p];
    if (!up) return [];
    return comp.splittable ? [{ name: y.get(c)![p]!, coef: 1 }] : [{ name: up, coef: comp.need[p]! }];
  };

  for (const c of components) {
    if (!c.canBurst || c.leadPreCopied > reactionSeconds) continue;
    const bc = column('binary', 1, 'b', c.id);
    b.set(c.id, bc);
    addCost(bc, c.imagePreCopyUSD);
    const ys: (string | null)[] = [];
    const us: (string | null)[] = [];
    const qs: (string | null)[] = [];
    for (let p = 0; p < periods; p++) {
      const R = c.need[p]!;
      const start = p * periodSeconds;
      if (R === 0 || start < c.leadPreCopied) {
        ys.push(null);
        us.push(null);
        qs.push(null);
        continue;
      }
      const up = column('binary', 1, 'u', c.id, String(p));
      us.push(up);
      let cloud: Term[];
      if (c.splittable) {
        const yp = column('integer', R, 'y', c.id, String(p));
        ys.push(yp);
        row([{ name: yp, coef: 1 }, { name: up, coef: -R }], '<=', 0, 'link_up', c.id, String(p));
        row([{ name: yp, coef: 1 }, { name: up, coef: -1 }], '>=', 0, 'link_lo', c.id, String(p));
        cloud = [{ name: yp, coef: 1 }];
      } else {
        ys.push(null);
        cloud = [{ name: up, coef: R }];
      }
      for (const t of cloud) addCost(t.name, t.coef * c.cloudServerPeriodUSD);
      // An onset needs its image in the cloud: pre-copied, or copied on demand, which must finish before the period.
      const previous = us[p - 1] ?? null;
      const onset: Term[] = previous ? [{ name: up, coef: 1 }, { name: previous, coef: -1 }] : [{ name: up, coef: 1 }];
      if (start < c.leadOnDemand) row([...onset, { name: bc, coef: -1 }], '<=', 0, 'lead', c.id, String(p));
      else if (c.imageCopyUSD > 0) {
        const wp = column('continuous', 1, 'w', c.id, String(p));
        addCost(wp, c.imageCopyUSD);
        row([{ name: wp, coef: 1 }, ...onset.map((t) => ({ ...t, coef: -t.coef })), { name: bc, coef: 1 }], '>=', 0, 'copy', c.id, String(p));
      }
      if (c.leadOnDemand > reactionSeconds) row([{ name: up, coef: 1 }, { name: bc, coef: -1 }], '<=', 0, 'reaction', c.id, String(p));
      if (c.imagePeriodUSD > 0) {
        const sp = column('continuous', 1, 's', c.id, String(p));
        addCost(sp, c.imagePeriodUSD);
        row([{ name: sp, coef: 1 }, { name: up, coef: -1 }, { name: bc, coef: 1 }], '>=', 0, 'store', c.id, String(p));
      }
      if (c.splittable && c.replicationMbps > 0) {
        const vp = column('binary', 1, 'v', c.id, String(p));
        const qp = column('continuous', 1, 'q', c.id, String(p));
        row([{ name: ys[p]!, coef: 1 }, { name: vp, coef: -R }], '>=', 0, 'whole', c.id, String(p));
        row([{ name: qp, coef: 1 }, { name: up, coef: -1 }, { name: vp, coef: 1 }], '>=', 0, 'split', c.id, String(p));
        addCost(qp, c.replicationPeriodUSD);
        qs.push(qp);
      } else qs.push(null);
    }
    y.set(c.id, ys);
    u.set(c.id, us);
    q.set(c.id, qs);
  }

  // Local capacity in every period: what does not fit must be in the cloud.
  for (const site of inputs.localSites) {
    const homed = components.filter((c) => c.home === site.id);
    for (let p = 0; p < periods; p++) {
      const cloud = homed.flatMap((c) => cloudServers(c.id, p));
      if (site.servers !== undefined) {
        const need = homed.reduce((n, c) => n + c.need[p]!, 0);
        if (need > site.servers) row(cloud, '>=', need - site.servers, 'capacity', site.id, String(p));
      }
      if (site.vcpus !== undefined) {
        const need = homed.reduce((n, c) => n + c.need[p]! * c.vcpus, 0);
        const cloudVcpus = homed.flatMap((c) => cloudServers(c.id, p).map((t) => ({ ...t, coef: t.coef * c.vcpus })));
        if (need > site.vcpus) row(cloudVcpus, '>=', need - site.vcpus, 'vcpus', site.id, String(p));
      }
    }
  }

  // Crossing shares of every edge, with their transfer cost.
  const up = new Map<number, (string | null)[]>();
  const dn = new Map<number, (string | null)[]>();
  edges.forEach((e, i) => {
    const upLink = inputs.links.get(e.upHome)!;
    const downLink = inputs.links.get(e.downHome)!;
    const ups: (string | null)[] = [];
    const dns: (string | null)[] = [];
    for (let p = 0; p < periods; p++) {
      const a = phi(e.caller, p);
      const z = phi(e.callee, p);
      if (e.callsPerSecond[p]! === 0 || (a.length === 0 && z.length === 0)) {
        ups.push(null);
        dns.push(null);
        continue;
      }
      const calls = e.callsPerSecond[p]! * periodSeconds;
      const upName = column('continuous', 1, 'up', String(i), String(p));
      const dnName = column('continuous', 1, 'dn', String(i), String(p));
      const diff = [...a, ...z.map((t) => ({ ...t, coef: -t.coef }))];
      row([{ name: upName, coef: 1 }, ...diff.map((t) => ({ ...t, coef: -t.coef }))], '>=', 0, 'cross_up', String(i), String(p));
      row([{ name: dnName, coef: 1 }, ...diff], '>=', 0, 'cross_dn', String(i), String(p));
      addCost(upName, (calls * (e.requestBytes * upLink.toHomeUSDPerGB + e.responseBytes * upLink.toCloudUSDPerGB)) / BYTES_PER_GB);
      addCost(dnName, (calls * (e.requestBytes * downLink.toCloudUSDPerGB + e.responseBytes * downLink.toHomeUSDPerGB)) / BYTES_PER_GB);
      ups.push(upName);
      dns.push(dnName);
    }
    up.set(i, ups);
    dn.set(i, dns);
  });

  // Link bandwidth per direction and period.
  for (const [home, link] of inputs.links) {
    for (let p = 0; p < periods; p++) {
      const toCloud: Term[] = [];
      const toHome: Term[] = [];
      edges.forEach((e, i) => {
        const mbps = (bytes: number) => (e.callsPerSecond[p]! * bytes * 8) / 1e6;
        const upName = e.upHome === home ? up.get(i)![p] : null;
        const dnName = e.downHome === home ? dn.get(i)![p] : null;
        if (upName) {
          toHome.push({ name: upName, coef: mbps(e.requestBytes) });
          toCloud.push({ name: upName, coef: mbps(e.responseBytes) });
        }
        if (dnName) {
          toCloud.push({ name: dnName, coef: mbps(e.requestBytes) });
          toHome.push({ name: dnName, coef: mbps(e.responseBytes) });
        }
      });
      for (const c of components) {
        const qp = c.home === home ? q.get(c.id)?.[p] : null;
        if (qp) {
          toCloud.push({ name: qp, coef: c.replicationMbps });
          toHome.push({ name: qp, coef: c.replicationMbps });
        }
      }
      row(toCloud, '<=', link.bandwidthMbps, 'bw_out', home, String(p));
      row(toHome, '<=', link.bandwidthMbps, 'bw_in', home, String(p));
    }
  }

  // Mean response time during bursts, per transaction, user region and period.
  for (const d of inputs.delays) {
    for (let p = 0; p < periods; p++) {
      if (!d.active[p] || !Number.isFinite(d.boundMs[p]!)) continue;
      const terms: Term[] = [];
      for (const i of d.edges) {
        const e = edges[i]!;
        const upName = up.get(i)![p];
        const dnName = dn.get(i)![p];
        if (upName) terms.push({ name: upName, coef: e.callsPerTransaction * e.upMs });
        if (dnName) terms.push({ name: dnName, coef: e.callsPerTransaction * e.downMs });
      }
      const entry = phi(d.entry, p);
      if (!Number.isFinite(d.entryShiftMs)) {
        row(entry, '<=', 0, 'no_route', d.transaction, d.region, String(p));
      } else terms.push(...entry.map((t) => ({ ...t, coef: t.coef * d.entryShiftMs })));
      row(terms, '<=', d.boundMs[p]!, 'delay', d.transaction, d.region, String(p));
    }
  }

  // Users reach the entry's cloud share at the cloud.
  let constantUSD = inputs.localOwnedUSD;
  for (const traffic of inputs.users) {
    for (let p = 0; p < periods; p++) {
      constantUSD += traffic.homeUSD[p]!;
      for (const t of phi(traffic.entry, p)) addCost(t.name, t.coef * (traffic.cloudUSD[p]! - traffic.homeUSD[p]!));
    }
  }

  const model: LinearModel = {
    name: `bursting_${inputs.region.id}`,
    sense: 'min',
    objective: [...objective].map(([name, coef]) => ({ name, coef })),
    rows,
    columns,
  };

  return {
    model,
    constantUSD,
    schedule(values) {
      const servers: BurstSchedule['servers'] = {};
      const preCopied: string[] = [];
      let bursts = false;
      for (const c of components) {
        const cloud = Array.from({ length: periods }, (_, p) => Math.round(cloudServers(c.id, p).reduce((n, t) => n + t.coef * (values[t.name] ?? 0), 0)));
        const home = c.need.map((R, p) => R - cloud[p]!);
        servers[c.id] = { [c.home]: home };
        if (cloud.some((n) => n > 0)) {
          servers[c.id]![inputs.region.id] = cloud;
          bursts = true;
          if ((values[b.get(c.id)!] ?? 0) > 0.5) preCopied.push(c.id);
        }
      }
      return { burstRegion: bursts ? inputs.region.id : null, servers, preCopied, localCapacityAdded: {} };
    },
  };
}
