/**
 * A bundled, dated catalog of common cloud regions and server classes, so a
 * user can add "AWS eu-west-1" to a scenario without typing prices. Nothing is
 * fetched: the app makes no network calls, and the catalog says how old it is.
 *
 * Prices are USD list prices (Linux, on-demand / pay-as-you-go) as published
 * around 2024-06-01, the date the bundled samples use. They were written down
 * from the providers' public price pages as known at that date and could NOT be
 * re-checked online when the catalog was compiled. Each region says how sure
 * the figures are: "high" = widely quoted prices, and where a sample scenario
 * uses the region, exactly the sample's; "medium" = approximate regional prices,
 * expect differences of a few percent. Check the provider's page before a decision.
 *
 * Server classes follow the samples' naming: family.size with AWS-style sizes,
 * large = 2 vCPUs, xlarge = 4, 2xlarge = 8, 4xlarge = 16:
 *   general (4 GB per vCPU): AWS m6i, Azure Dsv5, GCP n2-standard
 *   compute (little memory):  AWS c6i, Azure Fsv2 (2 GB per vCPU), GCP n2-highcpu (1 GB per vCPU)
 *   memory  (8 GB per vCPU): AWS r6i, Azure Esv5, GCP n2-highmem
 * Storage is block storage per GB-month (AWS EBS gp3, Azure Standard SSD, GCP balanced PD).
 * Transfer: internet egress at the first paid volume tier, ingress free; `interRegion` is
 * the price to another region of the same provider on the same continent (AWS charges it by
 * source region whatever the destination; Azure and GCP charge more between continents).
 */
import type { Site } from '../scenario/schema';

export type ProviderId = 'AWS' | 'Azure' | 'GCP';
export type ServerFamily = 'general' | 'compute' | 'memory';
export type Continent = 'North America' | 'Europe' | 'Asia';

export interface ServerClassPreset {
  /** The scenario's server-class name, e.g. "general.xlarge". */
  id: string;
  family: ServerFamily;
  vcpus: number;
  description: string;
}

export interface RegionServerPrice {
  serverClass: string;
  /** The provider's instance type this class maps to, e.g. "m6i.xlarge". */
  instanceType: string;
  vcpus: number;
  memoryGB: number;
  priceUSDPerHour: number;
}

export interface RegionPreset {
  /** Also the id of the site built from it, e.g. "aws-us-east-1". */
  id: string;
  provider: ProviderId;
  /** The provider's region code. */
  region: string;
  name: string;
  continent: Continent;
  location: { lat: number; lon: number; label: string };
  serverClasses: RegionServerPrice[];
  storagePricePerGBMonthUSD: number;
  transferPricePerGBUSD: { egress: number; ingress: number; interRegion: number };
  confidence: 'high' | 'medium';
  note?: string;
}

export interface ProviderPreset {
  provider: ProviderId;
  /** Date of the list prices (YYYY-MM-DD). */
  asOf: string;
  /** The public price pages the figures come from, by name and address (not fetched). */
  sources: string[];
}

export interface PriceCatalog {
  currency: 'USD';
  asOf: string;
  hoursPerMonth: number;
  caveat: string;
  serverClasses: ServerClassPreset[];
  providers: ProviderPreset[];
  regions: RegionPreset[];
}

const AS_OF = '2024-06-01';

const SERVER_CLASSES: ServerClassPreset[] = [
  { id: 'general.large', family: 'general', vcpus: 2, description: 'General purpose, 2 vCPUs, 8 GB' },
  { id: 'general.xlarge', family: 'general', vcpus: 4, description: 'General purpose, 4 vCPUs, 16 GB' },
  { id: 'general.2xlarge', family: 'general', vcpus: 8, description: 'General purpose, 8 vCPUs, 32 GB' },
  { id: 'compute.large', family: 'compute', vcpus: 2, description: 'Compute optimised, 2 vCPUs, 2–4 GB' },
  { id: 'compute.xlarge', family: 'compute', vcpus: 4, description: 'Compute optimised, 4 vCPUs, 4–8 GB' },
  { id: 'compute.2xlarge', family: 'compute', vcpus: 8, description: 'Compute optimised, 8 vCPUs, 8–16 GB' },
  { id: 'memory.large', family: 'memory', vcpus: 2, description: 'Memory optimised, 2 vCPUs, 16 GB' },
  { id: 'memory.xlarge', family: 'memory', vcpus: 4, description: 'Memory optimised, 4 vCPUs, 32 GB' },
  { id: 'memory.4xlarge', family: 'memory', vcpus: 16, description: 'Memory optimised, 16 vCPUs, 128 GB' },
];

