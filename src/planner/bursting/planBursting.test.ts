/**
 * The bursting optimiser against things it cannot fool: horizons whose optimum
 * is worked out by hand, an exhaustive search over every schedule of small random
 * instances (each priced by the independent evaluator), and properties of the
 * plans and the comparisons on random instances.
 */
import GLPK from 'glpk.js/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadGlpk, type GLPK as Glpk } from '../solver/glpk';
import { parseScenario } from '../scenario/validate';
import type { Scenario, ScenarioInput } from '../scenario/schema';
import seasonalDocument from '../samples/seasonal.json' with { type: 'json' };
import { randomBurstScenario, randomTwoSiteBurstScenario } from '../testing/randomBurstScenario';
import { evaluateBurst } from './evaluateBurst';
import { compareBursting, planBursting } from './planBursting';
import { buyForPeakSchedule } from './burstHeuristics';
import { buildBurstInputs } from './burstInputs';
import type { BurstSchedule, BurstSettings } from './burstSchedule';

let glpk: Glpk;
beforeAll(async () => {
  glpk = await loadGlpk(GLPK as unknown as () => Promise<Glpk>);
});

const EXACT: BurstSettings = { timeLimitSeconds: 60, mipGap: 0 };

function parse(doc: unknown): Scenario {
  const r = parseScenario(doc);
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('\n'));
  return r.scenario;
}

/**
 * Two applications of one splittable component each, 4 hourly periods, a data
 * centre with room for 4 servers, one cloud. No traffic between sites and no
 * users' bytes, so only servers and images cost anything beyond the owned capacity.
 *   a: need [2, 3, 2, 3], cloud $1.00/h, image aGB; b: need [1, 2, 1, 2], cloud $0.50/h, image bGB.
 *   Total need [3, 5, 3, 5]: one server must burst in periods 1 and 3.
 * Images copy home → cloud at $0.01 egress + $0 ingress per GB; the cloud stores them at
 * `storage` per GB-month, hoursPerMonth 100 (so the 4-hour horizon is 0.04 months).
 */
function twoApps(o: { aGB: number; bGB: number; storage: number; bandwidthMbps?: number; boot?: number }): Scenario {
  const app = (id: string, price: number, values: number[], imageGB: number) => ({
    component: { id, name: id, servers: 1, serverClass: id, homeSite: 'dc', splittable: true, throughputPerServer: 1, vm: { imageGB, bootSeconds: o.boot ?? 0 } },
    price,
    values,
  });
  const apps = [app('a', 1, [2, 3, 2, 3], o.aGB), app('b', 0.5, [1, 2, 1, 2], o.bGB)];
  return parse({
    formatVersion: 1,
    name: 'two apps',
    pricing: { currency: 'USD', asOf: '2026-11-01', hoursPerMonth: 100 },
    sites: [
      { id: 'dc', name: 'dc', kind: 'onPremise', serverClasses: apps.map((x) => ({ serverClass: x.component.id, priceUSD: 100, billing: 'month' })), capacity: { servers: 4 }, storagePricePerGBMonthUSD: 0, transferPricePerGBUSD: { egress: 0.01, ingress: 0 } },
      { id: 'cloud', name: 'cloud', kind: 'cloud', serverClasses: apps.map((x) => ({ serverClass: x.component.id, priceUSD: x.price, billing: 'hour' })), storagePricePerGBMonthUSD: o.storage, transferPricePerGBUSD: { egress: 0.09, ingress: 0 } },
    ],
    network: { links: [{ between: ['dc', 'cloud'], latency: { meanMs: 5, p95Ms: 8 }, bandwidthMbps: o.bandwidthMbps ?? 10_000 }] },
    applications: apps.map((x) => ({ id: `app-${x.component.id}`, name: x.component.id, components: [x.component] })),
    demand: { periodMinutes: 60, profiles: apps.map((x) => ({ application: `app-${x.component.id}`, values: x.values })) },
  });
}

