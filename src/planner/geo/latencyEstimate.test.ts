import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parseScenario } from '../scenario/validate';
import { sampleById } from '../samples';
import { estimateLinkLatency, estimateRoundTrip, estimateUserLatency, greatCircleKm, EARTH_RADIUS_KM } from './latencyEstimate';

const london = { lat: 51.5074, lon: -0.1278 };
const newYork = { lat: 40.7128, lon: -74.006 };

describe('greatCircleKm', () => {
  it('London–New York is about 5570 km (within 0.5%)', () => {
    expect(Math.abs(greatCircleKm(london, newYork) - 5570) / 5570).toBeLessThan(0.005);
  });

  it('is 0 for the same point and half the circumference for antipodes', () => {
    expect(greatCircleKm(london, london)).toBe(0);
    // π × 6371 = 20015.09 km
    expect(greatCircleKm({ lat: 0, lon: 0 }, { lat: 0, lon: 180 })).toBeCloseTo(20015.09, 1);
    expect(greatCircleKm({ lat: 45, lon: 10 }, { lat: -45, lon: -170 })).toBeCloseTo(20015.09, 1);
  });

  it('a quarter of the circumference from the equator to the pole and along the equator', () => {
    // π/2 × 6371 = 10007.54 km
    expect(greatCircleKm({ lat: 0, lon: 0 }, { lat: 90, lon: 0 })).toBeCloseTo(10007.54, 1);
    expect(greatCircleKm({ lat: 0, lon: -45 }, { lat: 0, lon: 45 })).toBeCloseTo(10007.54, 1);
  });

  it('is symmetric, within [0, πR] and obeys the triangle inequality', () => {
    const point = fc.record({ lat: fc.double({ min: -90, max: 90, noNaN: true }), lon: fc.double({ min: -180, max: 180, noNaN: true }) });
    fc.assert(
      fc.property(point, point, point, (a, b, c) => {
        const ab = greatCircleKm(a, b);
        expect(ab).toBeCloseTo(greatCircleKm(b, a), 6);
        expect(ab).toBeGreaterThanOrEqual(0);
        expect(ab).toBeLessThanOrEqual(Math.PI * EARTH_RADIUS_KM + 1e-6);
        // Haversine loses digits near antipodal points (asin of nearly 1): a metre of slack, far below any latency effect.
        expect(ab).toBeLessThanOrEqual(greatCircleKm(a, c) + greatCircleKm(c, b) + 1e-3);
      }),
    );
  });
});

describe('estimateRoundTrip', () => {
  it('follows the formula by hand', () => {
    // 1000 km × 1.5 route inflation × 2 ways / 200 km/ms = 15 ms, + 2 ms = 17.0; p95 = 17 × 1.1 + 3 = 21.7
    expect(estimateRoundTrip(1000)).toEqual({ meanMs: 17, p95Ms: 21.7 });
    // users: 15 + 12 = 27.0; p95 = 27 × 1.3 + 10 = 45.1
    expect(estimateRoundTrip(1000, 'user')).toEqual({ meanMs: 27, p95Ms: 45.1 });
    // 0 km: only the overhead, 2.0; p95 = 2.2 + 3 = 5.2
    expect(estimateRoundTrip(0)).toEqual({ meanMs: 2, p95Ms: 5.2 });
    // 333 km: 4.995 + 2 = 6.995 → 7.0; p95 = 7.6945 + 3 → 10.7 (rounded to 0.1 ms)
    expect(estimateRoundTrip(333)).toEqual({ meanMs: 7, p95Ms: 10.7 });
  });

  it('refuses a negative or non-finite distance', () => {
    expect(() => estimateRoundTrip(-1)).toThrow('distance must be a number of km ≥ 0, got -1');
    expect(() => estimateRoundTrip(Number.NaN)).toThrow(RangeError);
  });

  it('farther is never faster, and p95 is never below the mean', () => {
    const km = fc.double({ min: 0, max: 25_000, noNaN: true });
    fc.assert(
      fc.property(km, km, fc.constantFrom('link' as const, 'user' as const), (x, y, kind) => {
        const [near, far] = x <= y ? [x, y] : [y, x];
        const a = estimateRoundTrip(near, kind);
        const b = estimateRoundTrip(far, kind);
        expect(a.meanMs).toBeLessThanOrEqual(b.meanMs);
        expect(a.p95Ms).toBeLessThanOrEqual(b.p95Ms);
        expect(a.p95Ms).toBeGreaterThanOrEqual(a.meanMs);
        expect(b.p95Ms).toBeGreaterThanOrEqual(b.meanMs);
      }),
    );
  });
});

describe('estimates for sites and user regions', () => {
  const parsed = parseScenario(sampleById('webshop')!.document);
  if (!parsed.ok) throw new Error('webshop sample does not parse');
  const s = parsed.scenario;
  const site = (id: string) => s.sites.find((x) => x.id === id)!;

  it('gives null when a location is missing', () => {
    const noWhere = { ...site('dc-chicago'), location: undefined };
    expect(estimateLinkLatency(noWhere, site('aws-us-east-1'))).toBeNull();
    expect(estimateLinkLatency(site('aws-us-east-1'), noWhere)).toBeNull();
    expect(estimateUserLatency({ location: undefined }, site('aws-us-east-1'))).toBeNull();
    expect(estimateUserLatency(s.userRegions[0]!, noWhere)).toBeNull();
  });

  it('uses the distance between the two locations', () => {
    const a = site('dc-chicago');
    const b = site('aws-eu-west-1');
    expect(estimateLinkLatency(a, b)).toEqual(estimateRoundTrip(greatCircleKm(a.location!, b.location!)));
    expect(estimateLinkLatency(b, a)).toEqual(estimateLinkLatency(a, b));
    const eu = s.userRegions.find((r) => r.id === 'customers-eu')!;
    expect(estimateUserLatency(eu, b)).toEqual(estimateRoundTrip(greatCircleKm(eu.location!, b.location!), 'user'));
  });

  it('lands within 35% of the typical round-trip times the webshop sample states', () => {
    for (const link of s.network.links) {
      const estimate = estimateLinkLatency(site(link.between[0]), site(link.between[1]))!;
      expect(Math.abs(estimate.meanMs - link.latency.meanMs) / link.latency.meanMs).toBeLessThan(0.35);
    }
    const eu = s.userRegions.find((r) => r.id === 'customers-eu')!;
    for (const siteId of ['aws-eu-west-1', 'aws-us-east-1', 'dc-chicago']) {
      const stated = eu.latencyToSites[siteId]!;
      const estimate = estimateUserLatency(eu, site(siteId))!;
      expect(Math.abs(estimate.meanMs - stated.meanMs) / stated.meanMs).toBeLessThan(0.35);
    }
  });
});