/** Per provider, the instance type and memory of each class, in SERVER_CLASSES order. */
const SHAPES: Record<ProviderId, readonly [instanceType: string, memoryGB: number][]> = {
  AWS: [
    ['m6i.large', 8], ['m6i.xlarge', 16], ['m6i.2xlarge', 32],
    ['c6i.large', 4], ['c6i.xlarge', 8], ['c6i.2xlarge', 16],
    ['r6i.large', 16], ['r6i.xlarge', 32], ['r6i.4xlarge', 128],
  ],
  Azure: [
    ['Standard_D2s_v5', 8], ['Standard_D4s_v5', 16], ['Standard_D8s_v5', 32],
    ['Standard_F2s_v2', 4], ['Standard_F4s_v2', 8], ['Standard_F8s_v2', 16],
    ['Standard_E2s_v5', 16], ['Standard_E4s_v5', 32], ['Standard_E16s_v5', 128],
  ],
  GCP: [
    ['n2-standard-2', 8], ['n2-standard-4', 16], ['n2-standard-8', 32],
    ['n2-highcpu-2', 2], ['n2-highcpu-4', 4], ['n2-highcpu-8', 8],
    ['n2-highmem-2', 16], ['n2-highmem-4', 32], ['n2-highmem-16', 128],
  ],
};

/** Hourly prices in SERVER_CLASSES order: general ×3, compute ×3, memory ×3. */
function priced(provider: ProviderId, hourly: readonly number[]): RegionServerPrice[] {
  if (hourly.length !== SERVER_CLASSES.length) throw new Error(`${provider}: expected ${SERVER_CLASSES.length} prices, got ${hourly.length}`);
  return SERVER_CLASSES.map((c, i) => {
    const [instanceType, memoryGB] = SHAPES[provider][i]!;
    return { serverClass: c.id, instanceType, vcpus: c.vcpus, memoryGB, priceUSDPerHour: hourly[i]! };
  });
}

// GCP prices N2 machines per vCPU-hour and GB-hour; regional prices scale both by a regional factor.
const GCP_N2_US_CENTRAL1 = { vcpuHour: 0.031611, gbHour: 0.004237 };
function gcpN2(regionalFactor: number): number[] {
  const vcpu = GCP_N2_US_CENTRAL1.vcpuHour * regionalFactor;
  const gb = GCP_N2_US_CENTRAL1.gbHour * regionalFactor;
  return SERVER_CLASSES.map((c, i) => Number((c.vcpus * vcpu + SHAPES.GCP[i]![1] * gb).toFixed(6)));
}

const AWS_US = [0.096, 0.192, 0.384, 0.085, 0.17, 0.34, 0.126, 0.252, 1.008];
const AZURE_US = [0.096, 0.192, 0.384, 0.0846, 0.169, 0.338, 0.126, 0.252, 1.008];

