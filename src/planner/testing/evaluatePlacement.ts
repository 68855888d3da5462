/**
 * A second, older evaluator for whole-component placements (each component on one
 * site), kept as a test oracle: written apart from the layout evaluator, it must
 * price every whole placement the same, and the exact searches use it as their cost
 * oracle. It walks the scenario itself and never looks at the optimiser.
 */
import type { Scenario } from '../scenario/schema';
import { allowedSitesOf } from '../scenario/validate';
import { BYTES_PER_GB, findSite, interSitePricePerGB, secondsPerMonth, serverMonthlyPrice, vcpusOf } from '../model/traffic';

/** Component id → site id. */
export type Placement = Record<string, string>;

export interface SiteCost {
  servers: number;
  storage: number;
  transfer: number;
}

export interface CostBreakdown {
  servers: number;
  storage: number;
  /** Component↔component and user↔component data transfer. */
  transfer: number;
  total: number;
  /** Costs charged at each site; transfer is charged to the site (or link) the bytes leave from. */
  bySite: Record<string, SiteCost>;
}

export interface Violation {
  kind: 'capacity' | 'allowedSites' | 'colocation' | 'unplaced';
  message: string;
}

export interface PlacementEvaluation {
  cost: CostBreakdown;
  violations: Violation[];
  serversBySite: Record<string, number>;
}

export function statusQuoPlacement(s: Scenario): Placement {
  return Object.fromEntries(s.applications.flatMap((a) => a.components.map((c) => [c.id, c.homeSite])));
}

export function evaluatePlacement(s: Scenario, placement: Placement): PlacementEvaluation {
  const bySite: Record<string, SiteCost> = Object.fromEntries(s.sites.map((site) => [site.id, { servers: 0, storage: 0, transfer: 0 }]));
  const serversBySite: Record<string, number> = Object.fromEntries(s.sites.map((site) => [site.id, 0]));
  const vcpusBySite: Record<string, number> = Object.fromEntries(s.sites.map((site) => [site.id, 0]));
  const violations: Violation[] = [];
  const groupSite = new Map<string, { component: string; site: string }>();

  for (const app of s.applications) {
    for (const c of app.components) {
      const siteId = placement[c.id];
      if (siteId === undefined) {
        violations.push({ kind: 'unplaced', message: `component "${c.id}" has no site` });
        continue;
      }
      const site = findSite(s, siteId);
      if (!allowedSitesOf(c, s).includes(siteId)) {
        violations.push({ kind: 'allowedSites', message: `component "${c.id}" is not allowed at site "${siteId}"` });
      }
      const price = serverMonthlyPrice(s, site, c.serverClass);
      bySite[siteId]!.servers += c.servers * (price ?? 0);
      bySite[siteId]!.storage += c.storageGB * site.storagePricePerGBMonthUSD;
      serversBySite[siteId]! += c.servers;
      vcpusBySite[siteId]! += c.servers * vcpusOf(site, c.serverClass);
      if (c.colocationGroup) {
        const first = groupSite.get(c.colocationGroup);
        if (!first) groupSite.set(c.colocationGroup, { component: c.id, site: siteId });
        else if (first.site !== siteId)
          violations.push({
            kind: 'colocation',
            message: `co-location group "${c.colocationGroup}": "${c.id}" is at "${siteId}" but "${first.component}" is at "${first.site}"`,
          });
      }
    }
  }

  for (const site of s.sites) {
    const { servers, vcpus } = site.capacity;
    if (servers !== undefined && serversBySite[site.id]! > servers)
      violations.push({ kind: 'capacity', message: `site "${site.id}" hosts ${serversBySite[site.id]} servers, capacity ${servers}` });
    if (vcpus !== undefined && vcpusBySite[site.id]! > vcpus)
      violations.push({ kind: 'capacity', message: `site "${site.id}" hosts ${vcpusBySite[site.id]} vCPUs, capacity ${vcpus}` });
  }

  const seconds = secondsPerMonth(s);
  const charge = (from: string | undefined, to: string | undefined, bytes: number) => {
    if (from === undefined || to === undefined || from === to) return;
    bySite[from]!.transfer += (bytes / BYTES_PER_GB) * interSitePricePerGB(s, from, to);
  };
  for (const app of s.applications) {
    for (const t of app.transactions) {
      const entrySite = placement[t.entryComponent];
      let totalRate = 0;
      for (const rate of Object.values(t.ratePerSecond)) totalRate += rate;
      if (entrySite !== undefined) {
        const site = findSite(s, entrySite);
        // Users are outside every site: requests enter at the entry site, responses leave it.
        bySite[entrySite]!.transfer +=
          ((totalRate * seconds * t.userRequestBytes) / BYTES_PER_GB) * site.transferPricePerGBUSD.ingress +
          ((totalRate * seconds * t.userResponseBytes) / BYTES_PER_GB) * site.transferPricePerGBUSD.egress;
      }
      for (const edge of t.calls) {
        const callsPerMonth = totalRate * seconds * edge.callsPerTransaction;
        charge(placement[edge.from], placement[edge.to], callsPerMonth * edge.requestBytes);
        charge(placement[edge.to], placement[edge.from], callsPerMonth * edge.responseBytes);
      }
    }
  }

  const sum = (key: keyof SiteCost) => Object.values(bySite).reduce((total, c) => total + c[key], 0);
  const servers = sum('servers');
  const storage = sum('storage');
  const transfer = sum('transfer');
  return { cost: { servers, storage, transfer, total: servers + storage + transfer, bySite }, violations, serversBySite };
}
