/**
 * The burst evaluator against hand-computed figures. Every expected number is
 * worked out in the comment above it from the tiny scenario below, so a reader
 * can check the arithmetic without running anything.
 *
 * The tiny scenario (hoursPerMonth 100, so horizon months = 4 h ÷ 100 = 0.04):
 *  - dc (on-premise): std $100/month (4 vCPUs), big $200/month (8 vCPUs), capacity 4 servers,
 *    egress $0.01/GB, ingress 0.
 *  - aws (cloud): std $0.5/h, big $1/h, storage $0.1/GB-month, egress $0.09/GB, ingress $0.01/GB.
 *    So dc → aws costs 0.01 + 0.01 = $0.02/GB and aws → dc 0.09 + 0 = $0.09/GB.
 *  - link dc–aws: mean RTT 10.5 ms (intra-site 0.5 ms, so +10 ms per crossing call), 100 Mbps.
 *  - users: RTT 20 ms to dc, 26 ms to aws (+6 ms at the cloud).
 *  - app shop: web (std, splittable, τ 10, image 10 GB, boot 60 s) and db (big, 1 server,
 *    no τ, allowed only at dc, unsplittable, no vm figures). Transaction buy: entry web, 100 tx/s,
 *    user request 1,000 B and response 10,000 B, web → db 2 calls of 500 B / 5,000 B, bound 50 ms.
 *  - app batch: worker (std, splittable, τ 100, replication 8 Mbps, image 5 GB, boot 30 s).
 *  - demand, 4 hourly periods: shop [10, 20, 40, 10] (mean 20, rate scale [0.5, 1, 2, 0.5]),
 *    batch [0, 100, 250, 50] (mean 100, scale [0, 1, 2.5, 0.5]).
 *  - need: web ceil(d/10) = [1, 2, 4, 1]; db [1, 1, 1, 1]; worker ceil(d/100) = [0, 1, 3, 1];
 *    all together [2, 4, 8, 3].
 *  - mean on-premise price: (2 web × $100 + 1 db × $200 + 1 worker × $100) ÷ 4 = $125/month.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Scenario } from '../scenario/schema';
import { parseScenario } from '../scenario/validate';
import seasonalDocument from '../samples/seasonal.json' with { type: 'json' };
import { BURST_COST_TERMS, type BurstSchedule } from './burstSchedule';
import { burstNeed, evaluateBurst } from './evaluateBurst';

type Doc = ReturnType<typeof tinyDocument>;

function tinyDocument() {
  return {
    formatVersion: 1,
    name: 'Tiny bursting scenario',
    pricing: { currency: 'USD', asOf: '2026-11-01', hoursPerMonth: 100 },
    sites: [
      {
        id: 'dc',
        name: 'Data centre',
        kind: 'onPremise',
        serverClasses: [
          { serverClass: 'std', priceUSD: 100, billing: 'month', vcpus: 4 },
          { serverClass: 'big', priceUSD: 200, billing: 'month', vcpus: 8 },
        ],
        capacity: { servers: 4 } as { servers?: number; vcpus?: number },
        storagePricePerGBMonthUSD: 0.05,
        transferPricePerGBUSD: { egress: 0.01, ingress: 0 },
      },
      {
        id: 'aws',
        name: 'AWS',
        kind: 'cloud',
        provider: 'AWS',
        serverClasses: [
          { serverClass: 'std', priceUSD: 0.5, billing: 'hour', vcpus: 4 },
          { serverClass: 'big', priceUSD: 1, billing: 'hour', vcpus: 8 },
        ],
        storagePricePerGBMonthUSD: 0.1,
        transferPricePerGBUSD: { egress: 0.09, ingress: 0.01 },
      },
    ] as Record<string, unknown>[],
    network: {
      intraSiteLatency: { meanMs: 0.5, p95Ms: 1 },
      links: [{ between: ['dc', 'aws'], latency: { meanMs: 10.5, p95Ms: 20 }, bandwidthMbps: 100 }] as Record<string, unknown>[],
    },
    userRegions: [{ id: 'users', name: 'Users', latencyToSites: { dc: { meanMs: 20, p95Ms: 40 }, aws: { meanMs: 26, p95Ms: 50 } } as Record<string, unknown> }],
    applications: [
      {
        id: 'shop',
        name: 'Shop',
        components: [
          { id: 'web', name: 'Web', servers: 2, serverClass: 'std', homeSite: 'dc', splittable: true, throughputPerServer: 10, vm: { imageGB: 10, bootSeconds: 60 } },
          { id: 'db', name: 'Database', servers: 1, serverClass: 'big', homeSite: 'dc', splittable: false, allowedSites: ['dc'] as string[] | undefined },
        ] as Record<string, unknown>[],
        transactions: [
          {
            id: 'buy',
            name: 'Buy',
            entryComponent: 'web',
            userRequestBytes: 1000,
            userResponseBytes: 10000,
            ratePerSecond: { users: 100 },
            calls: [{ from: 'web', to: 'db', callsPerTransaction: 2, requestBytes: 500, responseBytes: 5000 }],
            slo: { maxMeanIncreaseMs: 50 },
          },
        ] as Record<string, unknown>[],
      },
      {
        id: 'batch',
        name: 'Batch',
        components: [
          { id: 'worker', name: 'Worker', servers: 1, serverClass: 'std', homeSite: 'dc', splittable: true, replicationMbps: 8, throughputPerServer: 100, vm: { imageGB: 5, bootSeconds: 30 } },
        ] as Record<string, unknown>[],
        transactions: [] as Record<string, unknown>[],
      },
    ],
    demand: {
      periodMinutes: 60,
      profiles: [
        { application: 'shop', values: [10, 20, 40, 10] },
        { application: 'batch', values: [0, 100, 250, 50] },
      ],
    } as { periodMinutes: number; profiles: { application: string; values: number[] }[] } | undefined,
  };
}

function build(change?: (doc: Doc) => void): Scenario {
  const doc = tinyDocument();
  change?.(doc);
  const result = parseScenario(doc);
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('\n'));
  return result.scenario;
}

/** A second cloud: azure, std $0.4/h, storage $0.2/GB-month; its link to dc has its own price, $0.05/GB, and 200 Mbps. */
function withAzure(doc: Doc) {
  doc.sites.push({
    id: 'azure',
    name: 'Azure',
    kind: 'cloud',
    provider: 'Azure',
    serverClasses: [
      { serverClass: 'std', priceUSD: 0.4, billing: 'hour', vcpus: 4 },
      { serverClass: 'big', priceUSD: 0.9, billing: 'hour', vcpus: 8 },
    ],
    storagePricePerGBMonthUSD: 0.2,
    transferPricePerGBUSD: { egress: 0.08, ingress: 0 },
  });
  doc.network.links.push(
    { between: ['dc', 'azure'], latency: { meanMs: 20.5, p95Ms: 30 }, bandwidthMbps: 200, pricePerGBUSD: 0.05 },
    { between: ['aws', 'azure'], latency: { meanMs: 12, p95Ms: 20 }, bandwidthMbps: 1000 },
  );
  doc.userRegions[0]!.latencyToSites['azure'] = { meanMs: 30, p95Ms: 60 };
}

