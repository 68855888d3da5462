/**
 * The independent checker of burst schedules: prices a schedule term by term and
 * lists every constraint it breaks, from the cost model in burstSchedule.ts only.
 * It shares no code with the optimiser (nor with src/planner/model/): its price
 * lookups are its own, so a mistake in one shows up as a disagreement.
 *
 * Readings of the specification this file commits to (the optimiser must match):
 *  - No `demand` block, or one without profiles: one period (of 1 hour, or of
 *    demand.periodMinutes when the block exists) in which every component needs its
 *    `servers` and transaction rates are as given.
 *  - An application without a profile: its components need their `servers` in every
 *    period (there is no demand figure to divide by throughput) and its rates are unscaled.
 *  - R = ceil(d / τ − 1e-9), so 1.1 / 0.1 = 11.000000000000002 needs 11, not 12.
 *  - φ = cloud ÷ (home + cloud) servers (0 when both are 0); equal to cloud ÷ R when covered.
 *  - Crossing calls go between the caller's home and the cloud (φ1 < φ2) or the cloud and the
 *    callee's home (φ1 > φ2); traffic between two different home sites is not priced.
 *  - Delay of a call's bytes: (request + response bytes) · 8 ÷ (bandwidthMbps · 1000) ms.
 *  - Delays are checked only in periods where the transaction's scaled rate is > 0, for
 *    user regions with a rate > 0.
 *  - Link load counts calls' bytes and replication, not user traffic or image copies.
 *  - Mean on-premise price: count-weighted over the components homed at the site today;
 *    a site nothing is homed at costs nothing. vCPU limits grow by the bought servers ×
 *    the count-weighted mean vCPUs of the servers homed there.
 *  - Capacity bought at a site that is not on-premise is ignored (neither priced nor counted).
 *  - Pre-copied images are stored (and priced) only when there is a burst region.
 *  - Missing image 0 GB, missing boot 0 s; a missing link makes a copy take forever.
 */
import type { Application, Component, Scenario, Site, TransactionType, UserRegion } from '../scenario/schema';
import { burstP95, type BurstP95Check } from './burstP95';
import {
  BURST_COST_TERMS,
  type BurstCost,
  type BurstCostTerm,
  type BurstEvaluation,
  type BurstEvent,
  type BurstSchedule,
  type BurstSettings,
  type BurstViolation,
} from './burstSchedule';

const GB = 1e9;
const MBIT_PER_GB = 8000;
const TOLERANCE = 1e-9;

interface Horizon {
  periods: number;
  periodMinutes: number;
  profiles: Map<string, number[]>;
}

function horizonOf(s: Scenario): Horizon {
  const profiles = new Map((s.demand?.profiles ?? []).map((p) => [p.application, p.values]));
  const first = s.demand?.profiles[0];
  return { periods: first ? first.values.length : 1, periodMinutes: s.demand?.periodMinutes ?? 60, profiles };
}

/** R[c][p]: servers each component needs in each period (see the readings above for missing demand). */
export function burstNeed(s: Scenario): Record<string, number[]> {
  const h = horizonOf(s);
  const need: Record<string, number[]> = {};
  for (const app of s.applications) {
    const profile = h.profiles.get(app.id);
    for (const c of app.components) {
      const tau = c.throughputPerServer;
      need[c.id] =
        profile && tau !== undefined
          ? profile.map((d) => (d > 0 ? Math.ceil(d / tau - TOLERANCE) : 0))
          : new Array<number>(h.periods).fill(c.servers);
    }
  }
  return need;
}

/** Demand ÷ mean demand of the transaction's application, per period (1 without a profile). */
function rateScale(h: Horizon, applicationId: string): number[] {
  const profile = h.profiles.get(applicationId);
  if (!profile) return new Array<number>(h.periods).fill(1);
  const mean = profile.reduce((a, b) => a + b, 0) / profile.length;
  return profile.map((d) => (mean > 0 ? d / mean : 0));
}

function zeroCost(): BurstCost {
  const cost = { total: 0 } as BurstCost;
  for (const term of BURST_COST_TERMS) cost[term] = 0;
  return cost;
}

