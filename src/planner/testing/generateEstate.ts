/**
 * Deterministic synthetic estates for the bench: applications of 3–6 tiers
 * (web → app → db, with a cache or queue), one or two data centres that cannot
 * hold everything, and cloud regions with different prices and distances.
 */
import type { ScenarioInput } from '../scenario/schema';
import { mulberry32 } from '../evaluate/layoutStats';

/** The same seeded PRNG the evaluator's Monte Carlo uses, so every run benchmarks the same estates. */
export const seededRandom = mulberry32;

/**
 * `capacityBinds`: on-premise servers are cheaper than the cloud, so every application
 * would rather stay, and the data centres' capacity decides who moves.
 */
export function generateEstate(components: number, sites: number, seed = 1, capacityBinds = false): ScenarioInput {
  const rnd = seededRandom(seed * 7919 + components * 31 + sites);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const onPremCount = sites >= 5 ? 2 : 1;
  const siteIds = Array.from({ length: sites }, (_, i) => (i < onPremCount ? `dc${i + 1}` : `cloud${i - onPremCount + 1}`));
  const regions = ['hq', 'na', 'eu'];

  const apps: any[] = [];
  let made = 0;
  let appIndex = 0;
  while (made < components) {
    const size = Math.min(components - made, 3 + Math.floor(rnd() * 4));
    const id = `app${++appIndex}`;
    const home = siteIds[appIndex % onPremCount]!;
    const tiers = Array.from({ length: size }, (_, k) => {
      const role = k === 0 ? 'frontend' : k === size - 1 ? 'database' : pick(['app', 'app', 'cache', 'queue'] as const);
      const servers = role === 'database' ? 1 + Math.floor(rnd() * 3) : 2 + Math.floor(rnd() * 6);
      const pinned = role === 'database' && rnd() < 0.3;
      return {
        id: `${id}-t${k + 1}`,
        name: `${id} ${role} ${k + 1}`,
        role,
        servers,
        serverClass: role === 'database' ? 'mem' : 'std',
        storageGB: role === 'database' ? Math.round(100 + rnd() * 900) : 20,
        homeSite: home,
        splittable: role !== 'database' && servers > 1,
        ...(pinned ? { allowedSites: [home] } : {}),
      };
    });
    const calls = tiers.slice(1).map((t, k) => ({
      from: tiers[k]!.id,
      to: t.id,
      callsPerTransaction: 1 + Math.floor(rnd() * 4),
      requestBytes: Math.round(500 + rnd() * 4000),
      responseBytes: Math.round(2000 + rnd() * 40000),
    }));
    const rate = () => Math.round(rnd() * 40 * 10) / 10;
    apps.push({
      id,
      name: `Application ${appIndex}`,
      components: tiers,
      transactions: [
        {
          id: `${id}-main`,
          name: `${id} main`,
          entryComponent: tiers[0]!.id,
          userRequestBytes: 2000,
          userResponseBytes: Math.round(20000 + rnd() * 80000),
          ratePerSecond: Object.fromEntries(regions.map((r) => [r, rate()])),
          calls,
          processingMs: Object.fromEntries(tiers.map((t) => [t.id, 2 + Math.round(rnd() * 20)])),
          slo: { maxMeanIncreaseMs: 40 + Math.round(rnd() * 160) },
        },
      ],
    });
    made += size;
  }
  const totalServers = apps.flatMap((a) => a.components).reduce((n: number, c: any) => n + c.servers, 0);

  const siteDefs = siteIds.map((id, i) => {
    const onPrem = i < onPremCount;
    return {
      id,
      name: onPrem ? `Data centre ${i + 1}` : `Cloud region ${i - onPremCount + 1}`,
      kind: onPrem ? ('onPremise' as const) : ('cloud' as const),
      ...(onPrem ? {} : { provider: i % 2 ? 'AWS' : 'Azure' }),
      serverClasses: onPrem
        ? [
            { serverClass: 'std', priceUSD: (capacityBinds ? 70 : 240) + Math.round(rnd() * 80), billing: 'month' as const },
            { serverClass: 'mem', priceUSD: (capacityBinds ? 150 : 320) + Math.round(rnd() * 120), billing: 'month' as const },
          ]
        : [
            { serverClass: 'std', priceUSD: Math.round((0.17 + rnd() * 0.08) * 1000) / 1000, billing: 'hour' as const },
            { serverClass: 'mem', priceUSD: Math.round((0.45 + rnd() * 0.3) * 1000) / 1000, billing: 'hour' as const },
          ],
      // The data centres together hold about 75% of today's servers: something must move.
      capacity: onPrem ? { servers: Math.round((0.75 * totalServers) / onPremCount) + 4 } : {},
      storagePricePerGBMonthUSD: onPrem ? 0.05 : 0.08 + Math.round(rnd() * 4) / 100,
      transferPricePerGBUSD: onPrem ? { egress: 0.01, ingress: 0 } : { egress: 0.087 + Math.round(rnd() * 3) / 1000, ingress: 0, interRegion: 0.02 },
    };
  });
  const links = [];
  for (let i = 0; i < sites; i++)
    for (let j = i + 1; j < sites; j++) {
      const mean = 5 + Math.round(rnd() * 70);
      links.push({ between: [siteIds[i]!, siteIds[j]!] as [string, string], latency: { meanMs: mean, p95Ms: Math.round(mean * 1.5) }, bandwidthMbps: 10000 });
    }
  const userRegions = regions.map((r, k) => ({
    id: r,
    name: r.toUpperCase(),
    latencyToSites: Object.fromEntries(siteIds.map((s, i) => {
      const mean = (i < onPremCount ? (k === 0 ? 3 : 30 + 40 * k) : 15 + Math.round(rnd() * 80));
      return [s, { meanMs: mean, p95Ms: Math.round(mean * 1.6) }];
    })),
  }));
  return {
    formatVersion: 1,
    name: `Synthetic estate: ${components} components over ${sites} sites${capacityBinds ? ', capacity binding' : ''}`,
    pricing: { currency: 'USD', asOf: '2026-11-01', sources: ['synthetic bench figures'] },
    sites: siteDefs,
    network: { links },
    userRegions,
    applications: apps,
  };
}
