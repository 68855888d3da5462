/**
 * Prices, links and latencies read straight from the scenario, for the layout
 * evaluator. Written independently of the optimiser's model on purpose: the
 * evaluator must not share code with what it checks.
 */
import type { Latency, Link, Scenario, Site } from '../scenario/schema';

export const BYTES_PER_GB = 1e9;

export function monthSeconds(s: Scenario): number {
  return s.pricing.hoursPerMonth * 3600;
}

export function siteById(s: Scenario, siteId: string): Site | undefined {
  return s.sites.find((site) => site.id === siteId);
}

/** The link between two distinct sites (order does not matter). */
export function linkBetween(s: Scenario, a: string, b: string): Link | undefined {
  return s.network.links.find((l) => (l.between[0] === a && l.between[1] === b) || (l.between[0] === b && l.between[1] === a));
}

function requireLink(s: Scenario, a: string, b: string): Link {
  const link = linkBetween(s, a, b);
  if (!link) throw new Error(`the scenario has no network link between sites "${a}" and "${b}"`);
  return link;
}

/** USD per month of one server of a class at a site, or undefined when the site does not offer the class. */
export function serverPricePerMonth(s: Scenario, site: Site, serverClass: string): number | undefined {
  const offer = site.serverClasses.find((c) => c.serverClass === serverClass);
  if (!offer) return undefined;
  return offer.billing === 'hour' ? offer.priceUSD * s.pricing.hoursPerMonth : offer.priceUSD;
}

/** vCPUs of one server of a class at a site; when that site does not offer the class, what another site says, else 1. */
export function vcpusPerServer(s: Scenario, site: Site, serverClass: string): number {
  const here = site.serverClasses.find((c) => c.serverClass === serverClass)?.vcpus;
  if (here !== undefined) return here;
  for (const other of s.sites) {
    const v = other.serverClasses.find((c) => c.serverClass === serverClass)?.vcpus;
    if (v !== undefined) return v;
  }
  return 1;
}

/**
 * USD per GB sent from site a to a different site b: the link's own price when it has one;
 * otherwise a's egress (or a's inter-region price when both are cloud regions of the same
 * provider and a has one) plus b's ingress.
 */
export function interSiteGBPrice(s: Scenario, a: string, b: string): number {
  if (a === b) return 0;
  const link = requireLink(s, a, b);
  if (link.pricePerGBUSD !== undefined) return link.pricePerGBUSD;
  const from = siteById(s, a);
  const to = siteById(s, b);
  if (!from || !to) throw new Error(`unknown site "${from ? b : a}"`);
  const sameProvider = from.kind === 'cloud' && to.kind === 'cloud' && from.provider !== undefined && from.provider === to.provider;
  const out = sameProvider && from.transferPricePerGBUSD.interRegion !== undefined ? from.transferPricePerGBUSD.interRegion : from.transferPricePerGBUSD.egress;
  return out + to.transferPricePerGBUSD.ingress;
}

/** Round-trip latency between two sites (intra-site latency when they are the same). */
export function siteLatency(s: Scenario, a: string, b: string): Latency {
  return a === b ? s.network.intraSiteLatency : requireLink(s, a, b).latency;
}

/** Milliseconds to send `bytes` from a to b over their link; zero within a site. */
export function transferMs(s: Scenario, a: string, b: string, bytes: number): number {
  if (a === b || bytes === 0) return 0;
  return ((bytes * 8) / (requireLink(s, a, b).bandwidthMbps * 1e6)) * 1000;
}

/** Megabits per second of a steady byte rate. */
export function mbpsOf(bytesPerSecond: number): number {
  return (bytesPerSecond * 8) / 1e6;
}