const cloudOf = (s: BurstSchedule, c: string) => s.servers[c]?.[s.burstRegion ?? '']?.join(',') ?? '0,0,0,0';

describe('hand-computed horizons', () => {
  it('bursts the cheaper server when the images cost alike', () => {
    // Each burst period needs one server out. b: $0.50 an hour against a's $1.00.
    // Images 10 GB each: a copy is $0.10, pre-copy storage 10 × $0.1 × 0.04 = $0.04 < two copies, so b is pre-copied.
    // Owned capacity: 4 servers × $100 × 0.04 months = $16. Total 16 + 2 × 0.5 + 0.04 = $17.04.
    const plan = planBursting(twoApps({ aGB: 10, bGB: 10, storage: 0.1 }), glpk, EXACT);
    expect(plan.status).toBe('optimal');
    expect(cloudOf(plan.schedule!, 'b')).toBe('0,1,0,1');
    expect(plan.schedule!.servers.a!.cloud).toBeUndefined();
    expect(plan.schedule!.preCopied).toEqual(['b']);
    expect(plan.evaluation!.cost.total).toBeCloseTo(17.04, 9);
    expect(plan.objective).toBeCloseTo(17.04, 9);
  });

  it('bursts the dearer server when the cheaper one’s image costs more than the difference', () => {
    // b's image 2,000 GB: a copy $20, pre-copy 2,000 × $0.1 × 0.04 = $8 → b costs 1 + 8 = $9.
    // a's image 10 GB: 2 × $1 + pre-copy $0.04 = $2.04. Total 16 + 2.04 = $18.04.
    const plan = planBursting(twoApps({ aGB: 10, bGB: 2000, storage: 0.1 }), glpk, EXACT);
    expect(cloudOf(plan.schedule!, 'a')).toBe('0,1,0,1');
    expect(plan.schedule!.servers.b!.cloud).toBeUndefined();
    expect(plan.evaluation!.cost.total).toBeCloseTo(18.04, 9);
    expect(plan.objective).toBeCloseTo(18.04, 9);
  });

  it('copies on demand when keeping the image costs more than copying it twice', () => {
    // Storage $10/GB-month: pre-copying b's 10 GB costs 10 × 10 × 0.04 = $4; two copies cost $0.20
    // plus storage during the two one-hour bursts, 2 × 10 × 10 × (1 ÷ 100) = $2. On demand: 1 + 0.2 + 2 = $3.20.
    // Bursting a instead: 2 + min(4, 0.2 + 2) = $4.20. Total 16 + 3.2 = $19.20.
    const plan = planBursting(twoApps({ aGB: 10, bGB: 10, storage: 10 }), glpk, EXACT);
    expect(cloudOf(plan.schedule!, 'b')).toBe('0,1,0,1');
    expect(plan.schedule!.preCopied).toEqual([]);
    expect(plan.evaluation!.cost.total).toBeCloseTo(19.2, 9);
    expect(plan.objective).toBeCloseTo(19.2, 9);
  });

  it('pre-copies when the copy cannot finish before the first burst', () => {
    // 1 Mbps: b's 10 GB take 80,000 s to copy, far more than the hour before period 1, so it must be pre-copied
    // even at $10/GB-month ($4): b costs 1 + 4 = $5; a, equally stuck, 2 + 10 × 10 × 0.04 = $6. Total 16 + 5 = $21.
    const plan = planBursting(twoApps({ aGB: 10, bGB: 10, storage: 10, bandwidthMbps: 1 }), glpk, EXACT);
    expect(cloudOf(plan.schedule!, 'b')).toBe('0,1,0,1');
    expect(plan.schedule!.preCopied).toEqual(['b']);
    expect(plan.evaluation!.cost.total).toBeCloseTo(21, 9);
    expect(plan.objective).toBeCloseTo(21, 9);
    expect(plan.evaluation!.events.every((e) => e.leadSeconds <= e.start * 3600)).toBe(true);
  });

  it('is infeasible when nothing can start in time, and says so', () => {
    // Boot 2 h: even a pre-copied image cannot be running in period 1 (1 h after the start).
    const plan = planBursting(twoApps({ aGB: 10, bGB: 10, storage: 0.1, boot: 7200 }), glpk, EXACT);
    expect(plan.status).toBe('infeasible');
    expect(plan.message).toMatch(/No schedule meets every constraint/);
  });

  it('with a reaction limit, only images that start within it may burst', () => {
    // 100 Mbps: a 10 GB copy takes 800 s. Limit 10 min = 600 s → b must be pre-copied whatever storage costs.
    const plan = planBursting(twoApps({ aGB: 10, bGB: 10, storage: 10, bandwidthMbps: 100 }), glpk, { ...EXACT, maxReactionMinutes: 10 });
    expect(plan.schedule!.preCopied).toEqual(['b']);
    expect(plan.evaluation!.cost.total).toBeCloseTo(16 + 1 + 4, 9);
    expect(plan.objective).toBeCloseTo(plan.evaluation!.cost.total, 9);
    const free = planBursting(twoApps({ aGB: 10, bGB: 10, storage: 10, bandwidthMbps: 100 }), glpk, EXACT);
    expect(free.schedule!.preCopied).toEqual([]);
  });

  it('a reaction limit costs only the images that burst: a slow image that stays home is not pre-copied', () => {
    // b is the cheaper server but its 1,000 GB image takes 80,000 s to copy at 100 Mbps, over the 10-minute limit, so bursting
    // b means pre-copying it: 1,000 × $2.5 × 0.04 = $100, b costs 1 + 100 = $101. a's 1 GB copies in 80 s: two copies
    // 2 × $0.01 plus storage 2 × 1 × 2.5 ÷ 100 = $0.05 (pre-copy would be $0.10), so a costs 2 + 0.07 = $2.07. Total $18.07.
    const plan = planBursting(twoApps({ aGB: 1, bGB: 1000, storage: 2.5, bandwidthMbps: 100 }), glpk, { ...EXACT, maxReactionMinutes: 10 });
    expect(cloudOf(plan.schedule!, 'a')).toBe('0,1,0,1');
    expect(plan.schedule!.preCopied).toEqual([]);
    expect(plan.evaluation!.cost.total).toBeCloseTo(18.07, 9);
    expect(plan.objective).toBeCloseTo(18.07, 9);
  });

  it('needs demand profiles', () => {
    const doc = structuredClone(seasonalDocument) as Record<string, unknown>;
    delete doc.demand;
    const plan = planBursting(parse(doc), glpk, EXACT);
    expect(plan.status).toBe('no-demand');
    expect(plan.message).toMatch(/demand/);
  });
});

