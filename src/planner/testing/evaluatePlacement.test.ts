import { describe, expect, it } from 'vitest';
import { evaluatePlacement, statusQuoPlacement } from './evaluatePlacement';
import { twoSiteShopScenario } from '../testing/fixtures';

const scenario = twoSiteShopScenario;

// Figures from the comment on twoSiteShop(): 26,280,000 transactions a month.
describe('monthly cost, computed by hand', () => {
  it('status quo: on-premise servers per month, storage, user egress at the ISP price', () => {
    const { cost } = evaluatePlacement(scenario(), statusQuoPlacement(scenario()));
    expect(cost.servers).toBeCloseTo(4 * 300, 9);
    expect(cost.storage).toBeCloseTo(500 * 0.05, 9);
    expect(cost.transfer).toBeCloseTo(1314 * 0.01, 9); // 26.28e6 × 50,000 B = 1,314 GB out; ingress is free
    expect(cost.total).toBeCloseTo(1238.14, 9);
  });

  it('all in the cloud: hourly prices × 730 h, cloud storage and egress', () => {
    const { cost } = evaluatePlacement(scenario(), { web: 'aws', db: 'aws' });
    expect(cost.servers).toBeCloseTo(4 * 0.2 * 730, 9);
    expect(cost.storage).toBeCloseTo(500 * 0.08, 9);
    expect(cost.transfer).toBeCloseTo(1314 * 0.09, 9);
    expect(cost.total).toBeCloseTo(742.26, 9);
  });

  it('split: each direction pays the sending site egress plus the receiving site ingress', () => {
    const { cost } = evaluatePlacement(scenario(), { web: 'aws', db: 'dc' });
    // web→db 78.84 GB leaves AWS at $0.09; db→web 1,576.8 GB leaves the DC at $0.01.
    expect(cost.transfer).toBeCloseTo(1314 * 0.09 + 78.84 * 0.09 + 1576.8 * 0.01, 9);
    expect(cost.bySite.dc!.transfer).toBeCloseTo(1576.8 * 0.01, 9);
    expect(cost.total).toBeCloseTo(1058.1236, 9);
  });

  it('ingress is charged where it is priced', () => {
    const s = scenario((d) => (d.sites[1].transferPricePerGBUSD.ingress = 0.01));
    const { cost } = evaluatePlacement(s, { web: 'aws', db: 'dc' });
    // users → web 52.56 GB and db → web 1,576.8 GB now enter AWS at $0.01
    expect(cost.transfer).toBeCloseTo(1314 * 0.09 + 52.56 * 0.01 + 78.84 * 0.09 + 1576.8 * (0.01 + 0.01), 9);
  });

  it('a link price replaces the sites’ transfer prices on that link', () => {
    const s = scenario((d) => (d.network.links[0].pricePerGBUSD = 0.02));
    const { cost } = evaluatePlacement(s, { web: 'aws', db: 'dc' });
    expect(cost.transfer).toBeCloseTo(1314 * 0.09 + (78.84 + 1576.8) * 0.02, 9);
  });

  it('inter-region price applies between two regions of the same provider only', () => {
    const s = scenario((d) => {
      d.sites.push({ ...structuredClone(d.sites[1]), id: 'aws2', name: 'AWS 2' });
      d.sites[1].transferPricePerGBUSD.interRegion = 0.02;
      d.network.links.push({ between: ['dc', 'aws2'], latency: { meanMs: 30, p95Ms: 40 }, bandwidthMbps: 500 });
      d.network.links.push({ between: ['aws', 'aws2'], latency: { meanMs: 70, p95Ms: 90 }, bandwidthMbps: 500 });
      d.userRegions[0].latencyToSites.aws2 = { meanMs: 80, p95Ms: 100 };
    });
    const { cost } = evaluatePlacement(s, { web: 'aws', db: 'aws2' });
    // web→db leaves aws at the inter-region $0.02; db→web leaves aws2, which has no inter-region price, at $0.09.
    expect(cost.transfer).toBeCloseTo(1314 * 0.09 + 78.84 * 0.02 + 1576.8 * 0.09, 9);
  });

  it('calls in both directions between the same pair add up', () => {
    const s = scenario((d) => d.applications[0].transactions[0].calls.push({ from: 'db', to: 'web', callsPerTransaction: 1, requestBytes: 10_000, responseBytes: 0 }));
    const { cost } = evaluatePlacement(s, { web: 'aws', db: 'dc' });
    // 26.28e6 × 10,000 B = 262.8 GB more from the DC to AWS
    expect(cost.transfer).toBeCloseTo(1314 * 0.09 + 78.84 * 0.09 + (1576.8 + 262.8) * 0.01, 9);
  });
});

describe('constraint checks', () => {
  it('finds the over-full site', () => {
    const { violations, serversBySite } = evaluatePlacement(scenario(), statusQuoPlacement(scenario()));
    expect(serversBySite.dc).toBe(4);
    expect(violations).toEqual([{ kind: 'capacity', message: 'site "dc" hosts 4 servers, capacity 3' }]);
  });

  it('counts vCPUs where capacity is in vCPUs', () => {
    const s = scenario((d) => (d.sites[1].capacity = { vcpus: 12 }));
    expect(evaluatePlacement(s, { web: 'aws', db: 'aws' }).violations).toEqual([{ kind: 'capacity', message: 'site "aws" hosts 16 vCPUs, capacity 12' }]);
  });

  it('finds a pin broken and a co-location group split', () => {
    const s = scenario((d) => {
      d.applications[0].components[1].allowedSites = ['dc'];
      d.applications[0].components[0].colocationGroup = 'g';
      d.applications[0].components[1].colocationGroup = 'g';
    });
    const kinds = evaluatePlacement(s, { web: 'dc', db: 'aws' }).violations.map((v) => v.kind);
    expect(kinds).toEqual(['allowedSites', 'colocation']);
  });

  it('reports a component left without a site', () => {
    expect(evaluatePlacement(scenario(), { web: 'dc' }).violations).toContainEqual({ kind: 'unplaced', message: 'component "db" has no site' });
  });
});