const NEED = { web: [1, 2, 4, 1], db: [1, 1, 1, 1], worker: [0, 1, 3, 1] };

/** Every component at home with exactly its need, then the given cloud servers taken off home. */
function schedule(cloud: Record<string, number[]> = {}, extra: Partial<BurstSchedule> = {}, need: Record<string, number[]> = NEED, region = 'aws'): BurstSchedule {
  const servers: BurstSchedule['servers'] = {};
  for (const [id, r] of Object.entries(need)) {
    const up = cloud[id] ?? r.map(() => 0);
    servers[id] = { dc: r.map((n, p) => n - up[p]!), [region]: up };
  }
  return { burstRegion: region, servers, preCopied: [], localCapacityAdded: {}, ...extra };
}

/**
 * Schedule B, the workhorse: web bursts 2 of its 4 servers in period 2 (φ = 1/2); worker
 * bursts 2 of 3 in period 2 (φ = 2/3, split, so it replicates) and its 1 server in period 3 (φ = 1).
 * At home: [2, 4, 4, 2] servers, within the 4 of capacity. It is feasible (see the last test of this block).
 */
const B = () => schedule({ web: [0, 0, 2, 0], worker: [0, 0, 2, 1] });

/** 4 servers bought, so all at home in period 2 (8 servers) fits and a test sees only the violation it is about. */
const ROOM: Partial<BurstSchedule> = { localCapacityAdded: { dc: 4 } };

const close = (actual: number, expected: number) => expect(actual).toBeCloseTo(expected, 9);

