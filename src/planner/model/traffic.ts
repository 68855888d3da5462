/**
 * Unit prices and latencies read off a scenario, for the optimiser. The evaluator
 * has its own copies (src/planner/evaluate/layoutPrices.ts): it must share no code
 * with the model it checks.
 *
 * 1 GB = 10^9 bytes, as providers bill transfer.
 */
import type { Scenario, Site } from '../scenario/schema';

export const BYTES_PER_GB = 1e9;

export function secondsPerMonth(s: Scenario): number {
  return s.pricing.hoursPerMonth * 3600;
}

export function findSite(s: Scenario, siteId: string): Site {
  const site = s.sites.find((x) => x.id === siteId);
  if (!site) throw new Error(`unknown site "${siteId}"`);
  return site;
}

/** Price per GB sent from site `from` to site `to`: the link's own price if it has one, else egress + ingress. */
export function interSitePricePerGB(s: Scenario, from: string, to: string): number {
  if (from === to) return 0;
  const link = s.network.links.find((l) => (l.between[0] === from && l.between[1] === to) || (l.between[0] === to && l.between[1] === from));
  if (link?.pricePerGBUSD !== undefined) return link.pricePerGBUSD;
  const a = findSite(s, from);
  const b = findSite(s, to);
  const sameProvider = a.kind === 'cloud' && b.kind === 'cloud' && a.provider !== undefined && a.provider === b.provider;
  const egress = sameProvider && a.transferPricePerGBUSD.interRegion !== undefined ? a.transferPricePerGBUSD.interRegion : a.transferPricePerGBUSD.egress;
  return egress + b.transferPricePerGBUSD.ingress;
}

/** Monthly price of one server of `serverClass` at `site`, or undefined when the site does not offer it. */
export function serverMonthlyPrice(s: Scenario, site: Site, serverClass: string): number | undefined {
  const price = site.serverClasses.find((c) => c.serverClass === serverClass);
  if (!price) return undefined;
  return price.billing === 'hour' ? price.priceUSD * s.pricing.hoursPerMonth : price.priceUSD;
}

export function vcpusOf(site: Site, serverClass: string): number {
  return site.serverClasses.find((c) => c.serverClass === serverClass)?.vcpus ?? 0;
}
