/**
 * TEMPORARY (editor-ui branch): a thin stand-in with the agreed signatures so the
 * editor compiles. The real catalog is written in another branch and replaces this
 * file at merge. The two regions below copy the web shop sample's AWS figures.
 */
import type { ServerClassPriceSchema, Site } from '../scenario/schema';
import type { z } from 'zod';

type ServerClassPrice = z.output<typeof ServerClassPriceSchema>;

export interface RegionPreset {
  id: string;
  name: string;
  region: string;
  location: { lat: number; lon: number; label?: string };
  serverClasses: ServerClassPrice[];
  storagePricePerGBMonthUSD: number;
  transferPricePerGBUSD: { egress: number; ingress: number; interRegion?: number };
}

export interface ProviderPreset {
  id: string;
  name: string;
  asOf: string;
  sources: string[];
  regions: RegionPreset[];
}

const awsClasses = (m: number, r: number, r4: number): ServerClassPrice[] => [
  { serverClass: 'general.xlarge', priceUSD: m, billing: 'hour', vcpus: 4, memoryGB: 16 },
  { serverClass: 'memory.xlarge', priceUSD: r, billing: 'hour', vcpus: 4, memoryGB: 32 },
  { serverClass: 'memory.4xlarge', priceUSD: r4, billing: 'hour', vcpus: 16, memoryGB: 128 },
];

export const PRICE_CATALOG: ProviderPreset[] = [
  {
    id: 'aws',
    name: 'AWS',
    asOf: '2024-06-01',
    sources: ['AWS EC2 On-Demand pricing page, Linux, as published mid-2024'],
    regions: [
      {
        id: 'aws-us-east-1',
        name: 'AWS US East (N. Virginia)',
        region: 'us-east-1',
        location: { lat: 39.04, lon: -77.49, label: 'Ashburn, VA' },
        serverClasses: awsClasses(0.192, 0.252, 1.008),
        storagePricePerGBMonthUSD: 0.08,
        transferPricePerGBUSD: { egress: 0.09, ingress: 0, interRegion: 0.02 },
      },
      {
        id: 'aws-eu-west-1',
        name: 'AWS Europe (Ireland)',
        region: 'eu-west-1',
        location: { lat: 53.35, lon: -6.26, label: 'Dublin' },
        serverClasses: awsClasses(0.214, 0.282, 1.128),
        storagePricePerGBMonthUSD: 0.088,
        transferPricePerGBUSD: { egress: 0.09, ingress: 0, interRegion: 0.02 },
      },
    ],
  },
];

export function siteFromPreset(regionPresetId: string, serverClassIds?: string[]): Site {
  for (const provider of PRICE_CATALOG) {
    const region = provider.regions.find((r) => r.id === regionPresetId);
    if (!region) continue;
    const classes = serverClassIds ? region.serverClasses.filter((c) => serverClassIds.includes(c.serverClass)) : region.serverClasses;
    return {
      id: region.id,
      name: region.name,
      kind: 'cloud',
      provider: provider.name,
      region: region.region,
      location: { ...region.location },
      serverClasses: classes.map((c) => ({ ...c })),
      capacity: {},
      storagePricePerGBMonthUSD: region.storagePricePerGBMonthUSD,
      transferPricePerGBUSD: { ...region.transferPricePerGBUSD },
    };
  }
  throw new Error(`unknown region preset "${regionPresetId}"`);
}