describe('need and rate scaling', () => {
  it('needs ceil(demand ÷ throughput) servers, 0 at zero demand, and `servers` without a throughput', () => {
    // web: 10/10 = 1, 20/10 = 2, 40/10 = 4, 10/10 = 1; worker: 0 → 0, 100/100 = 1, 250/100 = 2.5 → 3, 50/100 = 0.5 → 1.
    expect(burstNeed(build())).toEqual({ web: [1, 2, 4, 1], db: [1, 1, 1, 1], worker: [0, 1, 3, 1] });
    expect(evaluateBurst(build(), B()).need).toEqual(NEED);
  });

  it('does not round a floating-point hair above a whole number up (1.1 ÷ 0.1 needs 11 servers)', () => {
    const s = build((d) => {
      d.applications[1]!.components[0]!['throughputPerServer'] = 0.1;
      d.demand!.profiles[1]!.values = [1.1, 0.3, 0.7, 0.05];
    });
    // 1.1/0.1 = 11.000000000000002 in floating point; 0.3/0.1 = 2.9999999999999996; 0.7/0.1 ≈ 7; 0.05/0.1 = 0.5 → 1.
    expect(burstNeed(s)['worker']).toEqual([11, 3, 7, 1]);
  });

  it('a period with twice the mean demand carries twice the crossing traffic', () => {
    // web split half/half in period 1 (scale 1: 2 servers → 1 + 1) and period 2 (scale 2: 4 → 2 + 2).
    // Period 1: 100 tx/s × 3,600 s = 360,000 tx; crossing calls 360,000 × 2 × ½ = 360,000;
    // requests aws → dc 360,000 × 500 B = 0.18 GB × $0.09 = 0.0162; responses dc → aws 1.8 GB × $0.02 = 0.036.
    // So 0.0522 in period 1 and twice that, 0.1044, in period 2.
    const e = evaluateBurst(build(), schedule({ web: [0, 1, 2, 0] }));
    close(e.costByPeriod[1]!.wanTransfer, 0.0522);
    close(e.costByPeriod[2]!.wanTransfer, 0.1044);
    close(e.cost.wanTransfer, 0.1566);
  });

  it('without a demand block: one period of one hour, need = servers, rates as given', () => {
    const s = build((d) => {
      d.demand = undefined;
    });
    const e = evaluateBurst(s, { burstRegion: null, servers: { web: { dc: [2] }, db: { dc: [1] }, worker: { dc: [1] } }, preCopied: [], localCapacityAdded: {} });
    expect(e.periods).toBe(1);
    expect(e.periodHours).toBe(1);
    expect(e.need).toEqual({ web: [2], db: [1], worker: [1] });
    expect(e.demand).toEqual({});
    // Users: 100 tx/s × 3,600 s × 10,000 B = 3.6 GB × dc egress $0.01 = 0.036; owned: 4 × $125 × (1 h ÷ 100) = 5.
    close(e.cost.userTransfer, 0.036);
    close(e.cost.localOwned, 5);
    expect(e.feasible).toBe(true);
  });
});

