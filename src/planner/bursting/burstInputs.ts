/**
 * The numbers the bursting optimiser and its heuristics work with, read once off
 * a scenario for one burst region: need per component and period, unit prices,
 * the crossing edges with their per-period call rates, delay coefficients.
 * (The evaluator reads the scenario on its own: it must not share this code.)
 */
import type { Scenario, Site } from '../scenario/schema';
import { BYTES_PER_GB, findSite, interSitePricePerGB, vcpusOf } from '../model/traffic';
import { allowedSitesOf } from '../scenario/validate';

export interface BurstComponent {
  id: string;
  application: string;
  home: string;
  need: number[];
  splittable: boolean;
  replicationMbps: number;
  imageGB: number;
  bootSeconds: number;
  /** May it run in the burst region at all? */
  canBurst: boolean;
  /** USD per server-period in the burst region. */
  cloudServerPeriodUSD: number;
  vcpus: number;
  /** Seconds to start in the cloud with the image there already, and without. */
  leadPreCopied: number;
  leadOnDemand: number;
  /** USD to copy the image once; USD to keep it for the horizon; USD to keep it one period. */
  imageCopyUSD: number;
  imagePreCopyUSD: number;
  imagePeriodUSD: number;
  /** USD per period of replication between home and cloud while split. */
  replicationPeriodUSD: number;
}

/**
 * A call edge that may cross between a home site and the burst region. Calls from the
 * cloud go to the callee's home ("up", when the caller has the larger cloud share);
 * calls into the cloud come from the caller's home ("down").
 */
export interface BurstEdge {
  caller: string;
  callee: string;
  /** The home site whose link the up crossings use (the callee's) and the down crossings (the caller's). */
  upHome: string;
  downHome: string;
  /** Calls per second in each period. */
  callsPerSecond: number[];
  requestBytes: number;
  responseBytes: number;
  /** Milliseconds one crossing call adds to a transaction's mean, up and down. */
  upMs: number;
  downMs: number;
  callsPerTransaction: number;
  transaction: string;
}

export interface BurstDelayBound {
  transaction: string;
  region: string;
  /** The bound on the mean increase in each period: the SLO's, or tighter where a p95 cut lowered it (Infinity: none). */
  boundMs: number[];
  entry: string;
  /** ms the mean changes by when all users go to the cloud (RTT to the cloud − RTT to home). */
  entryShiftMs: number;
  /** Indices into `edges` of this transaction's edges. */
  edges: number[];
  /** Periods in which this transaction has users. */
  active: boolean[];
}

export interface UserTraffic {
  entry: string;
  /** USD per period at home and at the cloud, if every user went there. */
  homeUSD: number[];
  cloudUSD: number[];
}

export interface BurstInputs {
  scenario: Scenario;
  region: Site;
  periods: number;
  periodHours: number;
  horizonMonths: number;
  components: BurstComponent[];
  byId: Map<string, BurstComponent>;
  edges: BurstEdge[];
  delays: BurstDelayBound[];
  users: UserTraffic[];
  /** On-premise sites with their server and vCPU capacity (undefined = unlimited). */
  localSites: { id: string; servers?: number; vcpus?: number }[];
  /** Per link home → region: bandwidth, and the USD per GB in each direction. */
  links: Map<string, { bandwidthMbps: number; rttMs: number; toCloudUSDPerGB: number; toHomeUSDPerGB: number }>;
  /** USD of the owned local capacity over the horizon (the same in every plan). */
  localOwnedUSD: number;
  /** USD per server of local capacity bought for the horizon, per site. */
  localServerHorizonUSD: Record<string, number>;
}

export function demandSeries(scenario: Scenario): { periods: number; periodHours: number; byApplication: Map<string, number[]> } {
  const demand = scenario.demand;
  const byApplication = new Map<string, number[]>();
  if (!demand) return { periods: 1, periodHours: 1, byApplication };
  for (const p of demand.profiles) byApplication.set(p.application, p.values);
  const periods = demand.profiles[0]?.values.length ?? 1;
  return { periods, periodHours: demand.periodMinutes / 60, byApplication };
}

/** Share of the average transaction rate in each period, per application (1 everywhere without a profile). */
function rateScales(scenario: Scenario, periods: number, byApplication: Map<string, number[]>): Map<string, number[]> {
  const scales = new Map<string, number[]>();
  for (const app of scenario.applications) {
    const values = byApplication.get(app.id);
    if (!values) {
      scales.set(app.id, Array(periods).fill(1));
      continue;
    }
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    scales.set(app.id, values.map((v) => (mean > 0 ? v / mean : 0)));
  }
  return scales;
}

