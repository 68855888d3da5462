/**
 * The schedules the optimum is compared with, each for one burst region:
 *  - buy for the peak: nothing bursts, local capacity is raised to the busiest period;
 *  - everything in the cloud: every component that may run there does, all the
 *    time, moved before the horizon starts (its image is there already);
 *  - naive: in a period that does not fit, move whole applications, the biggest
 *    first (by servers needed then), until it fits; images copied on demand;
 *  - Seagull-like greedy: in a period that does not fit, repeatedly make the move
 *    with the lowest added cost per server of capacity freed (a server of one
 *    component, or a whole application), then hand back what is not needed;
 *    pre-copy an image when that is cheaper than its copies or a lead time needs it.
 * The greedy and the naive policy respect link bandwidth and response-time bounds
 * move by move; every schedule is priced by the evaluator, not here.
 */
import type { BurstInputs, BurstComponent } from './burstInputs';
import type { BurstSchedule, BurstSettings } from './burstSchedule';
import { BYTES_PER_GB } from '../model/traffic';

type Cloud = Map<string, number[]>;

function emptyCloud(inputs: BurstInputs): Cloud {
  return new Map(inputs.components.map((c) => [c.id, Array(inputs.periods).fill(0)]));
}

function toSchedule(inputs: BurstInputs, cloud: Cloud, preCopied: string[], extra: Partial<BurstSchedule> = {}): BurstSchedule {
  const servers: BurstSchedule['servers'] = {};
  let bursts = false;
  for (const c of inputs.components) {
    const inCloud = cloud.get(c.id)!;
    servers[c.id] = { [c.home]: c.need.map((R, p) => R - inCloud[p]!) };
    if (inCloud.some((n) => n > 0)) {
      servers[c.id]![inputs.region.id] = [...inCloud];
      bursts = true;
    }
  }
  return { burstRegion: bursts ? inputs.region.id : null, servers, preCopied, localCapacityAdded: {}, ...extra };
}

/** Servers (and vCPUs) by which each local site is over its capacity in period p. */
function overflow(inputs: BurstInputs, cloud: Cloud, p: number): { site: string; servers: number; vcpus: number }[] {
  const out: { site: string; servers: number; vcpus: number }[] = [];
  for (const site of inputs.localSites) {
    let servers = 0;
    let vcpus = 0;
    for (const c of inputs.components) {
      if (c.home !== site.id) continue;
      const local = c.need[p]! - cloud.get(c.id)![p]!;
      servers += local;
      vcpus += local * c.vcpus;
    }
    const over = { site: site.id, servers: site.servers !== undefined ? servers - site.servers : 0, vcpus: site.vcpus !== undefined ? vcpus - site.vcpus : 0 };
    if (over.servers > 0 || over.vcpus > 0) out.push(over);
  }
  return out;
}

const share = (c: BurstComponent, cloud: Cloud, p: number) => (c.need[p]! > 0 ? cloud.get(c.id)![p]! / c.need[p]! : 0);

/** The period's variable cost (cloud servers, crossings, users, replication) and whether its links and delays hold. */
function periodCost(inputs: BurstInputs, cloud: Cloud, p: number): { usd: number; feasible: boolean } {
  const periodSeconds = inputs.periodHours * 3600;
  let usd = 0;
  const mbps = new Map<string, { out: number; in: number }>();
  const flow = (home: string) => mbps.get(home) ?? (mbps.set(home, { out: 0, in: 0 }), mbps.get(home)!);
  for (const c of inputs.components) {
    const n = cloud.get(c.id)![p]!;
    usd += n * c.cloudServerPeriodUSD;
    if (n > 0 && n < c.need[p]! && c.replicationMbps > 0) {
      usd += c.replicationPeriodUSD;
      const f = flow(c.home);
      f.out += c.replicationMbps;
      f.in += c.replicationMbps;
    }
  }
  const crossing = inputs.edges.map((e) => share(inputs.byId.get(e.caller)!, cloud, p) - share(inputs.byId.get(e.callee)!, cloud, p));
  inputs.edges.forEach((e, i) => {
    const d = crossing[i]!;
    if (d === 0) return;
    // Up: the cloud calls the callee's home; down: the caller's home calls the cloud.
    const home = d > 0 ? e.upHome : e.downHome;
    const link = inputs.links.get(home)!;
    const calls = e.callsPerSecond[p]!;
    const [fromCloud, toCloud] = d > 0 ? [e.requestBytes, e.responseBytes] : [e.responseBytes, e.requestBytes];
    const x = Math.abs(d);
    usd += (x * calls * periodSeconds * (fromCloud * link.toHomeUSDPerGB + toCloud * link.toCloudUSDPerGB)) / BYTES_PER_GB;
    const f = flow(home);
    f.in += (x * calls * fromCloud * 8) / 1e6;
    f.out += (x * calls * toCloud * 8) / 1e6;
  });
  for (const u of inputs.users) {
    const phi = share(inputs.byId.get(u.entry)!, cloud, p);
    usd += phi * (u.cloudUSD[p]! - u.homeUSD[p]!);
  }
  let feasible = true;
  for (const [home, f] of mbps) {
    const bw = inputs.links.get(home)!.bandwidthMbps;
    if (f.out > bw + 1e-9 || f.in > bw + 1e-9) feasible = false;
  }
  for (const d of inputs.delays) {
    if (!feasible) break;
    if (!d.active[p] || !Number.isFinite(d.boundMs[p]!)) continue;
    let ms = 0;
    for (const i of d.edges) {
      const e = inputs.edges[i]!;
      ms += Math.abs(crossing[i]!) * e.callsPerTransaction * (crossing[i]! > 0 ? e.upMs : e.downMs);
    }
    const phi = share(inputs.byId.get(d.entry)!, cloud, p);
    if (phi > 0) ms += Number.isFinite(d.entryShiftMs) ? phi * d.entryShiftMs : Infinity;
    if (ms > d.boundMs[p]! + 1e-9) feasible = false;
  }
  return { usd, feasible };
}

