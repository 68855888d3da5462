/** Small hand-made scenario documents for tests: every number here is chosen to make hand computation easy. */
import type { Scenario, ScenarioInput } from '../scenario/schema';
import { parseScenario } from '../scenario/validate';

/**
 * Two sites, one application (web → db), one user region.
 * Hand-computed monthly figures (730 h, 1 GB = 1e9 B, 10 tx/s → 26,280,000 tx/month):
 *  - on-prem "dc": std server $300/month, storage $0.05/GB-month, egress $0.01/GB, ingress 0, capacity 3 servers
 *  - cloud "aws": std server $0.20/h = $146/month, storage $0.08/GB-month, egress $0.09/GB, ingress 0
 *  - users → web: 2,000 B (52.56 GB), web → users: 50,000 B (1,314 GB)
 *  - web → db: 3 calls × 1,000 B (78.84 GB), db → web: 3 × 20,000 B (1,576.8 GB)
 */
export function twoSiteShop(): ScenarioInput & { sites: any[]; applications: any[]; network: any; userRegions: any[] } {
  return {
    formatVersion: 1,
    name: 'Two-site shop',
    pricing: { currency: 'USD', asOf: '2026-11-01', sources: ['hand-made test figures'] },
    sites: [
      {
        id: 'dc',
        name: 'Data centre',
        kind: 'onPremise',
        serverClasses: [{ serverClass: 'std', priceUSD: 300, billing: 'month', vcpus: 4 }],
        capacity: { servers: 3 },
        storagePricePerGBMonthUSD: 0.05,
        transferPricePerGBUSD: { egress: 0.01, ingress: 0 },
      },
      {
        id: 'aws',
        name: 'AWS',
        kind: 'cloud',
        provider: 'AWS',
        serverClasses: [{ serverClass: 'std', priceUSD: 0.2, billing: 'hour', vcpus: 4 }],
        storagePricePerGBMonthUSD: 0.08,
        transferPricePerGBUSD: { egress: 0.09, ingress: 0 },
      },
    ],
    network: { links: [{ between: ['dc', 'aws'], latency: { meanMs: 20, p95Ms: 30 }, bandwidthMbps: 1000 }] },
    userRegions: [{ id: 'eu', name: 'Europe', latencyToSites: { dc: { meanMs: 10, p95Ms: 20 }, aws: { meanMs: 15, p95Ms: 25 } } }],
    applications: [
      {
        id: 'shop',
        name: 'Shop',
        components: [
          { id: 'web', name: 'Web', servers: 2, serverClass: 'std', homeSite: 'dc', splittable: true },
          { id: 'db', name: 'DB', servers: 2, serverClass: 'std', homeSite: 'dc', storageGB: 500 },
        ],
        transactions: [
          {
            id: 'buy',
            name: 'Buy',
            entryComponent: 'web',
            userRequestBytes: 2000,
            userResponseBytes: 50000,
            ratePerSecond: { eu: 10 },
            calls: [{ from: 'web', to: 'db', callsPerTransaction: 3, requestBytes: 1000, responseBytes: 20000 }],
            processingMs: { web: 5, db: 10 },
            slo: { maxMeanIncreaseMs: 50 },
          },
        ],
      },
    ],
  };
}

export type TwoSiteShopDocument = ReturnType<typeof twoSiteShop>;

/** twoSiteShop(), changed by `mutate`, then validated: where most hand-computed tests start. */
export function twoSiteShopScenario(mutate: (d: TwoSiteShopDocument) => void = () => {}): Scenario {
  const doc = twoSiteShop();
  mutate(doc);
  const result = parseScenario(doc);
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('\n'));
  return result.scenario;
}
