/**
 * Deterministic bursting estates for the bench: A applications (web → app → a
 * pinned database, some with a cache) homed in one data centre, hourly demand
 * over a week with a daily rhythm, weekday/weekend differences and a few peaks
 * per application, and a data centre that fits the typical hour but not the peaks.
 */
import type { ScenarioInput } from '../scenario/schema';
import { seededRandom } from './generateEstate';

export function generateBurstEstate(applications: number, periods = 168, seed = 1): ScenarioInput {
  const rnd = seededRandom(seed * 6151 + applications * 97 + periods);
  const between = (lo: number, hi: number) => lo + rnd() * (hi - lo);
  const clouds = ['cloud1', 'cloud2'];
  const apps = [];
  const profiles = [];
  const totals = Array<number>(periods).fill(0);
  for (let a = 1; a <= applications; a++) {
    const id = `app${a}`;
    const base = between(50, 400);
    const phase = between(0, 24);
    const peaks = Array.from({ length: 2 }, () => Math.floor(between(24, periods - 6)));
    const values = Array.from({ length: periods }, (_, p) => {
      const daily = 0.55 + 0.45 * Math.sin(((p % 24) - phase) * (Math.PI / 12));
      const weekend = Math.floor(p / 24) % 7 >= 5 ? 0.7 : 1;
      const peak = peaks.some((q) => p >= q && p < q + 4) ? between(1.8, 2.6) : 1;
      return Math.round(base * daily * weekend * peak * 10) / 10;
    });
    const withCache = rnd() < 0.4;
    const tiers = [
      { id: `${id}-web`, name: `${id} web`, servers: 2, serverClass: 'std', homeSite: 'dc', splittable: true, throughputPerServer: 60, vm: { imageGB: 10, bootSeconds: 60 } },
      { id: `${id}-app`, name: `${id} app`, servers: 3, serverClass: 'std', homeSite: 'dc', splittable: true, throughputPerServer: 35, vm: { imageGB: 15, bootSeconds: 120 } },
      ...(withCache ? [{ id: `${id}-cache`, name: `${id} cache`, servers: 1, serverClass: 'mem', homeSite: 'dc', splittable: true, replicationMbps: 5, throughputPerServer: 400, vm: { imageGB: 4, bootSeconds: 45 } }] : []),
      { id: `${id}-db`, name: `${id} db`, servers: 1, serverClass: 'mem', homeSite: 'dc', allowedSites: ['dc'], storageGB: 500, vm: { imageGB: 500, bootSeconds: 300 } },
    ];
    values.forEach((v, p) => (totals[p]! += tiers.reduce((n, t) => n + (t.throughputPerServer ? Math.ceil(v / t.throughputPerServer) : t.servers), 0)));
    apps.push({
      id,
      name: `Application ${a}`,
      components: tiers,
      transactions: [
        {
          id: `${id}-tx`,
          name: `${id} request`,
          entryComponent: `${id}-web`,
          userRequestBytes: 2000,
          userResponseBytes: 40000,
          ratePerSecond: { users: Math.round(base * 0.55) },
          calls: [
            { from: `${id}-web`, to: `${id}-app`, callsPerTransaction: 2, requestBytes: 1000, responseBytes: 8000 },
            ...(withCache ? [{ from: `${id}-app`, to: `${id}-cache`, callsPerTransaction: 3, requestBytes: 200, responseBytes: 2000 }] : []),
            { from: `${id}-app`, to: `${id}-db`, callsPerTransaction: 2, requestBytes: 500, responseBytes: 4000 },
          ],
          slo: { maxMeanIncreaseMs: 80 },
        },
      ],
    });
    profiles.push({ application: id, values });
  }
  const sorted = [...totals].sort((x, y) => x - y);
  const capacity = sorted[Math.floor(periods * 0.9)]!;
  return {
    formatVersion: 1,
    name: `Bursting estate: ${applications} applications, ${periods} periods`,
    pricing: { currency: 'USD', asOf: '2024-06-01', hoursPerMonth: 730 },
    sites: [
      {
        id: 'dc',
        name: 'Data centre',
        kind: 'onPremise',
        serverClasses: [
          { serverClass: 'std', priceUSD: 230, billing: 'month', vcpus: 4 },
          { serverClass: 'mem', priceUSD: 330, billing: 'month', vcpus: 16 },
        ],
        capacity: { servers: capacity },
        storagePricePerGBMonthUSD: 0.06,
        transferPricePerGBUSD: { egress: 0.01, ingress: 0 },
      },
      ...clouds.map((id, i) => ({
        id,
        name: id,
        kind: 'cloud' as const,
        serverClasses: [
          { serverClass: 'std', priceUSD: 0.192 + 0.02 * i, billing: 'hour' as const, vcpus: 4 },
          { serverClass: 'mem', priceUSD: 1.008, billing: 'hour' as const, vcpus: 16 },
        ],
        storagePricePerGBMonthUSD: 0.08,
        transferPricePerGBUSD: { egress: 0.09 - 0.01 * i, ingress: 0 },
      })),
    ],
    network: {
      links: [
        { between: ['dc', 'cloud1'], latency: { meanMs: 4, p95Ms: 7 }, bandwidthMbps: 1000 },
        { between: ['dc', 'cloud2'], latency: { meanMs: 14, p95Ms: 20 }, bandwidthMbps: 1000 },
        { between: ['cloud1', 'cloud2'], latency: { meanMs: 12, p95Ms: 18 }, bandwidthMbps: 2000 },
      ],
    },
    userRegions: [{ id: 'users', name: 'Users', latencyToSites: { dc: { meanMs: 30, p95Ms: 60 }, cloud1: { meanMs: 30, p95Ms: 58 }, cloud2: { meanMs: 33, p95Ms: 62 } } }],
    applications: apps,
    demand: { periodMinutes: 60, start: '2026-11-23T00:00:00Z', profiles },
  } as unknown as ScenarioInput;
}
