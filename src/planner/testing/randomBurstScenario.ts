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
