/**
 * The one place the editor reads the price catalogue's shape, so a change of the
 * catalogue module touches only this file.
 */
import { PRICE_CATALOG, siteFromPreset } from '../../planner/pricing/presets';
import type { Site } from '../../planner';

export interface CatalogProvider {
  id: string;
  name: string;
  asOf: string;
  sources: string[];
  regions: { id: string; name: string; serverClasses: { serverClass: string; priceUSD: number; billing: string; vcpus?: number | undefined; memoryGB?: number | undefined }[] }[];
}

export const catalogProviders: readonly CatalogProvider[] = PRICE_CATALOG.providers.map((p) => ({
  id: p.provider,
  name: p.provider,
  asOf: p.asOf,
  sources: p.sources,
  regions: PRICE_CATALOG.regions
    .filter((r) => r.provider === p.provider)
    .map((r) => ({
      id: r.id,
      name: `${r.name} (${r.region})${r.confidence === 'medium' ? ', approximate' : ''}`,
      serverClasses: r.serverClasses.map((c) => ({ serverClass: c.serverClass, priceUSD: c.priceUSDPerHour, billing: 'hour', vcpus: c.vcpus, memoryGB: c.memoryGB })),
    })),
}));

export function presetSite(regionId: string, serverClasses: string[]): Site {
  return siteFromPreset(regionId, serverClasses);
}