describe('cost terms', () => {
  it('localOwned: the capacity at the weighted mean price, in every plan alike', () => {
    // 4 servers × $125 × 0.04 months = $20, spread $5 a period; the same for schedule B.
    for (const sch of [schedule(), B()]) {
      const e = evaluateBurst(build(), sch);
      close(e.cost.localOwned, 20);
      e.costByPeriod.forEach((c) => close(c.localOwned, 5));
    }
  });

  it('localOwned without a server capacity: the servers needed at the busiest period, in every plan alike', () => {
    // All at home uses [2, 4, 8, 3]: 8 × $125 × 0.04 = $40; no capacity, so no capacity violation and no localCapacity entry.
    const e = evaluateBurst(build((d) => (d.sites[0]!['capacity'] = {})), schedule());
    close(e.cost.localOwned, 40);
    expect(e.localCapacity).toEqual({});
    expect(e.violations).toEqual([]);
    // It is what the components need, not what a schedule keeps at home: bursting in period 2 changes nothing.
    close(evaluateBurst(build((d) => (d.sites[0]!['capacity'] = {})), B()).cost.localOwned, 40);
  });

  it('localBought: added servers at the same mean price, and they lift the capacity', () => {
    // 4 added × $125 × 0.04 = $20. All at home peaks at 8 = 4 + 4, so it fits.
    const e = evaluateBurst(build(), schedule({}, { localCapacityAdded: { dc: 4 } }));
    close(e.cost.localBought, 20);
    expect(e.localCapacity).toEqual({ dc: [8, 8, 8, 8] });
    expect(e.feasible).toBe(true);
  });

  it('cloudServers: cloud server-hours at the hourly price', () => {
    // B: period 2 has 2 web + 2 worker, period 3 1 worker: 5 server-hours × $0.5 = $2.5.
    const e = evaluateBurst(build(), B());
    close(e.cost.cloudServers, 2.5);
    close(e.costByPeriod[2]!.cloudServers, 2);
    close(e.costByPeriod[3]!.cloudServers, 0.5);
  });

  it('cloudServers: monthly-billed cloud classes are divided by hoursPerMonth, and periods shorter than an hour count their share', () => {
    // std at $80/month = $0.8/h; 30-minute periods: 5 server-periods × 0.5 h × $0.8 = $2.
    const s = build((d) => {
      (d.sites[1]!['serverClasses'] as Record<string, unknown>[])[0] = { serverClass: 'std', priceUSD: 80, billing: 'month', vcpus: 4 };
      d.demand!.periodMinutes = 30;
    });
    close(evaluateBurst(s, B()).cost.cloudServers, 2);
  });

  it('wanTransfer: crossing calls priced each way, plus replication of a split component', () => {
    // B, period 2: buy 100 × 2 × 3,600 = 720,000 tx; web φ ½ vs db φ 0 → 720,000 × 2 × ½ = 720,000 calls cloud → home:
    //   requests aws → dc 720,000 × 500 B = 0.36 GB × $0.09 = 0.0324; responses dc → aws 3.6 GB × $0.02 = 0.072.
    //   worker split (φ 2/3), 8 Mbps each way for an hour = 1e6 B/s × 3,600 s = 3.6 GB each way × (0.02 + 0.09) = 0.396.
    // Period 3: web φ 0 = db φ 0, worker φ 1 (not split): nothing. Total 0.5004.
    const e = evaluateBurst(build(), B());
    close(e.cost.wanTransfer, 0.5004);
    close(e.costByPeriod[3]!.wanTransfer, 0);
  });

  it('wanTransfer: a caller at home calling a callee in the cloud sends its requests home → cloud', () => {
    // Adds transaction feed to batch: entry worker, 10 tx/s, worker → web 1 call of 10,000 B / 1,000 B.
    // Schedule: web 1 of 2 in the cloud in period 1 (φ ½), worker at home (φ 0); batch scale 1 in period 1.
    //   feed: 36,000 tx × 1 × ½ = 18,000 calls home → cloud: requests dc → aws 0.18 GB × $0.02 = 0.0036,
    //         responses aws → dc 0.018 GB × $0.09 = 0.00162;
    //   buy:  360,000 tx × 2 × ½ = 360,000 calls cloud → home: 0.18 GB × $0.09 = 0.0162 and 1.8 GB × $0.02 = 0.036.
    //   Total 0.05742. Link load: dc → aws (1.8e8 + 1.8e9) B × 8 ÷ 3,600 s = 4.4 Mbps; aws → dc (1.8e7 + 1.8e8) B → 0.44 Mbps.
    const e = evaluateBurst(build(withFeed), schedule({ web: [0, 1, 0, 0] }));
    close(e.cost.wanTransfer, 0.05742);
    const peak = (from: string, to: string) => e.linkPeaks.find((l) => l.from === from && l.to === to)!;
    expect(peak('dc', 'aws')).toMatchObject({ period: 1, bandwidthMbps: 100 });
    close(peak('dc', 'aws').mbps, 4.4);
    close(peak('aws', 'dc').mbps, 0.44);
    expect(e.linkPeaks).toHaveLength(2);
  });

  it('userTransfer: the entry’s cloud share at the cloud’s prices, the rest at home', () => {
    // All at home: 100 tx/s × 3,600 × (0.5 + 1 + 2 + 0.5) = 1,440,000 tx × 10,000 B = 14.4 GB × dc egress $0.01 = 0.144 (ingress 0).
    close(evaluateBurst(build(), schedule()).cost.userTransfer, 0.144);
    // B, period 2: 720,000 tx, half at aws: 360,000 × 1,000 B = 0.36 GB × $0.01 ingress = 0.0036 and
    //   360,000 × 10,000 B = 3.6 GB × $0.09 egress = 0.324; the home half 3.6 GB × $0.01 = 0.036 → 0.3636 in period 2.
    //   Other periods at home: 720,000 tx × 10,000 B = 7.2 GB × $0.01 = 0.072. Total 0.4356.
    const e = evaluateBurst(build(), B());
    close(e.costByPeriod[2]!.userTransfer, 0.3636);
    close(e.cost.userTransfer, 0.4356);
  });

  it('imageTransfer: every onset of a component without a pre-copied image copies it home → cloud', () => {
    // B: web 10 GB + worker 5 GB, each once, at dc → aws $0.02/GB = 0.3, both in period 2.
    close(evaluateBurst(build(), B()).cost.imageTransfer, 0.3);
    close(evaluateBurst(build(), B()).costByPeriod[2]!.imageTransfer, 0.3);
    // Worker pre-copied: only web's 0.2.
    close(evaluateBurst(build(), { ...B(), preCopied: ['worker'] }).cost.imageTransfer, 0.2);
    // Worker bursting in periods 1 and 3, not 2: two onsets, 2 × 5 GB × $0.02 = 0.2.
    close(evaluateBurst(build(), schedule({ worker: [0, 1, 0, 1] })).cost.imageTransfer, 0.2);
  });

  it('imageStorage: pre-copied for the whole horizon, copied on demand for the burst’s hours', () => {
    // B on demand: web 10 GB × $0.1 × (1 h ÷ 100) = 0.01; worker 5 GB × $0.1 × (2 h ÷ 100) = 0.01 → 0.02.
    close(evaluateBurst(build(), B()).cost.imageStorage, 0.02);
    // Worker pre-copied: 5 GB × $0.1 × 0.04 months = 0.02 (0.005 a period) + web's 0.01 = 0.03.
    const e = evaluateBurst(build(), { ...B(), preCopied: ['worker'] });
    close(e.cost.imageStorage, 0.03);
    close(e.costByPeriod[0]!.imageStorage, 0.005);
    close(e.costByPeriod[2]!.imageStorage, 0.015);
  });

  it('schedule B in total, and it is feasible', () => {
    // 20 owned + 2.5 cloud + 0.5004 WAN + 0.4356 users + 0.3 image copies + 0.02 image storage = 23.756.
    const e = evaluateBurst(build(), B());
    close(e.cost.total, 23.756);
    expect(e.violations).toEqual([]);
    expect(e.feasible).toBe(true);
    expect(e.serversByApplication).toEqual({
      shop: { home: [2, 3, 3, 2], cloud: [0, 0, 2, 0] },
      batch: { home: [0, 1, 1, 0], cloud: [0, 0, 2, 1] },
    });
    expect(e.demand).toEqual({ shop: [10, 20, 40, 10], batch: [0, 100, 250, 50] });
  });

  it('a second cloud: the burst region’s own prices, and the link’s per-GB price over egress + ingress', () => {
    // B sent to azure: cloud 5 server-hours × $0.4 = 2; image copies 15 GB × link $0.05 = 0.75;
    // WAN period 2: (0.36 + 3.6) GB × $0.05 + replication 3.6 GB × 2 × $0.05 = 0.198 + 0.36 = 0.558;
    // storage: web 10 GB × $0.2 × 0.01 + worker 5 GB × $0.2 × 0.02 = 0.04;
    // users period 2: half at azure: 0.36 GB × 0 + 3.6 GB × $0.08 = 0.288, + home 0.036 + other periods 0.072 = 0.396.
    // Leads: web 10 GB × 8,000 ÷ 200 Mbps + 60 s = 460 s; worker 5 × 8,000 ÷ 200 + 30 = 230 s.
    const s = build(withAzure);
    const e = evaluateBurst(s, schedule({ web: [0, 0, 2, 0], worker: [0, 0, 2, 1] }, {}, NEED, 'azure'));
    close(e.cost.cloudServers, 2);
    close(e.cost.imageTransfer, 0.75);
    close(e.cost.wanTransfer, 0.558);
    close(e.cost.imageStorage, 0.04);
    close(e.cost.userTransfer, 0.396);
    expect(e.events.map((x) => [x.component, x.leadSeconds])).toEqual([
      ['web', 460],
      ['worker', 230],
    ]);
    expect(e.feasible).toBe(true);
    // Servers left at aws while azure is the burst region are not allowed.
    const stray = evaluateBurst(s, { ...schedule({ web: [0, 0, 2, 0] }, {}, NEED, 'azure'), servers: { ...B().servers } });
    const kinds = stray.violations.map((v) => [v.kind, v.period, v.excess]);
    expect(kinds).toContainEqual(['not-allowed', 2, 2]);
    expect(stray.violations.find((v) => v.kind === 'not-allowed')!.message).toContain('"aws"');
  });
});