/** Every schedule of a small instance in one region, the cheapest feasible one by the evaluator. */
function exhaustiveBest(scenario: Scenario, region: string, settings: Pick<BurstSettings, 'maxReactionMinutes'> = {}): number {
  const need = evaluateBurst(scenario, { burstRegion: null, servers: {}, preCopied: [], localCapacityAdded: {} }).need;
  const comps = scenario.applications.flatMap((a) => a.components).filter((c) => !c.allowedSites || c.allowedSites.includes(region));
  const periods = Object.values(need)[0]!.length;
  const options = comps.map((c) => {
    const R = need[c.id]!;
    let schedules: number[][] = [[]];
    for (let p = 0; p < periods; p++) {
      const choices = c.splittable ? Array.from({ length: R[p]! + 1 }, (_, k) => k) : [...new Set([0, R[p]!])];
      schedules = schedules.flatMap((s) => choices.map((k) => [...s, k]));
    }
    return schedules;
  });
  const fixed = scenario.applications.flatMap((a) => a.components).filter((c) => !comps.includes(c));
  let best = Infinity;
  const choose = (i: number, chosen: number[][]) => {
    if (i < comps.length) {
      for (const o of options[i]!) choose(i + 1, [...chosen, o]);
      return;
    }
    const servers: BurstSchedule['servers'] = {};
    comps.forEach((c, k) => (servers[c.id] = { [c.homeSite]: need[c.id]!.map((n, p) => n - chosen[k]![p]!), [region]: chosen[k]! }));
    for (const c of fixed) servers[c.id] = { [c.homeSite]: need[c.id]! };
    const bursting = comps.filter((_, k) => chosen[k]!.some((n) => n > 0)).map((c) => c.id);
    for (let mask = 0; mask < 1 << bursting.length; mask++) {
      const preCopied = bursting.filter((_, k) => mask & (1 << k));
      const e = evaluateBurst(scenario, { burstRegion: region, servers, preCopied, localCapacityAdded: {} }, settings);
      if (e.feasible) best = Math.min(best, e.cost.total);
    }
  };
  choose(0, []);
  return best;
}

