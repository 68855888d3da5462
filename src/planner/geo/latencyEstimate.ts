/**
 * First guesses of round-trip latency from geography, for the editor to fill
 * in when the user has no measurement yet. A measured figure (ping, RUM data,
 * the provider's inter-region latency dashboard) always beats these.
 *
 * The model, round trip:
 *   mean = 2 × great-circle km × ROUTE_INFLATION / FIBRE_KM_PER_MS + fixed overhead
 *   p95  = mean × P95_FACTOR + P95_JITTER_MS
 * - Light in optical fibre travels at about c / 1.47 ≈ 204 km/ms; 200 km/ms is the usual round figure.
 * - Real fibre does not follow the great circle: cables run along roads, railways and sea routes and
 *   traffic detours through exchange points. Internet measurement studies commonly report paths
 *   about 1.5–2× the great-circle distance. We take 1.5, the low end, because traffic between data
 *   centres and cloud regions rides long-haul backbones and submarine cables that are comparatively
 *   direct (the sample scenarios' typical RTTs, e.g. Chicago–Dublin 95 ms, fit 1.5 better than 2).
 * - The fixed overhead covers routers, firewalls, VPN gateways and cabling at both ends (2 ms between
 *   sites); users also pay their access network (DSL, cable, Wi-Fi, mobile: 10 ms more).
 * - Tail: between sites the 95th percentile is a little above the mean (queueing, 1.1× + 3 ms);
 *   users' access networks are burstier (1.3× + 10 ms).
 * Results are rounded to 0.1 ms.
 */
import type { Latency, Site, UserRegion } from '../scenario/schema';

export const EARTH_RADIUS_KM = 6371;

export const LATENCY_MODEL = {
  fibreKmPerMs: 200,
  routeInflation: 1.5,
  link: { overheadMs: 2, p95Factor: 1.1, p95JitterMs: 3 },
  user: { overheadMs: 12, p95Factor: 1.3, p95JitterMs: 10 },
} as const;

export type LatencyPathKind = 'link' | 'user';

export interface GeoPoint {
  lat: number;
  lon: number;
}

/** Great-circle distance by the haversine formula on a sphere of radius 6371 km. */
export function greatCircleKm(a: GeoPoint, b: GeoPoint): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  // min(1, …) guards against rounding just above 1 for antipodal points.
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(Math.min(1, h)));
}

/** Round trip over `km` of great-circle distance, between two sites (default) or from users to a site. */
export function estimateRoundTrip(km: number, kind: LatencyPathKind = 'link'): Latency {
  if (!(Number.isFinite(km) && km >= 0)) throw new RangeError(`distance must be a number of km ≥ 0, got ${km}`);
  const model = LATENCY_MODEL[kind];
  const propagationMs = (2 * km * LATENCY_MODEL.routeInflation) / LATENCY_MODEL.fibreKmPerMs;
  const mean = propagationMs + model.overheadMs;
  const p95 = mean * model.p95Factor + model.p95JitterMs;
  return { meanMs: roundTenth(mean), p95Ms: roundTenth(p95) };
}

/** Estimated link latency between two sites; null when either has no location. */
export function estimateLinkLatency(siteA: Pick<Site, 'location'>, siteB: Pick<Site, 'location'>): Latency | null {
  if (!siteA.location || !siteB.location) return null;
  return estimateRoundTrip(greatCircleKm(siteA.location, siteB.location), 'link');
}

/** Estimated latency from a user region's users to a site; null when either has no location. */
export function estimateUserLatency(region: Pick<UserRegion, 'location'>, site: Pick<Site, 'location'>): Latency | null {
  if (!region.location || !site.location) return null;
  return estimateRoundTrip(greatCircleKm(region.location, site.location), 'user');
}

function roundTenth(ms: number): number {
  return Math.round(ms * 10) / 10;
}