const REGIONS: RegionPreset[] = [
  {
    id: 'aws-us-east-1', provider: 'AWS', region: 'us-east-1', name: 'AWS US East (N. Virginia)', continent: 'North America',
    location: { lat: 39.04, lon: -77.49, label: 'Ashburn, VA' },
    serverClasses: priced('AWS', AWS_US),
    storagePricePerGBMonthUSD: 0.08, transferPricePerGBUSD: { egress: 0.09, ingress: 0, interRegion: 0.02 },
    confidence: 'high',
  },
  {
    id: 'aws-us-east-2', provider: 'AWS', region: 'us-east-2', name: 'AWS US East (Ohio)', continent: 'North America',
    location: { lat: 40, lon: -83.1, label: 'Columbus area, OH' },
    serverClasses: priced('AWS', AWS_US),
    storagePricePerGBMonthUSD: 0.08, transferPricePerGBUSD: { egress: 0.09, ingress: 0, interRegion: 0.02 },
    confidence: 'high',
  },
  {
    id: 'aws-us-west-2', provider: 'AWS', region: 'us-west-2', name: 'AWS US West (Oregon)', continent: 'North America',
    location: { lat: 45.84, lon: -119.7, label: 'Boardman, OR' },
    serverClasses: priced('AWS', AWS_US),
    storagePricePerGBMonthUSD: 0.08, transferPricePerGBUSD: { egress: 0.09, ingress: 0, interRegion: 0.02 },
    confidence: 'high',
  },
  {
    id: 'aws-eu-west-1', provider: 'AWS', region: 'eu-west-1', name: 'AWS Europe (Ireland)', continent: 'Europe',
    location: { lat: 53.35, lon: -6.26, label: 'Dublin' },
    serverClasses: priced('AWS', [0.107, 0.214, 0.428, 0.096, 0.192, 0.384, 0.141, 0.282, 1.128]),
    storagePricePerGBMonthUSD: 0.088, transferPricePerGBUSD: { egress: 0.09, ingress: 0, interRegion: 0.02 },
    confidence: 'high',
    note: 'c6i (compute) prices are less certain than m6i and r6i.',
  },
  {
    id: 'aws-eu-central-1', provider: 'AWS', region: 'eu-central-1', name: 'AWS Europe (Frankfurt)', continent: 'Europe',
    location: { lat: 50.11, lon: 8.68, label: 'Frankfurt am Main' },
    serverClasses: priced('AWS', [0.115, 0.23, 0.46, 0.097, 0.194, 0.388, 0.152, 0.304, 1.216]),
    storagePricePerGBMonthUSD: 0.0952, transferPricePerGBUSD: { egress: 0.09, ingress: 0, interRegion: 0.02 },
    confidence: 'high',
    note: 'c6i (compute) prices are less certain than m6i and r6i.',
  },
  {
    id: 'aws-ap-northeast-1', provider: 'AWS', region: 'ap-northeast-1', name: 'AWS Asia Pacific (Tokyo)', continent: 'Asia',
    location: { lat: 35.68, lon: 139.69, label: 'Tokyo' },
    serverClasses: priced('AWS', [0.124, 0.248, 0.496, 0.107, 0.214, 0.428, 0.152, 0.304, 1.216]),
    storagePricePerGBMonthUSD: 0.096, transferPricePerGBUSD: { egress: 0.114, ingress: 0, interRegion: 0.09 },
    confidence: 'medium',
  },
  {
    id: 'aws-ap-southeast-1', provider: 'AWS', region: 'ap-southeast-1', name: 'AWS Asia Pacific (Singapore)', continent: 'Asia',
    location: { lat: 1.35, lon: 103.82, label: 'Singapore' },
    serverClasses: priced('AWS', [0.12, 0.24, 0.48, 0.098, 0.196, 0.392, 0.152, 0.304, 1.216]),
    storagePricePerGBMonthUSD: 0.096, transferPricePerGBUSD: { egress: 0.12, ingress: 0, interRegion: 0.09 },
    confidence: 'medium',
  },
  {
    id: 'azure-eastus', provider: 'Azure', region: 'eastus', name: 'Azure East US (Virginia)', continent: 'North America',
    location: { lat: 37.37, lon: -79.82, label: 'Virginia' },
    serverClasses: priced('Azure', AZURE_US),
    storagePricePerGBMonthUSD: 0.075, transferPricePerGBUSD: { egress: 0.087, ingress: 0, interRegion: 0.02 },
    confidence: 'high',
  },
  {
    id: 'azure-westus2', provider: 'Azure', region: 'westus2', name: 'Azure West US 2 (Washington)', continent: 'North America',
    location: { lat: 47.23, lon: -119.85, label: 'Quincy, WA' },
    serverClasses: priced('Azure', AZURE_US),
    storagePricePerGBMonthUSD: 0.075, transferPricePerGBUSD: { egress: 0.087, ingress: 0, interRegion: 0.02 },
    confidence: 'medium',
    note: 'Priced like East US, as West US 2 usually is for these series.',
  },
  {
    id: 'azure-westeurope', provider: 'Azure', region: 'westeurope', name: 'Azure West Europe (Netherlands)', continent: 'Europe',
    location: { lat: 52.37, lon: 4.9, label: 'Amsterdam' },
    serverClasses: priced('Azure', [0.115, 0.23, 0.46, 0.099, 0.198, 0.396, 0.148, 0.296, 1.184]),
    storagePricePerGBMonthUSD: 0.08, transferPricePerGBUSD: { egress: 0.087, ingress: 0, interRegion: 0.02 },
    confidence: 'medium',
  },
  {
    id: 'azure-southeastasia', provider: 'Azure', region: 'southeastasia', name: 'Azure Southeast Asia (Singapore)', continent: 'Asia',
    location: { lat: 1.28, lon: 103.83, label: 'Singapore' },
    serverClasses: priced('Azure', [0.12, 0.24, 0.48, 0.099, 0.198, 0.396, 0.152, 0.304, 1.216]),
    storagePricePerGBMonthUSD: 0.09, transferPricePerGBUSD: { egress: 0.12, ingress: 0, interRegion: 0.08 },
    confidence: 'medium',
  },
  {
    id: 'gcp-us-central1', provider: 'GCP', region: 'us-central1', name: 'Google Cloud us-central1 (Iowa)', continent: 'North America',
    location: { lat: 41.26, lon: -95.86, label: 'Council Bluffs, IA' },
    serverClasses: priced('GCP', gcpN2(1)),
    storagePricePerGBMonthUSD: 0.1, transferPricePerGBUSD: { egress: 0.12, ingress: 0, interRegion: 0.01 },
    confidence: 'high',
    note: 'N2 prices are $0.031611 per vCPU-hour plus $0.004237 per GB-hour; inter-region price less certain.',
  },
  {
    id: 'gcp-us-east4', provider: 'GCP', region: 'us-east4', name: 'Google Cloud us-east4 (N. Virginia)', continent: 'North America',
    location: { lat: 39.04, lon: -77.49, label: 'Ashburn, VA' },
    serverClasses: priced('GCP', gcpN2(1.126)),
    storagePricePerGBMonthUSD: 0.11, transferPricePerGBUSD: { egress: 0.12, ingress: 0, interRegion: 0.01 },
    confidence: 'medium',
    note: 'N2 at about 1.126× us-central1.',
  },
  {
    id: 'gcp-europe-west1', provider: 'GCP', region: 'europe-west1', name: 'Google Cloud europe-west1 (Belgium)', continent: 'Europe',
    location: { lat: 50.45, lon: 3.82, label: 'St. Ghislain' },
    serverClasses: priced('GCP', gcpN2(1.1)),
    storagePricePerGBMonthUSD: 0.1, transferPricePerGBUSD: { egress: 0.12, ingress: 0, interRegion: 0.02 },
    confidence: 'medium',
    note: 'N2 at about 1.1× us-central1.',
  },
  {
    id: 'gcp-asia-southeast1', provider: 'GCP', region: 'asia-southeast1', name: 'Google Cloud asia-southeast1 (Singapore)', continent: 'Asia',
    location: { lat: 1.35, lon: 103.71, label: 'Singapore' },
    serverClasses: priced('GCP', gcpN2(1.232)),
    storagePricePerGBMonthUSD: 0.11, transferPricePerGBUSD: { egress: 0.12, ingress: 0, interRegion: 0.05 },
    confidence: 'medium',
    note: 'N2 at about 1.23× us-central1.',
  },
];