describe('the p95 during bursts', () => {
  /**
   * Shop: web (splittable, need [1, 2, 1, 2], $0.50/h in the cloud) calling its pinned database 5 times per
   * request over a link with a long tail (mean 10 ms, p95 200 ms); batch: a worker (need 1, $1/h) with no
   * users. Room for 3 servers: one must burst in periods 1 and 3. Half the web tier in the cloud sends half
   * the requests through 5 slow round trips, so the p95 far exceeds 100 ms; the worker costs more but
   * touches no transaction.
   */
  function tail(maxP95Ms?: number): Scenario {
    return parse({
      formatVersion: 1,
      name: 'tail',
      pricing: { currency: 'USD', asOf: '2026-11-01', hoursPerMonth: 100 },
      sites: [
        { id: 'dc', name: 'dc', kind: 'onPremise', serverClasses: [{ serverClass: 'std', priceUSD: 100, billing: 'month' }, { serverClass: 'big', priceUSD: 100, billing: 'month' }], capacity: { servers: 3 }, storagePricePerGBMonthUSD: 0, transferPricePerGBUSD: { egress: 0, ingress: 0 } },
        { id: 'cloud', name: 'cloud', kind: 'cloud', serverClasses: [{ serverClass: 'std', priceUSD: 0.5, billing: 'hour' }, { serverClass: 'big', priceUSD: 1, billing: 'hour' }], storagePricePerGBMonthUSD: 0, transferPricePerGBUSD: { egress: 0, ingress: 0 } },
      ],
      network: { links: [{ between: ['dc', 'cloud'], latency: { meanMs: 10, p95Ms: 200 }, bandwidthMbps: 10_000 }] },
      userRegions: [{ id: 'users', name: 'users', latencyToSites: { dc: { meanMs: 20, p95Ms: 40 }, cloud: { meanMs: 20, p95Ms: 40 } } }],
      applications: [
        {
          id: 'shop',
          name: 'shop',
          components: [
            { id: 'web', name: 'web', servers: 1, serverClass: 'std', homeSite: 'dc', splittable: true, throughputPerServer: 1 },
            { id: 'db', name: 'db', servers: 1, serverClass: 'std', homeSite: 'dc', allowedSites: ['dc'] },
          ],
          transactions: [
            {
              id: 'buy',
              name: 'buy',
              entryComponent: 'web',
              ratePerSecond: { users: 10 },
              calls: [{ from: 'web', to: 'db', callsPerTransaction: 5, requestBytes: 100, responseBytes: 100 }],
              slo: maxP95Ms === undefined ? {} : { maxP95Ms },
            },
          ],
        },
        { id: 'batch', name: 'batch', components: [{ id: 'worker', name: 'worker', servers: 1, serverClass: 'big', homeSite: 'dc', splittable: true, throughputPerServer: 1 }] },
      ],
      demand: { periodMinutes: 60, profiles: [{ application: 'shop', values: [1, 2, 1, 2] }, { application: 'batch', values: [1, 1, 1, 1] }] },
    });
  }

  it('moves the dearer worker when bursting the web tier would break the p95 bound, and says it took a round of cuts', () => {
    const free = planBursting(tail(), glpk, EXACT);
    expect(cloudOf(free.schedule!, 'web')).toBe('0,1,0,1');
    expect(free.p95Rounds).toBe(0);
    // The same burst under a 100 ms p95 bound: the evaluator finds it far over.
    const bounded = tail(100);
    const broken = evaluateBurst(bounded, free.schedule!);
    expect(broken.violations.filter((v) => v.kind === 'p95').map((v) => v.period)).toEqual([1, 3]);

    const plan = planBursting(bounded, glpk, EXACT);
    expect(plan.status).toBe('optimal');
    expect(plan.p95Rounds).toBe(1);
    expect(plan.schedule!.servers.web!.cloud).toBeUndefined();
    expect(cloudOf(plan.schedule!, 'worker')).toBe('0,1,0,1');
    expect(plan.evaluation!.feasible).toBe(true);
    // Owned 3 × $100 × 0.04 = $12, the worker's two hours $2.
    expect(plan.evaluation!.cost.total).toBeCloseTo(14, 9);
  });
});

