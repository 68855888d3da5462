/** fast-check arbitrary of small valid scenarios, for property tests of the optimiser. */
import fc from 'fast-check';
import { parseScenario } from '../scenario/validate';
import type { Scenario } from '../scenario/schema';

const price = (max: number) => fc.integer({ min: 0, max: max * 100 }).map((cents) => cents / 100);

const siteArb = (index: number) =>
  fc.record({
    kind: index === 0 ? fc.constant('onPremise' as const) : fc.constantFrom('onPremise' as const, 'cloud' as const),
    provider: fc.constantFrom('AWS', 'Azure'),
    stdPrice: price(400),
    billing: fc.constantFrom('hour' as const, 'month' as const),
    offersBig: fc.boolean(),
    bigPrice: price(800),
    capacity: fc.option(fc.integer({ min: 0, max: 12 }), { nil: undefined }),
    storage: price(0.2),
    egress: price(0.12),
    ingress: price(0.02),
    interRegion: fc.option(price(0.05), { nil: undefined }),
  });

const componentArb = fc.record({
  servers: fc.integer({ min: 1, max: 4 }),
  big: fc.boolean(),
  storageGB: fc.integer({ min: 0, max: 2000 }),
  allowedMask: fc.option(fc.integer({ min: 0, max: 15 }), { nil: undefined }),
  group: fc.constantFrom(undefined, undefined, 'g1', 'g2'),
});

const edgeArb = fc.record({
  from: fc.nat(),
  to: fc.nat(),
  calls: fc.integer({ min: 0, max: 5 }),
  req: fc.integer({ min: 0, max: 50_000 }),
  resp: fc.integer({ min: 0, max: 200_000 }),
});

export const smallScenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    siteCount: fc.integer({ min: 2, max: 4 }),
    sites: fc.tuple(siteArb(0), siteArb(1), siteArb(2), siteArb(3)),
    linkPrices: fc.array(fc.option(price(0.05), { nil: undefined }), { minLength: 6, maxLength: 6 }),
    components: fc.array(componentArb, { minLength: 2, maxLength: 5 }),
    splitAt: fc.nat(),
    transactions: fc.array(
      fc.record({ entry: fc.nat(), rate: fc.integer({ min: 0, max: 50 }), userReq: fc.integer({ min: 0, max: 5000 }), userResp: fc.integer({ min: 0, max: 100_000 }), edges: fc.array(edgeArb, { maxLength: 4 }) }),
      { maxLength: 3 },
    ),
  })
  .map((r) => {
    const siteIds = ['s0', 's1', 's2', 's3'].slice(0, r.siteCount);
    const sites = siteIds.map((id, i) => {
      const x = r.sites[i]!;
      return {
        id,
        name: `Site ${i}`,
        kind: x.kind,
        ...(x.kind === 'cloud' ? { provider: x.provider } : {}),
        serverClasses: [
          { serverClass: 'std', priceUSD: x.stdPrice, billing: x.billing },
          ...(x.offersBig || i === 0 ? [{ serverClass: 'big', priceUSD: x.bigPrice, billing: x.billing }] : []),
        ],
        capacity: x.capacity === undefined ? {} : { servers: x.capacity },
        storagePricePerGBMonthUSD: x.storage,
        transferPricePerGBUSD: { egress: x.egress, ingress: x.ingress, ...(x.interRegion !== undefined ? { interRegion: x.interRegion } : {}) },
      };
    });
    const links = [];
    let k = 0;
    for (let i = 0; i < siteIds.length; i++)
      for (let j = i + 1; j < siteIds.length; j++) {
        const p = r.linkPrices[k++];
        links.push({ between: [siteIds[i], siteIds[j]], latency: { meanMs: 10 * (i + j), p95Ms: 15 * (i + j) }, bandwidthMbps: 1000, ...(p !== undefined ? { pricePerGBUSD: p } : {}) });
      }
    const componentIds = r.components.map((_, i) => `c${i}`);
    const components = r.components.map((c, i) => {
      const allowed = c.allowedMask === undefined ? undefined : siteIds.filter((_, s) => s === 0 || (c.allowedMask! >> s) & 1);
      return {
        id: componentIds[i],
        name: `Component ${i}`,
        servers: c.servers,
        serverClass: c.big ? 'big' : 'std',
        storageGB: c.storageGB,
        homeSite: 's0',
        ...(allowed ? { allowedSites: allowed } : {}),
        ...(c.group ? { colocationGroup: c.group } : {}),
      };
    });
    const split = 1 + (r.splitAt % (components.length - 1));
    const applications = [
      { id: 'a0', name: 'App 0', components: components.slice(0, split), transactions: [] as unknown[] },
      { id: 'a1', name: 'App 1', components: components.slice(split), transactions: [] as unknown[] },
    ];
    r.transactions.forEach((t, i) => {
      const pick = (n: number) => componentIds[n % componentIds.length]!;
      // Calls fan out from the entry: each caller is the entry or an earlier callee.
      const reached = [pick(t.entry)];
      const calls = t.edges.map((e) => {
        const from = reached[e.from % reached.length]!;
        const to = pick(e.to);
        reached.push(to);
        return { from, to, callsPerTransaction: e.calls, requestBytes: e.req, responseBytes: e.resp };
      });
      applications[i % 2]!.transactions.push({
        id: `t${i}`,
        name: `Transaction ${i}`,
        entryComponent: pick(t.entry),
        userRequestBytes: t.userReq,
        userResponseBytes: t.userResp,
        ratePerSecond: { u0: t.rate },
        calls,
      });
    });
    return {
      formatVersion: 1,
      name: 'random',
      pricing: { currency: 'USD', asOf: '2026-11-01' },
      sites,
      network: { links },
      userRegions: [{ id: 'u0', name: 'Users', latencyToSites: Object.fromEntries(siteIds.map((id) => [id, { meanMs: 20, p95Ms: 40 }])) }],
      applications,
    };
  })
  .map((doc) => parseScenario(doc))
  .filter((r): r is Extract<ReturnType<typeof parseScenario>, { ok: true }> => r.ok)
  .map((r) => r.scenario);