interface OnsetRules {
  periodSeconds: number;
  reactionSeconds: number;
}

/** May c be in the cloud in p at all (boot time, reaction limit, an allowed region)? */
function mayRun(c: BurstComponent, p: number, cloud: Cloud, rules: OnsetRules): boolean {
  if (!c.canBurst || c.need[p]! === 0 || c.leadPreCopied > rules.reactionSeconds) return false;
  const onset = p === 0 || cloud.get(c.id)![p - 1]! === 0;
  return !onset || p * rules.periodSeconds >= c.leadPreCopied;
}

/** Pre-copy where a lead time or the reaction limit needs it, or where it is cheaper than the copies and their storage. */
function choosePreCopies(inputs: BurstInputs, cloud: Cloud, rules: OnsetRules, byCost: boolean): string[] {
  const chosen: string[] = [];
  for (const c of inputs.components) {
    const inCloud = cloud.get(c.id)!;
    let onsets = 0;
    let periods = 0;
    let forced = c.leadOnDemand > rules.reactionSeconds && inCloud.some((n) => n > 0);
    inCloud.forEach((n, p) => {
      if (n === 0) return;
      periods++;
      if (p === 0 || inCloud[p - 1] === 0) {
        onsets++;
        if (p * rules.periodSeconds < c.leadOnDemand) forced = true;
      }
    });
    if (onsets === 0) continue;
    const onDemandUSD = onsets * c.imageCopyUSD + periods * c.imagePeriodUSD;
    if (forced || (byCost && c.imagePreCopyUSD < onDemandUSD)) chosen.push(c.id);
  }
  return chosen;
}

function rulesOf(inputs: BurstInputs, settings: Pick<BurstSettings, 'maxReactionMinutes'>): OnsetRules {
  return { periodSeconds: inputs.periodHours * 3600, reactionSeconds: settings.maxReactionMinutes !== undefined ? settings.maxReactionMinutes * 60 : Infinity };
}

export function buyForPeakSchedule(inputs: BurstInputs): BurstSchedule {
  const cloud = emptyCloud(inputs);
  const added: Record<string, number> = {};
  for (let p = 0; p < inputs.periods; p++) {
    for (const o of overflow(inputs, cloud, p)) {
      // Bought servers bring the vCPUs of today's servers there on average (weighted by their count), as the evaluator counts them.
      const homed = inputs.scenario.applications.flatMap((a) => a.components).filter((c) => c.homeSite === o.site);
      const today = homed.reduce((n, c) => n + c.servers, 0);
      const meanVcpus = today > 0 ? homed.reduce((n, c) => n + c.servers * inputs.byId.get(c.id)!.vcpus, 0) / today : 1;
      const servers = Math.max(o.servers, Math.ceil(o.vcpus / meanVcpus));
      added[o.site] = Math.max(added[o.site] ?? 0, servers);
    }
  }
  return toSchedule(inputs, cloud, [], { localCapacityAdded: added });
}

export function allInCloudSchedule(inputs: BurstInputs): BurstSchedule {
  const cloud = emptyCloud(inputs);
  const moved: string[] = [];
  for (const c of inputs.components) {
    if (!c.canBurst) continue;
    cloud.set(c.id, [...c.need]);
    moved.push(c.id);
  }
  return toSchedule(inputs, cloud, moved, { inCloudBeforeHorizon: moved });
}