/** Batch gets a transaction whose caller (worker) calls web: 10 tx/s, 10,000 B requests, 1,000 B responses. */
function withFeed(doc: Doc) {
  doc.applications[1]!.transactions.push({
    id: 'feed',
    name: 'Feed',
    entryComponent: 'worker',
    ratePerSecond: { users: 10 },
    calls: [{ from: 'worker', to: 'web', callsPerTransaction: 1, requestBytes: 10000, responseBytes: 1000 }],
  });
}

describe('events', () => {
  it('one event per maximal run, with its lead time, pre-copy and peak', () => {
    // web: 10 GB × 8,000 ÷ 100 Mbps = 800 s copy + 60 s boot = 860 s. worker pre-copied: boot 30 s only.
    const e = evaluateBurst(build(), { ...B(), preCopied: ['worker'] });
    expect(e.events).toEqual([
      { component: 'web', application: 'shop', start: 2, end: 3, leadSeconds: 860, preCopied: false, peakCloudServers: 2 },
      { component: 'worker', application: 'batch', start: 2, end: 4, leadSeconds: 30, preCopied: true, peakCloudServers: 2 },
    ]);
    // Worker in periods 1 and 3: two events. Copy 5 × 8,000 ÷ 100 = 400 s + boot 30 = 430 s.
    const twice = evaluateBurst(build(), schedule({ worker: [0, 1, 0, 1] }));
    expect(twice.events.map((x) => [x.start, x.end, x.leadSeconds])).toEqual([
      [1, 2, 430],
      [3, 4, 430],
    ]);
  });
});