describe('against an exhaustive search', () => {
  it('finds the cheapest schedule of 80 random 3-period instances (every schedule priced by the evaluator)', () => {
    let feasible = 0;
    for (let seed = 1; seed <= 80; seed++) {
      const scenario = parse(randomBurstScenario(seed, { periods: 3, applications: 2, maxNeed: 2 }));
      const best = exhaustiveBest(scenario, 'cloud1');
      const plan = planBursting(scenario, glpk, EXACT);
      if (best === Infinity) {
        expect(plan.status, `seed ${seed}`).toBe('infeasible');
        continue;
      }
      feasible++;
      expect(plan.status, `seed ${seed}`).toBe('optimal');
      expect(plan.evaluation!.feasible).toBe(true);
      expect(plan.evaluation!.cost.total, `seed ${seed}`).toBeCloseTo(best, 6);
      // The model prices its own schedule exactly as the evaluator does.
      expect(plan.objective, `seed ${seed}`).toBeCloseTo(plan.evaluation!.cost.total, 6);
    }
    // About half the instances have a feasible schedule; the others check that infeasibility is proven, not guessed.
    expect(feasible).toBeGreaterThan(30);
  });
});

describe('against an exhaustive search, two data centres', () => {
  it('finds the cheapest schedule of 40 instances where a portal at dc2 calls a database at dc1, with vCPU limits and reaction limits', () => {
    let feasible = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const scenario = parse(randomTwoSiteBurstScenario(seed));
      const settings = { ...EXACT, ...(seed % 3 === 0 ? { maxReactionMinutes: 5 } : {}) };
      const best = exhaustiveBest(scenario, 'cloud', settings);
      const plan = planBursting(scenario, glpk, settings);
      // Buying for the peak buys enough servers for the vCPU limit too.
      expect(evaluateBurst(scenario, buyForPeakSchedule(buildBurstInputs(scenario, 'cloud'))).feasible, `seed ${seed}`).toBe(true);
      if (best === Infinity) {
        expect(plan.status, `seed ${seed}`).toBe('infeasible');
        continue;
      }
      feasible++;
      expect(plan.status, `seed ${seed}`).toBe('optimal');
      expect(plan.evaluation!.cost.total, `seed ${seed}`).toBeCloseTo(best, 6);
      expect(plan.objective, `seed ${seed}`).toBeCloseTo(plan.evaluation!.cost.total, 6);
    }
    expect(feasible).toBeGreaterThan(15);
  });
});