function linkBetween(s: Scenario, a: string, b: string) {
  return s.network.links.find((l) => (l.between[0] === a && l.between[1] === b) || (l.between[0] === b && l.between[1] === a));
}


/**
 * Mean-increase bounds lowered for single periods, keyed by `delayCutKey`: what the p95 check asks
 * for when a burst's tail is too long (planBursting.ts).
 */
export type DelayCuts = ReadonlyMap<string, number>;
export const delayCutKey = (transaction: string, region: string, period: number) => `${transaction}|${region}|${period}`;

export function buildBurstInputs(scenario: Scenario, regionId: string, cuts: DelayCuts = new Map()): BurstInputs {
  const region = findSite(scenario, regionId);
  const { periods, periodHours, byApplication } = demandSeries(scenario);
  const hpm = scenario.pricing.hoursPerMonth;
  const horizonMonths = (periods * periodHours) / hpm;
  const periodSeconds = periodHours * 3600;
  const scales = rateScales(scenario, periods, byApplication);
  const cloudPrice = region.serverClasses;

  const links: BurstInputs['links'] = new Map();
  const localSites = scenario.sites.filter((s) => s.kind === 'onPremise');
  for (const site of localSites) {
    const link = linkBetween(scenario, site.id, region.id);
    if (!link) continue;
    links.set(site.id, {
      bandwidthMbps: link.bandwidthMbps,
      rttMs: link.latency.meanMs,
      toCloudUSDPerGB: interSitePricePerGB(scenario, site.id, region.id),
      toHomeUSDPerGB: interSitePricePerGB(scenario, region.id, site.id),
    });
  }

  const components: BurstComponent[] = [];
  for (const app of scenario.applications) {
    const values = byApplication.get(app.id);
    for (const c of app.components) {
      // Without a throughput or a profile the need is what runs today (burstSchedule.ts).
      const need = Array.from({ length: periods }, (_, p) => {
        if (c.throughputPerServer === undefined || !values) return c.servers;
        const d = values[p]!;
        return d > 0 ? Math.ceil(d / c.throughputPerServer - 1e-9) : 0;
      });
      const homeSite = findSite(scenario, c.homeSite);
      const price = cloudPrice.find((k) => k.serverClass === c.serverClass);
      const link = links.get(c.homeSite);
      const canBurst = homeSite.kind === 'onPremise' && !!price && !!link && allowedSitesOf(c, scenario).includes(region.id);
      const imageGB = c.vm?.imageGB ?? 0;
      const bootSeconds = c.vm?.bootSeconds ?? 0;
      const perHour = price ? (price.billing === 'hour' ? price.priceUSD : price.priceUSD / hpm) : 0;
      const repGBPerPeriod = (c.replicationMbps * 1e6 * periodSeconds) / 8 / BYTES_PER_GB;
      components.push({
        id: c.id,
        application: app.id,
        home: c.homeSite,
        need,
        splittable: c.splittable,
        replicationMbps: c.splittable ? c.replicationMbps : 0,
        imageGB,
        bootSeconds,
        canBurst,
        cloudServerPeriodUSD: perHour * periodHours,
        vcpus: vcpusOf(homeSite, c.serverClass),
        leadPreCopied: bootSeconds,
        leadOnDemand: link ? (imageGB * 8000) / link.bandwidthMbps + bootSeconds : Infinity,
        imageCopyUSD: link ? imageGB * link.toCloudUSDPerGB : 0,
        imagePreCopyUSD: imageGB * region.storagePricePerGBMonthUSD * horizonMonths,
        imagePeriodUSD: (imageGB * region.storagePricePerGBMonthUSD * periodHours) / hpm,
        replicationPeriodUSD: link && c.splittable ? repGBPerPeriod * (link.toCloudUSDPerGB + link.toHomeUSDPerGB) : 0,
      });
    }
  }
  const byId = new Map(components.map((c) => [c.id, c]));

  const edges: BurstEdge[] = [];
  const delays: BurstDelayBound[] = [];
  const users: UserTraffic[] = [];
  const intra = scenario.network.intraSiteLatency.meanMs;
  for (const app of scenario.applications) {
    const scale = scales.get(app.id)!;
    for (const t of app.transactions) {
      const totalRate = Object.values(t.ratePerSecond).reduce((a, b) => a + b, 0);
      const edgeIndices: number[] = [];
      for (const e of t.calls) {
        const caller = byId.get(e.from)!;
        const callee = byId.get(e.to)!;
        if (!caller.canBurst && !callee.canBurst) continue;
        const up = links.get(callee.home);
        const down = links.get(caller.home);
        if (!up || !down) continue;
        const crossingMs = (link: NonNullable<typeof up>) => link.rttMs - intra + (((e.requestBytes + e.responseBytes) * 8) / (link.bandwidthMbps * 1e6)) * 1000;
        edgeIndices.push(edges.length);
        edges.push({
          caller: e.from,
          callee: e.to,
          upHome: callee.home,
          downHome: caller.home,
          callsPerSecond: scale.map((f) => totalRate * f * e.callsPerTransaction),
          requestBytes: e.requestBytes,
          responseBytes: e.responseBytes,
          upMs: crossingMs(up),
          downMs: crossingMs(down),
          callsPerTransaction: e.callsPerTransaction,
          transaction: t.id,
        });
      }
      const entry = byId.get(t.entryComponent)!;
      const home = findSite(scenario, entry.home);
      for (const [regionId, rate] of Object.entries(t.ratePerSecond)) {
        const userRegion = scenario.userRegions.find((r) => r.id === regionId);
        const slo = t.slo.maxMeanIncreaseMs ?? Infinity;
        const boundMs = scale.map((_, p) => Math.min(slo, cuts.get(delayCutKey(t.id, regionId, p)) ?? Infinity));
        if (userRegion && boundMs.some(Number.isFinite)) {
          const toCloud = userRegion.latencyToSites[region.id]?.meanMs;
          const toHome = userRegion.latencyToSites[entry.home]?.meanMs ?? 0;
          delays.push({
            transaction: t.id,
            region: regionId,
            boundMs,
            entry: entry.id,
            entryShiftMs: toCloud === undefined ? Infinity : toCloud - toHome,
            edges: edgeIndices,
            active: scale.map((f) => f * rate > 0),
          });
        }
        if (rate > 0 && (t.userRequestBytes > 0 || t.userResponseBytes > 0)) {
          const gb = (f: number, bytes: number) => (rate * f * periodSeconds * bytes) / BYTES_PER_GB;
          const price = (site: Site, f: number) => gb(f, t.userRequestBytes) * site.transferPricePerGBUSD.ingress + gb(f, t.userResponseBytes) * site.transferPricePerGBUSD.egress;
          users.push({ entry: entry.id, homeUSD: scale.map((f) => price(home, f)), cloudUSD: scale.map((f) => price(region, f)) });
        }
      }
    }
  }

  // Owned capacity is paid alike in every plan; its price per server is today's mix at the site.
  let localOwnedUSD = 0;
  const localServerHorizonUSD: Record<string, number> = {};
  for (const site of localSites) {
    const homed = components.filter((c) => c.home === site.id);
    const comps = scenario.applications.flatMap((a) => a.components).filter((c) => c.homeSite === site.id);
    let servers = 0;
    let monthly = 0;
    for (const c of comps) {
      const k = site.serverClasses.find((x) => x.serverClass === c.serverClass);
      if (!k) continue;
      servers += c.servers;
      monthly += c.servers * (k.billing === 'hour' ? k.priceUSD * hpm : k.priceUSD);
    }
    const perServer = servers > 0 ? monthly / servers : 0;
    localServerHorizonUSD[site.id] = perServer * horizonMonths;
    const owned = site.capacity.servers ?? Math.max(0, ...Array.from({ length: periods }, (_, p) => homed.reduce((n, c) => n + c.need[p]!, 0)));
    localOwnedUSD += owned * perServer * horizonMonths;
  }

  return {
    scenario,
    region,
    periods,
    periodHours,
    horizonMonths,
    components,
    byId,
    edges,
    delays,
    users,
    localSites: localSites.map((s) => ({ id: s.id, ...(s.capacity.servers !== undefined ? { servers: s.capacity.servers } : {}), ...(s.capacity.vcpus !== undefined ? { vcpus: s.capacity.vcpus } : {}) })),
    links,
    localOwnedUSD,
    localServerHorizonUSD,
  };
}

/** Cloud regions a burst could go to: cloud sites where at least one on-premise component may run. */
export function candidateRegions(scenario: Scenario): string[] {
  return scenario.sites.filter((s) => s.kind === 'cloud').map((s) => s.id).filter((id) => buildBurstInputs(scenario, id).components.some((c) => c.canBurst));
}