/** Prices and latencies read off the scenario, written here independently of src/planner/model/. */
class Prices {
  private readonly sites: Map<string, Site>;
  constructor(private readonly s: Scenario) {
    this.sites = new Map(s.sites.map((x) => [x.id, x]));
  }
  site(id: string | null | undefined): Site | undefined {
    return id == null ? undefined : this.sites.get(id);
  }
  link(a: string, b: string) {
    return this.s.network.links.find((l) => (l.between[0] === a && l.between[1] === b) || (l.between[0] === b && l.between[1] === a));
  }
  /** USD per GB sent from → to: the link's price, else egress (inter-region within one cloud provider) + ingress. */
  perGB(from: string, to: string): number {
    if (from === to) return 0;
    const linkPrice = this.link(from, to)?.pricePerGBUSD;
    if (linkPrice !== undefined) return linkPrice;
    const a = this.site(from);
    const b = this.site(to);
    if (!a || !b) return 0;
    const sameCloud = a.kind === 'cloud' && b.kind === 'cloud' && a.provider !== undefined && a.provider === b.provider;
    const egress = sameCloud ? (a.transferPricePerGBUSD.interRegion ?? a.transferPricePerGBUSD.egress) : a.transferPricePerGBUSD.egress;
    return egress + b.transferPricePerGBUSD.ingress;
  }
  hourly(site: Site | undefined, serverClass: string): number | undefined {
    const price = site?.serverClasses.find((x) => x.serverClass === serverClass);
    if (!price) return undefined;
    return price.billing === 'hour' ? price.priceUSD : price.priceUSD / this.s.pricing.hoursPerMonth;
  }
  monthly(site: Site, serverClass: string): number {
    const price = site.serverClasses.find((x) => x.serverClass === serverClass);
    if (!price) return 0;
    return price.billing === 'month' ? price.priceUSD : price.priceUSD * this.s.pricing.hoursPerMonth;
  }
  vcpus(site: Site, serverClass: string): number {
    return site.serverClasses.find((x) => x.serverClass === serverClass)?.vcpus ?? 0;
  }
  linkMeanMs(a: string, b: string): number {
    return a === b ? this.s.network.intraSiteLatency.meanMs : (this.link(a, b)?.latency.meanMs ?? 0);
  }
  linkMbps(a: string, b: string): number {
    return this.link(a, b)?.bandwidthMbps ?? 0;
  }
}

interface Placed {
  c: Component;
  app: Application;
  home: number[];
  cloud: number[];
  phi: number[];
}