describe('violations', () => {
  const only = (e: ReturnType<typeof evaluateBurst>) => e.violations.map((v) => ({ kind: v.kind, period: v.period, excess: v.excess }));

  it('coverage: home + cloud must equal the need', () => {
    // web period 2 needs 4; 1 at home + 2 in the cloud = 3, one short.
    const sch = B();
    sch.servers['web']!['dc']![2] = 1;
    const e = evaluateBurst(build(), sch);
    expect(only(e)).toEqual([{ kind: 'coverage', period: 2, excess: 1 }]);
    expect(e.violations[0]!.message).toContain('web');
    expect(e.feasible).toBe(false);
  });

  it('not-allowed: db may only run at dc (and has no vm figures: image 0 GB, boot 0 s, so no lead-time problem even in period 0)', () => {
    const e = evaluateBurst(build(), schedule({ db: [1, 0, 0, 0] }, ROOM));
    expect(only(e)).toEqual([{ kind: 'not-allowed', period: 0, excess: 1 }]);
    expect(e.violations[0]!.message).toMatch(/db.*allowed/);
    expect(e.events).toEqual([{ component: 'db', application: 'shop', start: 0, end: 1, leadSeconds: 0, preCopied: false, peakCloudServers: 1 }]);
  });

  it('unsplittable: all at home or all in the cloud', () => {
    // worker made unsplittable; B has it at 1 home + 2 cloud in period 2 → excess min(1, 2) = 1. Period 3 (all cloud) is fine.
    const e = evaluateBurst(
      build((d) => (d.applications[1]!.components[0]!['splittable'] = false)),
      B(),
    );
    expect(only(e)).toEqual([{ kind: 'unsplittable', period: 2, excess: 1 }]);
    expect(e.violations[0]!.message).toContain('worker');
  });

  it('capacity: servers in use over the site’s capacity', () => {
    // All at home uses [2, 4, 8, 3]; capacity 4 → period 2 is 4 over.
    const e = evaluateBurst(build(), schedule());
    expect(only(e)).toEqual([{ kind: 'capacity', period: 2, excess: 4 }]);
    expect(e.violations[0]!.message).toBe('dc: 8 servers in use, capacity 4');
  });

  it('capacity: vCPUs, and bought servers bring the mean vCPUs of the servers homed there', () => {
    // Capacity 10 servers, 26 vCPUs. All at home, period 2: web 4 × 4 + db 1 × 8 + worker 3 × 4 = 36 vCPUs → 10 over.
    // Other periods: 12, 20, 16. Buying 2 servers adds 2 × (2 × 4 + 1 × 8 + 1 × 4) ÷ 4 = 2 × 5 = 10 vCPUs → 36, it just fits
    // (at 4 vCPUs a bought server it would not).
    const s = build((d) => (d.sites[0]!['capacity'] = { servers: 10, vcpus: 26 }));
    const e = evaluateBurst(s, schedule());
    expect(only(e)).toEqual([{ kind: 'capacity', period: 2, excess: 10 }]);
    expect(e.violations[0]!.message).toContain('36 vCPUs');
    expect(evaluateBurst(s, schedule({}, { localCapacityAdded: { dc: 2 } })).violations).toEqual([]);
  });

  it('lead time: an onset needs its lead before it; a pre-copied image makes it fit', () => {
    // 10-minute periods: web bursting in period 1 has 600 s; copy + boot = 860 s → 260 s short.
    const s = build((d) => (d.demand!.periodMinutes = 10));
    const late = evaluateBurst(s, schedule({ web: [0, 1, 0, 0] }, ROOM));
    expect(only(late)).toEqual([{ kind: 'lead-time', period: 1, excess: 260 }]);
    expect(late.violations[0]!.message).toContain('web');
    // Pre-copied: 60 s boot ≤ 600 s.
    expect(evaluateBurst(s, schedule({ web: [0, 1, 0, 0] }, { ...ROOM, preCopied: ['web'] })).violations).toEqual([]);
    // Period 0 has no time before it: even the pre-copied 60 s boot is 60 s late.
    expect(only(evaluateBurst(s, schedule({ web: [1, 0, 0, 0] }, { ...ROOM, preCopied: ['web'] })))).toEqual([{ kind: 'lead-time', period: 0, excess: 60 }]);
  });

  it('a component moved before the horizon is in the cloud in period 0 with no onset: no lead time, no copy', () => {
    const s = build((d) => (d.demand!.periodMinutes = 10));
    const moved = evaluateBurst(s, schedule({ web: [1, 1, 0, 0] }, { ...ROOM, inCloudBeforeHorizon: ['web'] }));
    expect(moved.violations).toEqual([]);
    expect(moved.cost.imageTransfer).toBe(0);
    // Its later bursts are onsets as usual: back in period 3 with a 10 GB copy at $0.02/GB = $0.20; 1,800 s before it are enough for 860 s.
    const again = evaluateBurst(s, schedule({ web: [1, 0, 0, 1] }, { ...ROOM, inCloudBeforeHorizon: ['web'] }));
    close(again.cost.imageTransfer, 0.2);
    expect(only(again)).toEqual([]);
  });

  it('reaction: with a limit, every burst must start within it', () => {
    // Limit 10 min = 600 s: web's 860 s is 260 over (period 2); worker's 430 s fits; pre-copied web (60 s) fits.
    const e = evaluateBurst(build(), B(), { maxReactionMinutes: 10 });
    expect(only(e)).toEqual([{ kind: 'reaction', period: 2, excess: 260 }]);
    expect(e.violations[0]!.message).toContain('web');
    expect(evaluateBurst(build(), { ...B(), preCopied: ['web'] }, { maxReactionMinutes: 10 }).violations).toEqual([]);
    expect(evaluateBurst(build(), B()).violations).toEqual([]);
  });

  it('response time: the mean increase per transaction, region and period against its bound', () => {
    // web wholly in the cloud in period 1 (φ 1): buy crosses 2 calls × 1 × (10 ms + 5,500 B × 8 ÷ (100 Mbps × 1000) = 0.44 ms)
    // = 20.88 ms, users + 6 ms → 26.88 ms. With a bound of 20 ms: 6.88 over.
    const s = build((d) => ((d.applications[0]!.transactions[0]!['slo'] as { maxMeanIncreaseMs: number }).maxMeanIncreaseMs = 20));
    const e = evaluateBurst(s, schedule({ web: [0, 2, 0, 0] }, ROOM));
    expect(e.violations.map((v) => [v.kind, v.period])).toEqual([['response-time', 1]]);
    close(e.violations[0]!.excess, 6.88);
    expect(e.violations[0]!.message).toMatch(/buy.*users/);
    expect(e.worstDelays).toHaveLength(1);
    expect(e.worstDelays[0]).toMatchObject({ transaction: 'buy', region: 'users', period: 1, boundMs: 20 });
    close(e.worstDelays[0]!.increaseMs, 26.88);
  });

  it('worst delays: a half split, and a transaction without a bound', () => {
    // B period 2, web φ ½: buy 2 × ½ × 10.44 + ½ × 6 = 13.44 ms (bound 50).
    // With feed (entry worker, φ 0 in period 1, web φ ½): 1 × ½ × (10 + 11,000 × 8 ÷ 100,000 = 0.88) = 5.44 ms, no bound.
    const e = evaluateBurst(build(withFeed), schedule({ web: [0, 1, 2, 0] }));
    const buy = e.worstDelays.find((d) => d.transaction === 'buy')!;
    const feed = e.worstDelays.find((d) => d.transaction === 'feed')!;
    expect(buy.period).toBe(1); // periods 1 and 2 tie at φ ½; the first is reported
    close(buy.increaseMs, 13.44);
    expect(feed).toMatchObject({ region: 'users', period: 1 });
    expect(feed.boundMs).toBeUndefined();
    close(feed.increaseMs, 5.44);
  });

  it('bandwidth: crossing traffic per direction over the link’s capacity', () => {
    // The feed schedule at 4 Mbps: dc → aws carries 4.4 Mbps (0.4 over), aws → dc 0.44 Mbps.
    // web pre-copied so the slower link does not also make its burst late.
    const s = build((d) => {
      withFeed(d);
      d.network.links[0]!['bandwidthMbps'] = 4;
    });
    const e = evaluateBurst(s, schedule({ web: [0, 1, 0, 0] }, { ...ROOM, preCopied: ['web'] }));
    expect(e.violations.map((v) => [v.kind, v.period])).toEqual([['bandwidth', 1]]);
    close(e.violations[0]!.excess, 0.4);
    expect(e.violations[0]!.message).toContain('dc → aws');
  });
});

