/**
 * Monthly traffic and unit prices derived from a scenario. Shared by the
 * optimiser (to build coefficients) and the evaluator (to price a layout), so
 * both read the scenario the same way; the evaluator does its own arithmetic.
 *
 * 1 GB = 10^9 bytes, as providers bill transfer.
 */
import type { Scenario, Site } from '../scenario/schema';

export const BYTES_PER_GB = 1e9;

export function secondsPerMonth(s: Scenario): number {
  return s.pricing.hoursPerMonth * 3600;
}

/** Bytes one way between two components, per month, summed over every transaction type and user region. */
export interface ComponentFlow {
  from: string;
  to: string;
  /** GB per month from `from` to `to` (requests). */
  forwardGB: number;
  /** GB per month from `to` back to `from` (responses). */
  backwardGB: number;
}

/** GB per month between a user region and an entry component. */
export interface UserFlow {
  region: string;
  component: string;
  toComponentGB: number;
  toUsersGB: number;
}

export interface MonthlyTraffic {
  componentFlows: ComponentFlow[];
  userFlows: UserFlow[];
}

export function monthlyTraffic(s: Scenario): MonthlyTraffic {
  const seconds = secondsPerMonth(s);
  const flows = new Map<string, ComponentFlow>();
  const users = new Map<string, UserFlow>();
  for (const app of s.applications) {
    for (const t of app.transactions) {
      const totalRate = Object.values(t.ratePerSecond).reduce((sum, r) => sum + r, 0);
      for (const [region, rate] of Object.entries(t.ratePerSecond)) {
        const key = `${region}|${t.entryComponent}`;
        const flow = users.get(key) ?? { region, component: t.entryComponent, toComponentGB: 0, toUsersGB: 0 };
        flow.toComponentGB += (rate * seconds * t.userRequestBytes) / BYTES_PER_GB;
        flow.toUsersGB += (rate * seconds * t.userResponseBytes) / BYTES_PER_GB;
        users.set(key, flow);
      }
      for (const edge of t.calls) {
        if (edge.from === edge.to) continue;
        // Store each unordered pair once, oriented by id, so that A→B and B→A calls add up.
        const forward = edge.from < edge.to;
        const [a, b] = forward ? [edge.from, edge.to] : [edge.to, edge.from];
        const flow = flows.get(`${a}|${b}`) ?? { from: a, to: b, forwardGB: 0, backwardGB: 0 };
        const perMonth = totalRate * seconds * edge.callsPerTransaction;
        const requestGB = (perMonth * edge.requestBytes) / BYTES_PER_GB;
        const responseGB = (perMonth * edge.responseBytes) / BYTES_PER_GB;
        if (forward) {
          flow.forwardGB += requestGB;
          flow.backwardGB += responseGB;
        } else {
          flow.forwardGB += responseGB;
          flow.backwardGB += requestGB;
        }
        flows.set(`${a}|${b}`, flow);
      }
    }
  }
  return { componentFlows: [...flows.values()], userFlows: [...users.values()] };
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
