/**
 * Small random bursting scenarios for property tests and exhaustive search:
 * one data centre that is too small in some periods, one or two clouds, a few
 * applications with a splittable tier and sometimes a pinned, unsplittable one.
 */
import type { ScenarioInput } from '../scenario/schema';
import { seededRandom } from './generateEstate';

export interface RandomBurstOptions {
  periods: number;
  applications: number;
  /** Largest demand in servers of one component. */
  maxNeed: number;
  clouds?: number;
}

export function randomBurstScenario(seed: number, o: RandomBurstOptions): ScenarioInput {
  const rnd = seededRandom(seed * 104729 + 17);
  const pick = (lo: number, hi: number) => lo + rnd() * (hi - lo);
  const int = (lo: number, hi: number) => Math.floor(pick(lo, hi + 1));
  const clouds = Array.from({ length: o.clouds ?? 1 }, (_, i) => `cloud${i + 1}`);
  const dataCentre = {
      id: 'dc',
      name: 'Data centre',
      kind: 'onPremise' as const,
      serverClasses: [{ serverClass: 'std', priceUSD: 200, billing: 'month' as const, vcpus: 4 }],
      capacity: { servers: 0 },
      storagePricePerGBMonthUSD: 0.05,
      transferPricePerGBUSD: { egress: 0.01, ingress: 0 },
  };
  const sites = [
    dataCentre,
    ...clouds.map((id) => ({
      id,
      name: id,
      kind: 'cloud' as const,
      serverClasses: [{ serverClass: 'std', priceUSD: Number(pick(0.1, 0.6).toFixed(3)), billing: 'hour' as const, vcpus: 4 }],
      storagePricePerGBMonthUSD: Number(pick(0.05, 2).toFixed(3)),
      transferPricePerGBUSD: { egress: Number(pick(0.02, 0.12).toFixed(3)), ingress: 0 },
    })),
  ];
  const links = [
    ...clouds.map((id) => ({ between: ['dc', id] as [string, string], latency: { meanMs: int(2, 30), p95Ms: 40 }, bandwidthMbps: int(20, 400) })),
    ...clouds.flatMap((a, i) => clouds.slice(i + 1).map((b) => ({ between: [a, b] as [string, string], latency: { meanMs: 10, p95Ms: 20 }, bandwidthMbps: 1000 }))),
  ];
  const latencyToSites = Object.fromEntries([['dc', { meanMs: 20, p95Ms: 40 }], ...clouds.map((id) => [id, { meanMs: int(15, 40), p95Ms: 60 }])]);
  const applications = [];
  const profiles = [];
  let peak = 0;
  const totals = Array(o.periods).fill(0);
  for (let a = 0; a < o.applications; a++) {
    const id = `app${a + 1}`;
    const withDb = rnd() < 0.6;
    // Quiet at the start (a burst in period 0 could never have started in time), then anything.
    const values = Array.from({ length: o.periods }, (_, p) => (p === 0 ? 10 : int(0, o.maxNeed) * 10));
    const components: Record<string, unknown>[] = [
      {
        id: `${id}-web`,
        name: `${id} web`,
        servers: 1,
        serverClass: 'std',
        homeSite: 'dc',
        splittable: rnd() < 0.75,
        replicationMbps: rnd() < 0.3 ? int(1, 20) : 0,
        throughputPerServer: 10,
        vm: { imageGB: int(1, 60), bootSeconds: int(0, 300) },
      },
    ];
    if (withDb) components.push({ id: `${id}-db`, name: `${id} db`, servers: 1, serverClass: 'std', homeSite: 'dc', allowedSites: ['dc'] });
    values.forEach((v, p) => (totals[p] += v / 10 + (withDb ? 1 : 0)));
    applications.push({
      id,
      name: id,
      components,
      transactions: [
        {
          id: `${id}-tx`,
          name: `${id} tx`,
          entryComponent: `${id}-web`,
          userRequestBytes: int(0, 5000),
          userResponseBytes: int(0, 50000),
          ratePerSecond: { users: int(1, 30) },
          calls: withDb ? [{ from: `${id}-web`, to: `${id}-db`, callsPerTransaction: int(1, 4), requestBytes: int(100, 2000), responseBytes: int(500, 20000) }] : [],
          slo: rnd() < 0.5 ? { maxMeanIncreaseMs: int(20, 150) } : {},
        },
      ],
    });
    profiles.push({ application: id, values });
  }
  peak = Math.max(...totals);
  // Room for somewhat more than the quietest period and less than the peak, so that something must burst.
  dataCentre.capacity = { servers: Math.max(Math.min(...totals), Math.floor(peak * pick(0.5, 0.9))) };
  return {
    formatVersion: 1,
    name: `random bursting ${seed}`,
    pricing: { currency: 'USD', asOf: '2026-11-01', hoursPerMonth: 730 },
    sites,
    network: { intraSiteLatency: { meanMs: 0.5, p95Ms: 1 }, links },
    userRegions: [{ id: 'users', name: 'Users', latencyToSites }],
    applications,
    demand: { periodMinutes: 60, profiles },
  } as unknown as ScenarioInput;
}

/**
 * Two data centres and one cloud: shop (web at dc1 calling its database, pinned at dc1) and
 * portal (web at dc2 calling the same database across dc2 → dc1), so crossings use either
 * home's link; dc1 sometimes limits vCPUs too. For exhaustive search: two burstable tiers.
 */