const PROVIDERS: ProviderPreset[] = [
  {
    provider: 'AWS',
    asOf: AS_OF,
    sources: [
      'Amazon EC2 On-Demand Pricing, Linux (https://aws.amazon.com/ec2/pricing/on-demand/), as published mid-2024',
      'Amazon EBS pricing, gp3 storage per GB-month (https://aws.amazon.com/ebs/pricing/), as published mid-2024',
      'Amazon EC2 data transfer pricing, internet egress first 10 TB/month and inter-region transfer (https://aws.amazon.com/ec2/pricing/on-demand/, data transfer section), as published mid-2024',
    ],
  },
  {
    provider: 'Azure',
    asOf: AS_OF,
    sources: [
      'Azure Linux Virtual Machines pricing, pay-as-you-go (https://azure.microsoft.com/pricing/details/virtual-machines/linux/), as published mid-2024',
      'Azure Managed Disks pricing, Standard SSD E10 (128 GiB) per month ÷ 128 (https://azure.microsoft.com/pricing/details/managed-disks/), as published mid-2024',
      'Azure Bandwidth pricing: internet egress 100 GB–10 TB tier, inter-region within a continent (https://azure.microsoft.com/pricing/details/bandwidth/), as published mid-2024',
    ],
  },
  {
    provider: 'GCP',
    asOf: AS_OF,
    sources: [
      'Google Compute Engine VM instance pricing, N2 on-demand (https://cloud.google.com/compute/vm-instance-pricing), as published mid-2024',
      'Google Compute Engine disk pricing, balanced persistent disk (https://cloud.google.com/compute/disks-image-pricing), as published mid-2024',
      'Google Cloud network pricing, Premium Tier internet egress 0–1 TB, inter-region within a continent (https://cloud.google.com/vpc/network-pricing), as published mid-2024',
    ],
  },
];