export function evaluateBurst(s: Scenario, schedule: BurstSchedule, settings: Pick<BurstSettings, 'maxReactionMinutes'> = {}): BurstEvaluation {
  const h = horizonOf(s);
  const P = h.periods;
  const periodHours = h.periodMinutes / 60;
  const periodSeconds = h.periodMinutes * 60;
  const hoursPerMonth = s.pricing.hoursPerMonth;
  const horizonMonths = (P * periodHours) / hoursPerMonth;
  const prices = new Prices(s);
  const need = burstNeed(s);
  const region = schedule.burstRegion;
  const cloudSite = prices.site(region);
  const violations: BurstViolation[] = [];
  const violate = (kind: BurstViolation['kind'], period: number, message: string, excess: number) => violations.push({ kind, period, message, excess });
  const costByPeriod = Array.from({ length: P }, zeroCost);
  const cost = zeroCost();
  const add = (term: BurstCostTerm, p: number, usd: number) => {
    costByPeriod[p]![term] += usd;
    cost[term] += usd;
  };
  /** A horizon-wide cost, spread evenly over the periods. */
  const addSpread = (term: BurstCostTerm, usd: number) => {
    for (let p = 0; p < P; p++) costByPeriod[p]![term] += usd / P;
    cost[term] += usd;
  };
  const count = (x: number | undefined) => (x !== undefined && Number.isFinite(x) && x > 0 ? x : 0);

  // --- Placement and coverage --------------------------------------------------------------
  const placed = new Map<string, Placed>();
  for (const app of s.applications) {
    for (const c of app.components) {
      const bySite = schedule.servers[c.id] ?? {};
      const R = need[c.id]!;
      const rawHome = bySite[c.homeSite] ?? [];
      const rawCloud = region != null && region !== c.homeSite ? (bySite[region] ?? []) : [];
      const home: number[] = [];
      const cloud: number[] = [];
      const phi: number[] = [];
      const notAllowedReason = !cloudSite
        ? `the burst region "${region}" is not a site of the scenario`
        : cloudSite.kind !== 'cloud'
          ? `the burst region "${region}" is not a cloud site`
          : prices.hourly(cloudSite, c.serverClass) === undefined
            ? `"${region}" has no price for its server class "${c.serverClass}"`
            : c.allowedSites && !c.allowedSites.includes(cloudSite.id)
              ? `"${region}" is not among its allowed sites`
              : undefined;
      for (let p = 0; p < P; p++) {
        for (const [where, raw] of [
          ['at home', rawHome[p]],
          ['in the cloud', rawCloud[p]],
        ] as const) {
          if (raw !== undefined && !(Number.isInteger(raw) && raw >= 0))
            violate('coverage', p, `${c.id}: ${raw} servers ${where} is not a whole number ≥ 0`, Math.abs(raw));
        }
        const atHome = count(rawHome[p]);
        const inCloud = count(rawCloud[p]);
        home.push(atHome);
        cloud.push(inCloud);
        phi.push(atHome + inCloud > 0 ? inCloud / (atHome + inCloud) : 0);
        if (atHome + inCloud !== R[p])
          violate('coverage', p, `${c.id}: ${atHome} servers at home + ${inCloud} in the cloud = ${atHome + inCloud}, needs ${R[p]}`, Math.abs(atHome + inCloud - R[p]!));
        if (inCloud > 0 && notAllowedReason) violate('not-allowed', p, `${c.id}: ${inCloud} servers in the cloud, but ${notAllowedReason}`, inCloud);
        if (!c.splittable && atHome > 0 && inCloud > 0)
          violate('unsplittable', p, `${c.id} may not be split, but has ${atHome} servers at home and ${inCloud} in the cloud`, Math.min(atHome, inCloud));
      }
      for (const [siteId, values] of Object.entries(bySite)) {
        if (siteId === c.homeSite || siteId === region) continue;
        values.forEach((x, p) => {
          if (p < P && count(x) > 0) violate('not-allowed', p, `${c.id}: ${x} servers at "${siteId}", which is neither its home site nor the burst region`, count(x));
        });
      }
      placed.set(c.id, { c, app, home, cloud, phi });
    }
  }
  const all = [...placed.values()];

  // --- On-premise sites: capacity and the owned/bought servers --------------------------------
  const localCapacity: Record<string, number[]> = {};
  for (const site of s.sites) {
    if (site.kind !== 'onPremise') continue;
    const homed = all.filter((x) => x.c.homeSite === site.id);
    const homedServers = homed.reduce((n, x) => n + x.c.servers, 0);
    const meanPrice = homedServers > 0 ? homed.reduce((sum, x) => sum + x.c.servers * prices.monthly(site, x.c.serverClass), 0) / homedServers : 0;
    const meanVcpus = homedServers > 0 ? homed.reduce((sum, x) => sum + x.c.servers * prices.vcpus(site, x.c.serverClass), 0) / homedServers : 0;
    const added = count(schedule.localCapacityAdded[site.id]);
    const inUse = Array.from({ length: P }, (_, p) => homed.reduce((n, x) => n + x.home[p]!, 0));
    const vcpusInUse = Array.from({ length: P }, (_, p) => homed.reduce((n, x) => n + x.home[p]! * prices.vcpus(site, x.c.serverClass), 0));
    const capacity = site.capacity.servers;
    if (capacity !== undefined) {
      const limit = capacity + added;
      localCapacity[site.id] = new Array<number>(P).fill(limit);
      addSpread('localOwned', capacity * meanPrice * horizonMonths);
      inUse.forEach((n, p) => {
        if (n > limit) violate('capacity', p, `${site.id}: ${n} servers in use, capacity ${limit}`, n - limit);
      });
    } else {
      // Without a server capacity the site owns what its components need at their busiest, bursting or not:
      // owned capacity is the same in every plan.
      const needed = Array.from({ length: P }, (_, p) => homed.reduce((n, x) => n + (need[x.c.id]?.[p] ?? 0), 0));
      addSpread('localOwned', Math.max(0, ...needed) * meanPrice * horizonMonths);
    }
    if (site.capacity.vcpus !== undefined) {
      const limit = site.capacity.vcpus + added * meanVcpus;
      vcpusInUse.forEach((n, p) => {
        if (n > limit + TOLERANCE) violate('capacity', p, `${site.id}: ${n} vCPUs in use, capacity ${limit}`, n - limit);
      });
    }
    addSpread('localBought', added * meanPrice * horizonMonths);
  }

  // --- Cloud servers, bursts and images ---------------------------------------------------------
  const preCopied = new Set(schedule.preCopied);
  const movedBefore = new Set(schedule.inCloudBeforeHorizon ?? []);
  const events: BurstEvent[] = [];
  for (const x of all) {
    const hourly = prices.hourly(cloudSite, x.c.serverClass) ?? 0;
    x.cloud.forEach((n, p) => add('cloudServers', p, n * hourly * periodHours));
    if (region == null || !cloudSite) continue;
    const imageGB = x.c.vm?.imageGB ?? 0;
    const bootSeconds = x.c.vm?.bootSeconds ?? 0;
    const isPreCopied = preCopied.has(x.c.id);
    const linkMbps = prices.linkMbps(x.c.homeSite, region);
    const copySeconds = imageGB === 0 ? 0 : linkMbps > 0 ? (imageGB * MBIT_PER_GB) / linkMbps : Infinity;
    const leadSeconds = isPreCopied ? bootSeconds : copySeconds + bootSeconds;
    if (isPreCopied) addSpread('imageStorage', imageGB * cloudSite.storagePricePerGBMonthUSD * horizonMonths);
    for (let start = 0; start < P; start++) {
      if (!(x.cloud[start]! > 0) || (start > 0 && x.cloud[start - 1]! > 0)) continue;
      let end = start;
      while (end < P && x.cloud[end]! > 0) end++;
      events.push({
        component: x.c.id,
        application: x.app.id,
        start,
        end,
        leadSeconds,
        preCopied: isPreCopied,
        peakCloudServers: Math.max(...x.cloud.slice(start, end)),
      });
      // A component moved before the horizon is simply there in period 0: no onset, so no copy and no lead time.
      if (start === 0 && movedBefore.has(x.c.id)) continue;
      if (!isPreCopied) {
        add('imageTransfer', start, imageGB * prices.perGB(x.c.homeSite, region));
        for (let p = start; p < end; p++) add('imageStorage', p, imageGB * cloudSite.storagePricePerGBMonthUSD * (periodHours / hoursPerMonth));
      }
      const available = start * periodSeconds;
      if (leadSeconds > available + TOLERANCE)
        violate(
          'lead-time',
          start,
          `${x.c.id}: a burst starting in period ${start} needs ${leadSeconds.toFixed(0)} s of lead time${isPreCopied ? '' : ' (image copy + boot)'}, only ${available} s are available since the horizon start`,
          leadSeconds - available,
        );
      if (settings.maxReactionMinutes !== undefined && leadSeconds > settings.maxReactionMinutes * 60 + TOLERANCE)
        violate(
          'reaction',
          start,
          `${x.c.id}: its burst takes ${leadSeconds.toFixed(0)} s to start, the reaction limit is ${settings.maxReactionMinutes * 60} s`,
          leadSeconds - settings.maxReactionMinutes * 60,
        );
    }
  }

  // --- Traffic, link load and delays -------------------------------------------------------------
  // Bytes per period on each home ↔ cloud link direction, keyed "from→to".
  const linkBytes = new Map<string, { from: string; to: string; bytes: number[] }>();
  const carry = (from: string, to: string, p: number, bytes: number) => {
    const key = `${from}→${to}`;
    const entry = linkBytes.get(key) ?? { from, to, bytes: new Array<number>(P).fill(0) };
    entry.bytes[p] = entry.bytes[p]! + bytes;
    linkBytes.set(key, entry);
  };
  if (region != null && cloudSite) {
    for (const site of new Set(all.map((x) => x.c.homeSite))) {
      if (site === region || prices.site(site)?.kind !== 'onPremise') continue;
      carry(site, region, 0, 0);
      carry(region, site, 0, 0);
    }
  }

  for (const x of all) {
    if (region == null || !cloudSite || !(x.c.replicationMbps > 0)) continue;
    const bytes = ((x.c.replicationMbps * 1e6) / 8) * periodSeconds;
    x.phi.forEach((f, p) => {
      if (!(f > 0 && f < 1)) return;
      add('wanTransfer', p, (bytes / GB) * (prices.perGB(x.c.homeSite, region) + prices.perGB(region, x.c.homeSite)));
      carry(x.c.homeSite, region, p, bytes);
      carry(region, x.c.homeSite, p, bytes);
    });
  }

  const worstDelays: BurstEvaluation['worstDelays'] = [];
  const regions = new Map(s.userRegions.map((r) => [r.id, r]));
  const phiOf = (id: string, p: number) => placed.get(id)?.phi[p] ?? 0;
  const homeOf = (id: string) => placed.get(id)?.c.homeSite ?? '';
  /** Prices period p's user and call traffic of t from these users, loads the links, returns the mean increase (ms). */
  const periodTraffic = (t: TransactionType, users: UserRegion, ratePerSecond: number, p: number): number => {
    const transactions = ratePerSecond * periodSeconds;
    const entryPhi = phiOf(t.entryComponent, p);
    const entryHome = prices.site(homeOf(t.entryComponent));
    const userGB = (site: Site | undefined) =>
      site ? ((transactions * t.userRequestBytes) / GB) * site.transferPricePerGBUSD.ingress + ((transactions * t.userResponseBytes) / GB) * site.transferPricePerGBUSD.egress : 0;
    add('userTransfer', p, entryPhi * userGB(cloudSite) + (1 - entryPhi) * userGB(entryHome));
    let increaseMs = 0;
    if (region != null && entryPhi !== 0 && entryHome) {
      const toCloud = users.latencyToSites[region]?.meanMs ?? 0;
      const toHome = users.latencyToSites[entryHome.id]?.meanMs ?? 0;
      increaseMs += entryPhi * (toCloud - toHome);
    }
    for (const e of t.calls) {
      const share = Math.abs(phiOf(e.from, p) - phiOf(e.to, p));
      if (share === 0 || region == null) continue;
      const [sender, receiver] = phiOf(e.from, p) > phiOf(e.to, p) ? [region, homeOf(e.to)] : [homeOf(e.from), region];
      const calls = transactions * e.callsPerTransaction * share;
      add('wanTransfer', p, ((calls * e.requestBytes) / GB) * prices.perGB(sender, receiver) + ((calls * e.responseBytes) / GB) * prices.perGB(receiver, sender));
      carry(sender, receiver, p, calls * e.requestBytes);
      carry(receiver, sender, p, calls * e.responseBytes);
      const mbps = prices.linkMbps(sender, receiver);
      const wireMs = mbps > 0 ? ((e.requestBytes + e.responseBytes) * 8) / (mbps * 1000) : 0;
      increaseMs += e.callsPerTransaction * share * (prices.linkMeanMs(sender, receiver) - s.network.intraSiteLatency.meanMs + wireMs);
    }
    return increaseMs;
  };

  for (const app of s.applications) {
    const scale = rateScale(h, app.id);
    for (const t of app.transactions) {
      for (const [regionId, rate] of Object.entries(t.ratePerSecond)) {
        const users = regions.get(regionId);
        if (!(rate > 0) || !users) continue;
        let worst: { period: number; increaseMs: number } | undefined;
        for (let p = 0; p < P; p++) {
          const ratePerSecond = rate * scale[p]!;
          if (!(ratePerSecond > 0)) continue;
          const increaseMs = periodTraffic(t, users, ratePerSecond, p);
          if (!worst || increaseMs > worst.increaseMs) worst = { period: p, increaseMs };
          const bound = t.slo.maxMeanIncreaseMs;
          if (bound !== undefined && increaseMs > bound + TOLERANCE)
            violate('response-time', p, `${t.id} for ${regionId}: mean response time up by ${increaseMs.toFixed(1)} ms, the bound is ${bound} ms`, increaseMs - bound);
        }
        const entry: BurstEvaluation['worstDelays'][number] = { transaction: t.id, region: regionId, period: worst?.period ?? 0, increaseMs: worst?.increaseMs ?? 0 };
        if (t.slo.maxMeanIncreaseMs !== undefined) entry.boundMs = t.slo.maxMeanIncreaseMs;
        worstDelays.push(entry);
      }
    }
  }

  const linkPeaks: BurstEvaluation['linkPeaks'] = [];
  for (const { from, to, bytes } of linkBytes.values()) {
    const bandwidthMbps = prices.linkMbps(from, to);
    let peak = { period: 0, mbps: -Infinity };
    bytes.forEach((b, p) => {
      const mbps = (b * 8) / 1e6 / periodSeconds;
      if (mbps > peak.mbps) peak = { period: p, mbps };
      if (mbps > bandwidthMbps + TOLERANCE)
        violate('bandwidth', p, `link ${from} → ${to}: ${mbps.toFixed(1)} Mbps of crossing traffic, bandwidth ${bandwidthMbps} Mbps`, mbps - bandwidthMbps);
    });
    linkPeaks.push({ from, to, period: peak.period, mbps: Math.max(0, peak.mbps), bandwidthMbps });
  }

  // --- Totals and the chart's series --------------------------------------------------------------
  const totalOf = (c: BurstCost) => BURST_COST_TERMS.reduce((sum, term) => sum + c[term], 0);
  cost.total = totalOf(cost);
  for (const c of costByPeriod) c.total = totalOf(c);

  const serversByApplication: BurstEvaluation['serversByApplication'] = {};
  for (const app of s.applications) {
    const members = all.filter((x) => x.app.id === app.id);
    serversByApplication[app.id] = {
      home: Array.from({ length: P }, (_, p) => members.reduce((n, x) => n + (prices.site(x.c.homeSite)?.kind === 'onPremise' ? x.home[p]! : 0), 0)),
      cloud: Array.from({ length: P }, (_, p) => members.reduce((n, x) => n + x.cloud[p]!, 0)),
    };
  }
  const demand: Record<string, number[]> = {};
  for (const [appId, values] of h.profiles) demand[appId] = [...values];

  // --- p95 during bursts, by the layout evaluator (burstP95.ts) ------------------------------------
  const p95Worst = new Map<string, BurstP95Check>();
  if (region != null && cloudSite) {
    const scales = new Map(s.applications.map((a) => [a.id, rateScale(h, a.id)]));
    const checks = burstP95(
      s,
      region,
      { home: new Map(all.map((x) => [x.c.id, x.home])), cloud: new Map(all.map((x) => [x.c.id, x.cloud])) },
      (app, p) => (scales.get(app)?.[p] ?? 0) > 0,
      P,
    );
    for (const c of checks) {
      if (c.p95Ms > c.boundMs + TOLERANCE)
        violate('p95', c.period, `${c.transaction} for ${c.region}: p95 response time ${c.p95Ms.toFixed(1)} ms during the burst, the bound is ${c.boundMs} ms`, c.p95Ms - c.boundMs);
      const key = `${c.transaction}|${c.region}`;
      if (!p95Worst.has(key) || c.p95Ms > p95Worst.get(key)!.p95Ms) p95Worst.set(key, c);
    }
  }

  violations.sort((a, b) => a.period - b.period);
  return {
    periods: P,
    periodHours,
    need,
    cost,
    costByPeriod,
    serversByApplication,
    demand,
    localCapacity,
    events,
    worstDelays,
    linkPeaks,
    violations,
    p95DuringBursts: [...p95Worst.values()],
    feasible: violations.length === 0,
  };
}