export function naiveSchedule(inputs: BurstInputs, settings: Pick<BurstSettings, 'maxReactionMinutes'> = {}): BurstSchedule {
  const rules = rulesOf(inputs, settings);
  const cloud = emptyCloud(inputs);
  const apps = [...new Set(inputs.components.map((c) => c.application))];
  for (let p = 0; p < inputs.periods; p++) {
    const size = (a: string) => inputs.components.filter((c) => c.application === a).reduce((n, c) => n + c.need[p]!, 0);
    for (const app of [...apps].sort((a, b) => size(b) - size(a))) {
      if (overflow(inputs, cloud, p).length === 0) break;
      const movable = inputs.components.filter((c) => c.application === app && mayRun(c, p, cloud, rules));
      if (movable.length === 0) continue;
      const before = movable.map((c) => cloud.get(c.id)![p]!);
      for (const c of movable) cloud.get(c.id)![p] = c.need[p]!;
      if (!periodCost(inputs, cloud, p).feasible) movable.forEach((c, i) => (cloud.get(c.id)![p] = before[i]!));
    }
  }
  return toSchedule(inputs, cloud, choosePreCopies(inputs, cloud, rules, false));
}

export function greedySchedule(inputs: BurstInputs, settings: Pick<BurstSettings, 'maxReactionMinutes'> = {}): BurstSchedule {
  const rules = rulesOf(inputs, settings);
  const cloud = emptyCloud(inputs);
  const apps = [...new Set(inputs.components.map((c) => c.application))];
  // What an onset costs at least: a copy, or the pre-copy spread over the horizon's onsets is unknown yet, so the cheaper one.
  const onsetUSD = (c: BurstComponent, p: number) => (p > 0 && cloud.get(c.id)![p - 1]! > 0 ? 0 : Math.min(c.imageCopyUSD, c.imagePreCopyUSD));

  for (let p = 0; p < inputs.periods; p++) {
    let over = overflow(inputs, cloud, p);
    if (over.length === 0) continue;
    let current = periodCost(inputs, cloud, p).usd;
    while (over.length > 0) {
      const overSites = new Set(over.map((o) => o.site));
      const byVcpus = over.some((o) => o.vcpus > 0 && o.servers <= 0);
      let best: { moves: [BurstComponent, number][]; ratio: number; usd: number } | null = null;
      const consider = (moves: [BurstComponent, number][]) => {
        const before = moves.map(([c]) => cloud.get(c.id)![p]!);
        for (const [c, n] of moves) cloud.get(c.id)![p] = n;
        const after = periodCost(inputs, cloud, p);
        moves.forEach(([c], i) => (cloud.get(c.id)![p] = before[i]!));
        if (!after.feasible) return;
        const freed = moves.reduce((f, [c, n], i) => f + (n - before[i]!) * (byVcpus ? c.vcpus : 1), 0);
        if (freed <= 0) return;
        const usd = after.usd - current + moves.reduce((x, [c], i) => x + (before[i] === 0 ? onsetUSD(c, p) : 0), 0);
        const ratio = usd / freed;
        if (!best || ratio < best.ratio - 1e-12) best = { moves, ratio, usd };
      };
      const candidates = inputs.components.filter((c) => overSites.has(c.home) && mayRun(c, p, cloud, rules) && cloud.get(c.id)![p]! < c.need[p]!);
      for (const c of candidates) consider([[c, c.splittable ? cloud.get(c.id)![p]! + 1 : c.need[p]!]]);
      for (const app of apps) {
        const movable = candidates.filter((c) => c.application === app);
        if (movable.length > 1) consider(movable.map((c) => [c, c.need[p]!]));
      }
      if (!best) break;
      for (const [c, n] of (best as { moves: [BurstComponent, number][] }).moves) cloud.get(c.id)![p] = n;
      current = periodCost(inputs, cloud, p).usd;
      over = overflow(inputs, cloud, p);
    }
    // Hand back servers that are no longer needed in the cloud, one at a time in component order, while it fits and saves money.
    for (let improved = true; improved; ) {
      improved = false;
      for (const c of inputs.components) {
        const n = cloud.get(c.id)![p]!;
        if (n === 0) continue;
        const back = c.splittable ? n - 1 : 0;
        cloud.get(c.id)![p] = back;
        const after = periodCost(inputs, cloud, p);
        if (after.feasible && overflow(inputs, cloud, p).length === 0 && after.usd < current - 1e-9) {
          current = after.usd;
          improved = true;
        } else cloud.get(c.id)![p] = n;
      }
    }
  }
  return toSchedule(inputs, cloud, choosePreCopies(inputs, cloud, rules, true));
}