export const PRICE_CATALOG: PriceCatalog = {
  currency: 'USD',
  asOf: AS_OF,
  hoursPerMonth: 730,
  caveat:
    'List prices as of 2024-06-01, written down from the providers’ public price pages and not re-checked online since; ' +
    '"medium" regions are approximate. Prices change: check the provider’s page before a decision.',
  serverClasses: SERVER_CLASSES,
  providers: PROVIDERS,
  regions: REGIONS,
};

export function regionPresetById(id: string): RegionPreset | undefined {
  return REGIONS.find((r) => r.id === id);
}

/**
 * A cloud site for the scenario from a region preset, pricing the given
 * server classes in the given order (default: every class in the catalog).
 * Throws on an unknown region or class, naming the known ones.
 */
export function siteFromPreset(regionPresetId: string, serverClassIds?: readonly string[]): Site {
  const preset = regionPresetById(regionPresetId);
  if (!preset) throw new Error(`unknown region preset “${regionPresetId}”; known: ${REGIONS.map((r) => r.id).join(', ')}`);
  const wanted = serverClassIds ?? SERVER_CLASSES.map((c) => c.id);
  const serverClasses = wanted.map((classId, i) => {
    if (wanted.indexOf(classId) !== i) throw new Error(`server class “${classId}” is asked for twice`);
    const price = preset.serverClasses.find((p) => p.serverClass === classId);
    if (!price) throw new Error(`unknown server class “${classId}”; known: ${preset.serverClasses.map((p) => p.serverClass).join(', ')}`);
    return { serverClass: classId, priceUSD: price.priceUSDPerHour, billing: 'hour' as const, vcpus: price.vcpus, memoryGB: price.memoryGB };
  });
  return {
    id: preset.id,
    name: preset.name,
    kind: 'cloud',
    provider: preset.provider,
    region: preset.region,
    location: { ...preset.location },
    serverClasses,
    capacity: {},
    storagePricePerGBMonthUSD: preset.storagePricePerGBMonthUSD,
    transferPricePerGBUSD: { ...preset.transferPricePerGBUSD },
  };
}

/** Lines for the scenario's `pricing.sources` that cite the catalog for the given regions' providers. */
export function pricingSourcesFor(regionPresetIds: readonly string[]): string[] {
  const providers = new Set(regionPresetIds.map((id) => regionPresetById(id)?.provider).filter((p) => p !== undefined));
  return PROVIDERS.filter((p) => providers.has(p.provider)).flatMap((p) => p.sources.map((s) => `${s} (Tierwise price catalog, ${p.asOf})`));
}
