/**
 * TEMPORARY (editor-ui branch): a thin stand-in with the agreed signatures so the
 * editor compiles. The real module is written in another branch and replaces this
 * file at merge.
 */
import type { Latency, Site, UserRegion } from '../scenario/schema';

interface Point {
  lat: number;
  lon: number;
}

const EARTH_RADIUS_KM = 6371;

export function greatCircleKm(a: Point, b: Point): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Light in fibre (~200 km/ms) over a route ~1.5× the great circle, there and back, plus a little switching. */
export function estimateRoundTrip(km: number): Latency {
  const meanMs = Math.round(((2 * km * 1.5) / 200 + 1) * 10) / 10;
  return { meanMs, p95Ms: Math.round(meanMs * 1.25 * 10) / 10 + 1 };
}

export function estimateLinkLatency(siteA: Site, siteB: Site): Latency | null {
  if (!siteA.location || !siteB.location) return null;
  return estimateRoundTrip(greatCircleKm(siteA.location, siteB.location));
}

export function estimateUserLatency(region: UserRegion, site: Site): Latency | null {
  if (!region.location || !site.location) return null;
  const base = estimateRoundTrip(greatCircleKm(region.location, site.location));
  return { meanMs: base.meanMs + 10, p95Ms: base.p95Ms + 25 };
}