export function randomTwoSiteBurstScenario(seed: number, periods = 3): ScenarioInput {
  const rnd = seededRandom(seed * 7727 + 5);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const price = (lo: number, hi: number) => Number((lo + rnd() * (hi - lo)).toFixed(3));
  const dc = (id: string, servers: number, vcpus?: number) => ({
    id,
    name: id,
    kind: 'onPremise',
    serverClasses: [
      { serverClass: 'std', priceUSD: 150 + int(0, 100), billing: 'month', vcpus: 4 },
      { serverClass: 'big', priceUSD: 300, billing: 'month', vcpus: 8 },
    ],
    capacity: { servers, ...(vcpus !== undefined ? { vcpus } : {}) },
    storagePricePerGBMonthUSD: 0.05,
    transferPricePerGBUSD: { egress: price(0, 0.03), ingress: 0 },
  });
  const shop = [10, ...Array.from({ length: periods - 1 }, () => int(0, 2) * 10)];
  const portal = [10, ...Array.from({ length: periods - 1 }, () => int(0, 2) * 10)];
  // dc1 holds the shop's web tier and its database (8 vCPUs); dc2 the portal's web tier.
  const dc1Need = shop.map((v) => v / 10 + 1);
  const limitVcpus = rnd() < 0.5;
  return {
    formatVersion: 1,
    name: `random two-site bursting ${seed}`,
    pricing: { currency: 'USD', asOf: '2026-11-01', hoursPerMonth: 730 },
    sites: [
      dc('dc1', Math.max(...dc1Need) - int(0, 1), limitVcpus ? 4 * (Math.max(...dc1Need) - 2) + 8 : undefined),
      dc('dc2', Math.max(1, Math.max(...portal) / 10 - int(0, 1))),
      {
        id: 'cloud',
        name: 'cloud',
        kind: 'cloud',
        serverClasses: [
          { serverClass: 'std', priceUSD: price(0.1, 0.6), billing: 'hour', vcpus: 4 },
          { serverClass: 'big', priceUSD: 1, billing: 'hour', vcpus: 8 },
        ],
        storagePricePerGBMonthUSD: price(0.05, 2),
        transferPricePerGBUSD: { egress: price(0.02, 0.12), ingress: price(0, 0.02) },
      },
    ],
    network: {
      intraSiteLatency: { meanMs: 0.5, p95Ms: 1 },
      links: [
        { between: ['dc1', 'cloud'], latency: { meanMs: int(2, 20), p95Ms: 40 }, bandwidthMbps: int(20, 400) },
        { between: ['dc2', 'cloud'], latency: { meanMs: int(2, 40), p95Ms: 60 }, bandwidthMbps: int(20, 400), ...(rnd() < 0.5 ? { pricePerGBUSD: price(0, 0.2) } : {}) },
        { between: ['dc1', 'dc2'], latency: { meanMs: 10, p95Ms: 20 }, bandwidthMbps: 1000 },
      ],
    },
    userRegions: [{ id: 'users', name: 'Users', latencyToSites: { dc1: { meanMs: 20, p95Ms: 40 }, dc2: { meanMs: 25, p95Ms: 50 }, cloud: { meanMs: int(15, 40), p95Ms: 60 } } }],
    applications: [
      {
        id: 'shop',
        name: 'shop',
        components: [
          { id: 'shop-web', name: 'shop web', servers: 1, serverClass: 'std', homeSite: 'dc1', splittable: rnd() < 0.7, throughputPerServer: 10, vm: { imageGB: int(1, 60), bootSeconds: int(0, 300) } },
          { id: 'shop-db', name: 'shop db', servers: 1, serverClass: 'big', homeSite: 'dc1', allowedSites: ['dc1'] },
        ],
        transactions: [
          {
            id: 'buy',
            name: 'buy',
            entryComponent: 'shop-web',
            userRequestBytes: int(0, 5000),
            userResponseBytes: int(0, 50000),
            ratePerSecond: { users: int(1, 30) },
            calls: [{ from: 'shop-web', to: 'shop-db', callsPerTransaction: int(1, 4), requestBytes: int(100, 2000), responseBytes: int(500, 20000) }],
            slo: rnd() < 0.5 ? { maxMeanIncreaseMs: int(20, 150) } : {},
          },
        ],
      },
      {
        id: 'portal',
        name: 'portal',
        components: [{ id: 'portal-web', name: 'portal web', servers: 1, serverClass: 'std', homeSite: 'dc2', splittable: rnd() < 0.7, throughputPerServer: 10, vm: { imageGB: int(1, 60), bootSeconds: int(0, 300) } }],
        transactions: [
          {
            id: 'order',
            name: 'order',
            entryComponent: 'portal-web',
            userRequestBytes: int(0, 5000),
            userResponseBytes: int(0, 50000),
            ratePerSecond: { users: int(1, 30) },
            calls: [{ from: 'portal-web', to: 'shop-db', callsPerTransaction: int(1, 3), requestBytes: int(100, 2000), responseBytes: int(500, 20000) }],
            slo: rnd() < 0.5 ? { maxMeanIncreaseMs: int(30, 200) } : {},
          },
        ],
      },
    ],
    demand: { periodMinutes: 60, profiles: [{ application: 'shop', values: shop }, { application: 'portal', values: portal }] },
  } as unknown as ScenarioInput;
}