describe('properties on random instances', () => {
  const instances: { seed: number; doc: ScenarioInput }[] = Array.from({ length: 30 }, (_, i) => ({
    seed: 100 + i,
    doc: randomBurstScenario(100 + i, { periods: 8, applications: 3, maxNeed: 4, clouds: 1 + (i % 2) }),
  }));

  it('local use stays within capacity, lead times hold, and optimum ≤ greedy ≤ naive', () => {
    let compared = 0;
    for (const { seed, doc } of instances) {
      const scenario = parse(doc);
      const { plan, baselines } = compareBursting(scenario, glpk, { timeLimitSeconds: 30, mipGap: 1e-7 });
      const by = Object.fromEntries(baselines.map((b) => [b.id, b.evaluation]));
      if (plan.status === 'infeasible') {
        // Then neither heuristic may claim a feasible schedule either.
        expect(by.greedy!.feasible, `seed ${seed}`).toBe(false);
        continue;
      }
      const e = plan.evaluation!;
      expect(e.feasible, `seed ${seed}`).toBe(true);
      for (const [site, capacity] of Object.entries(e.localCapacity)) {
        for (let p = 0; p < e.periods; p++) {
          const used = scenario.applications.flatMap((a) => a.components).filter((c) => c.homeSite === site).reduce((n, c) => n + (plan.schedule!.servers[c.id]?.[site]?.[p] ?? 0), 0);
          expect(used, `seed ${seed} period ${p}`).toBeLessThanOrEqual(capacity[p]!);
        }
      }
      for (const ev of e.events) expect(ev.leadSeconds, `seed ${seed}`).toBeLessThanOrEqual(ev.start * e.periodHours * 3600 + 1e-6);
      const tol = 1e-6 * e.cost.total;
      if (by.greedy!.feasible) expect(e.cost.total, `seed ${seed}`).toBeLessThanOrEqual(by.greedy!.cost.total + tol);
      // Not a theorem (both are heuristics), but what the greedy is for: checked on every one of these instances.
      if (by.greedy!.feasible && by.naive!.feasible) {
        expect(by.greedy!.cost.total, `seed ${seed}`).toBeLessThanOrEqual(by.naive!.cost.total + tol);
        compared++;
      }
      // Buying for the peak is always possible; it may well be cheaper than any burst (the optimiser does not buy).
      expect(by['buy-peak']!.feasible).toBe(true);
    }
    expect(compared).toBeGreaterThan(15);
  });
});

describe('the seasonal sample', () => {
  it('bursts only in the hours the data centre is too small, cheaper than the naive policy and than buying for the peak', () => {
    const { plan, baselines } = compareBursting(parse(seasonalDocument), glpk, { timeLimitSeconds: 60, mipGap: 1e-4 });
    expect(plan.status).toBe('optimal');
    const e = plan.evaluation!;
    expect(e.feasible).toBe(true);
    // The nine hours of Thanksgiving and Black Friday evenings over 40 servers (see the evaluator's test) are all covered.
    const bursting = new Set(e.events.flatMap((ev) => Array.from({ length: ev.end - ev.start }, (_, k) => ev.start + k)));
    for (const p of [91, 92, 93, 94, 115, 116, 117, 118, 119]) expect(bursting.has(p)).toBe(true);
    expect(Math.min(...bursting)).toBeGreaterThanOrEqual(88);
    // The databases never leave.
    expect(plan.schedule!.servers['sf-db']![plan.schedule!.burstRegion!]).toBeUndefined();
    const by = Object.fromEntries(baselines.map((b) => [b.id, b.evaluation.cost.total]));
    expect(e.cost.total).toBeLessThan(by.naive!);
    expect(e.cost.total).toBeLessThan(by['buy-peak']!);
    expect(e.cost.total).toBeLessThan(by['all-cloud']!);
    expect(e.cost.total).toBeLessThanOrEqual(by.greedy! + 1e-6);
  });
});
