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

export const catalogProviders: readonly CatalogProvider[] = PRICE_CATALOG;

export function presetSite(regionId: string, serverClasses: string[]): Site {
  return siteFromPreset(regionId, serverClasses);
}