describe('properties', () => {
  const demandArb = fc.record({
    shop: fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 4, maxLength: 4 }),
    batch: fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 4, maxLength: 4 }),
  });
  const withDemand = (demand: { shop: number[]; batch: number[] }) =>
    build((d) => {
      d.demand!.profiles[0]!.values = demand.shop;
      d.demand!.profiles[1]!.values = demand.batch;
    });

  it('costByPeriod sums to cost, term by term, and the total is the sum of the terms', () => {
    fc.assert(
      fc.property(
        demandArb,
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 8, maxLength: 8 }),
        fc.subarray(['web', 'worker', 'db']),
        fc.integer({ min: 0, max: 5 }),
        (demand, shares, preCopied, added) => {
          const s = withDemand(demand);
          const need = burstNeed(s);
          // A cloud share per splittable component and period, in whole servers.
          const cloud = {
            web: need['web']!.map((r, p) => Math.round(r * shares[p]!)),
            worker: need['worker']!.map((r, p) => Math.round(r * shares[p + 4]!)),
          };
          const e = evaluateBurst(s, schedule(cloud, { preCopied, localCapacityAdded: { dc: added } }, need));
          for (const term of [...BURST_COST_TERMS, 'total'] as const) {
            const sum = e.costByPeriod.reduce((acc, c) => acc + c[term], 0);
            expect(sum).toBeCloseTo(e.cost[term], 9);
          }
          expect(e.cost.total).toBeCloseTo(BURST_COST_TERMS.reduce((acc, t) => acc + e.cost[t], 0), 9);
          expect(e.feasible).toBe(e.violations.length === 0);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('all at home within capacity: no cloud, WAN or image cost, feasible, and users priced at home', () => {
    fc.assert(
      fc.property(demandArb, (demand) => {
        const s = withDemand(demand);
        const need = burstNeed(s);
        const peak = Math.max(...[0, 1, 2, 3].map((p) => need['web']![p]! + need['db']![p]! + need['worker']![p]!));
        const e = evaluateBurst(s, schedule({}, { localCapacityAdded: { dc: Math.max(0, peak - 4) } }, need));
        expect(e.cost.cloudServers).toBe(0);
        expect(e.cost.wanTransfer).toBe(0);
        expect(e.cost.imageTransfer).toBe(0);
        expect(e.cost.imageStorage).toBe(0);
        expect(e.events).toEqual([]);
        expect(e.feasible).toBe(true);
        // 100 tx/s at the average, scaled by d/mean per hour: Σ_p 100 × (d_p / mean) × 3,600 × 10,000 B × $0.01/GB.
        const mean = demand.shop.reduce((a, b) => a + b, 0) / 4;
        const tx = mean > 0 ? demand.shop.reduce((acc, d) => acc + (100 * d * 3600) / mean, 0) : 0;
        expect(e.cost.userTransfer).toBeCloseTo((tx * 10000 * 0.01) / 1e9, 9);
      }),
      { numRuns: 200 },
    );
  });
});

describe('the seasonal sample', () => {
  it('all at home exceeds the 40 servers in exactly the hours where the needs add up to more than 40', () => {
    const parsed = parseScenario(seasonalDocument);
    if (!parsed.ok) throw new Error('seasonal.json does not parse');
    const s = parsed.scenario;
    // Independently of the evaluator: Σ over components of ceil(demand ÷ throughput), straight from the JSON.
    const raw = seasonalDocument as unknown as {
      applications: { id: string; components: { id: string; throughputPerServer: number }[] }[];
      demand: { profiles: { application: string; values: number[] }[] };
    };
    const hours = raw.demand.profiles[0]!.values.length;
    const totals = Array.from({ length: hours }, (_, p) =>
      raw.applications.reduce((n, app) => {
        const d = raw.demand.profiles.find((x) => x.application === app.id)!.values[p]!;
        return n + app.components.reduce((m, c) => m + (d > 0 ? Math.ceil(d / c.throughputPerServer - 1e-9) : 0), 0);
      }, 0),
    );
    const over = totals.flatMap((n, p) => (n > 40 ? [p] : []));

    const need = burstNeed(s);
    const servers: BurstSchedule['servers'] = {};
    for (const [id, r] of Object.entries(need)) servers[id] = { 'dc-columbus': r };
    const e = evaluateBurst(s, { burstRegion: null, servers, preCopied: [], localCapacityAdded: {} });

    expect(e.periods).toBe(168);
    const capacity = e.violations.filter((v) => v.kind === 'capacity');
    expect(capacity.map((v) => v.period)).toEqual(over);
    expect(capacity.map((v) => v.excess)).toEqual(over.map((p) => totals[p]! - 40));
    expect(e.violations.filter((v) => v.kind !== 'capacity')).toEqual([]);
    // The README's figures: 9 hours over, 55 servers at the Black Friday evening peak.
    expect(over).toHaveLength(9);
    expect(Math.max(...totals)).toBe(55);
    // All at home costs the owned capacity, 40 × the count-weighted mean monthly price × 168 h ÷ 730 h, and users' transfer; nothing else.
    const homed = s.applications.flatMap((a) => a.components);
    const dc = s.sites.find((x) => x.id === 'dc-columbus')!;
    const price = (cls: string) => dc.serverClasses.find((x) => x.serverClass === cls)!.priceUSD;
    const mean = homed.reduce((n, c) => n + c.servers * price(c.serverClass), 0) / homed.reduce((n, c) => n + c.servers, 0);
    close(e.cost.localOwned, (40 * mean * 168) / 730);
    expect(e.cost.cloudServers + e.cost.wanTransfer + e.cost.imageTransfer + e.cost.imageStorage).toBe(0);
  });
});
