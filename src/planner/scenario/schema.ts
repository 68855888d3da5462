/**
 * The Tierwise scenario format, version 1: the single source of truth for the
 * TypeScript types, the runtime validation and the JSON Schema in `public/`.
 *
 * Units are part of every field name (Ms, Mbps, GB, USD) so that a file read
 * without this code is still unambiguous. Objects are strict: a misspelt field
 * is reported instead of silently ignored.
 */
import { z } from 'zod';

export const CURRENT_FORMAT_VERSION = 1;

function isCalendarDate(text: string): boolean {
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

// Reusable field kinds. Their messages are completed by the formatter with the
// path in front and the offending value behind ("… must be …, got -3").
const id = z
  .string({ error: 'must be a text identifier' })
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]*$/, {
    error: 'must be an identifier of letters, digits and _ . : - (no spaces)',
  });
const label = z.string({ error: 'must be text' }).min(1, { error: 'must not be empty' });
const wholeNumber = (min: number) =>
  z
    .number({ error: `must be a whole number ≥ ${min}` })
    .int({ error: `must be a whole number ≥ ${min}` })
    .min(min, { error: `must be a whole number ≥ ${min}` });
const nonNegative = z
  .number({ error: 'must be a number ≥ 0' })
  .min(0, { error: 'must be a number ≥ 0' });
const positive = z
  .number({ error: 'must be a number > 0' })
  .gt(0, { error: 'must be a number > 0' });

/** A round-trip latency distribution, summarised by its mean and 95th percentile. */
export const LatencySchema = z
  .strictObject({
    meanMs: nonNegative,
    p95Ms: nonNegative,
  })
  .refine((l) => l.p95Ms >= l.meanMs, {
    error: 'p95Ms must be at least meanMs',
    path: ['p95Ms'],
  })
  .meta({ description: 'Round-trip latency in milliseconds: mean and 95th percentile.' });

const GeoLocationSchema = z.strictObject({
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  label: z.string().optional(),
});

export const ServerClassPriceSchema = z.strictObject({
  serverClass: id.meta({ description: 'Name of the server class, e.g. "general.large".' }),
  priceUSD: nonNegative.meta({ description: 'Price of one server of this class per billing unit.' }),
  billing: z.enum(['hour', 'month'], { error: 'must be "hour" or "month"' }).meta({
    description:
      'Billing unit: cloud list prices are per hour (billed hourly); on-premise servers are an amortised cost per month.',
  }),
  vcpus: wholeNumber(1).optional(),
  memoryGB: positive.optional(),
});

export const SiteSchema = z.strictObject({
  id,
  name: label,
  kind: z.enum(['onPremise', 'cloud'], { error: 'must be "onPremise" or "cloud"' }),
  provider: z.string().optional().meta({ description: 'e.g. "AWS", "Azure", "GCP", "own".' }),
  region: z.string().optional().meta({ description: 'Provider region code, e.g. "eu-central-1".' }),
  location: GeoLocationSchema.optional(),
  serverClasses: z.array(ServerClassPriceSchema).min(1, { error: 'must list at least one server class' }),
  capacity: z
    .strictObject({
      servers: wholeNumber(0).optional().meta({ description: 'Servers available; absent = unlimited.' }),
      vcpus: wholeNumber(0).optional().meta({ description: 'vCPUs available; absent = unlimited.' }),
    })
    .default({})
    .meta({ description: 'What the site can host. Absent limits are unlimited (typical for clouds).' }),
  storagePricePerGBMonthUSD: nonNegative,
  transferPricePerGBUSD: z
    .strictObject({
      egress: nonNegative.meta({ description: 'Per GB leaving the site (to users or to another site).' }),
      ingress: nonNegative.meta({ description: 'Per GB entering the site.' }),
      interRegion: nonNegative
        .optional()
        .meta({ description: 'Per GB leaving to another region of the same provider, when it differs from egress.' }),
    })
    .meta({ description: 'Data-transfer prices by direction.' }),
});

export const LinkSchema = z.strictObject({
  between: z
    .tuple([id, id], { error: 'must name exactly two site ids' })
    .meta({ description: 'The two sites this link connects (order does not matter).' }),
  latency: LatencySchema,
  bandwidthMbps: positive.meta({ description: 'Capacity in each direction.' }),
  pricePerGBUSD: nonNegative
    .optional()
    .meta({ description: 'Per-GB price on this link; when absent, the sites’ transfer prices apply.' }),
});

export const NetworkSchema = z.strictObject({
  intraSiteLatency: LatencySchema.default({ meanMs: 0.5, p95Ms: 1 }).meta({
    description: 'Round-trip latency between two servers at the same site.',
  }),
  links: z.array(LinkSchema).meta({ description: 'One link for every pair of distinct sites.' }),
});

export const UserRegionSchema = z.strictObject({
  id,
  name: label,
  location: GeoLocationSchema.optional(),
  latencyToSites: z
    .record(id, LatencySchema)
    .meta({ description: 'Round-trip latency from this region’s users to every site, by site id.' }),
});

export const VmProfileSchema = z
  .strictObject({
    memoryGB: positive.optional(),
    diskGB: nonNegative.optional(),
    dirtyRateMBps: nonNegative.optional().meta({ description: 'Memory dirtying rate for live migration.' }),
    imageGB: nonNegative.optional().meta({ description: 'Image and state to copy before a burst or a move.' }),
    bootSeconds: nonNegative.optional(),
  })
  .meta({ description: 'Per-server VM figures used by migration and bursting estimates.' });

export const ComponentSchema = z.strictObject({
  id,
  name: label,
  role: z
    .enum(['frontend', 'app', 'database', 'cache', 'batch', 'queue', 'other'])
    .optional(),
  servers: wholeNumber(1).meta({ description: 'Servers this component runs on today.' }),
  serverClass: id,
  storageGB: nonNegative.default(0).meta({ description: 'Storage per replica (every site hosting it holds a copy).' }),
  homeSite: id.meta({ description: 'Where it runs today (the status quo).' }),
  splittable: z.boolean().default(false).meta({
    description: 'May its servers be split across sites? Stateless tiers yes; databases only with replication.',
  }),
  replicationMbps: nonNegative
    .default(0)
    .meta({ description: 'Synchronisation traffic between replicas, each direction, when split.' }),
  allowedSites: z
    .array(id)
    .optional()
    .meta({ description: 'Sites it may run at (data residency, pins). Absent = every site that prices its class.' }),
  colocationGroup: id
    .optional()
    .meta({ description: 'Components sharing a group must be placed at the same site(s).' }),
  securityZone: id.optional(),
  throughputPerServer: positive
    .optional()
    .meta({ description: 'Demand units one server handles (used by bursting).' }),
  vm: VmProfileSchema.optional(),
});

export const CallEdgeSchema = z.strictObject({
  from: id,
  to: id,
  callsPerTransaction: nonNegative,
  requestBytes: nonNegative,
  responseBytes: nonNegative,
});

export const SloSchema = z
  .strictObject({
    maxMeanIncreaseMs: nonNegative
      .optional()
      .meta({ description: 'Bound on the increase of mean response time over the status quo.' }),
    maxP95Ms: positive.optional().meta({ description: 'Bound on the 95th-percentile response time.' }),
  })
  .default({});

export const TransactionTypeSchema = z.strictObject({
  id,
  name: label,
  entryComponent: id.meta({ description: 'The component users call.' }),
  userRequestBytes: nonNegative.default(0),
  userResponseBytes: nonNegative.default(0),
  ratePerSecond: z
    .record(id, nonNegative)
    .meta({ description: 'Transactions per second from each user region, by region id.' }),
  calls: z.array(CallEdgeSchema).default([]),
  processingMs: z
    .record(id, nonNegative)
    .default({})
    .meta({ description: 'Processing time per component visit, by component id.' }),
  slo: SloSchema,
});

export const ApplicationSchema = z.strictObject({
  id,
  name: label,
  description: z.string().optional(),
  components: z.array(ComponentSchema).min(1, { error: 'must have at least one component' }),
  transactions: z.array(TransactionTypeSchema).default([]),
});

const portRange = z
  .string()
  .regex(/^(any|\d{1,5}(-\d{1,5})?)$/, { error: 'must be "any", a port like "443" or a range like "8000-8080"' });

export const AclRuleSchema = z.strictObject({
  id,
  action: z.enum(['allow', 'deny'], { error: 'must be "allow" or "deny"' }),
  source: id.meta({ description: 'A security zone id, or "any".' }),
  destination: id.meta({ description: 'A security zone id, or "any".' }),
  protocol: z.enum(['tcp', 'udp', 'icmp', 'any'], { error: 'must be "tcp", "udp", "icmp" or "any"' }),
  ports: portRange.default('any'),
  description: z.string().optional(),
});

export const SecurityPolicySchema = z.strictObject({
  zones: z.array(
    z.strictObject({
      id,
      name: label,
      description: z.string().optional(),
    }),
  ),
  rules: z.array(AclRuleSchema).meta({ description: 'Ordered: the first matching rule decides.' }),
  defaultAction: z.enum(['allow', 'deny']).default('deny'),
});

export const DemandProfileSchema = z.strictObject({
  application: id,
  values: z.array(nonNegative).min(1, { error: 'must have at least one period' }),
});

export const DemandSchema = z.strictObject({
  periodMinutes: wholeNumber(1).meta({ description: 'Length of one period, e.g. 60 for hourly.' }),
  start: z
    .string()
    .refine((t) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(t) && !Number.isNaN(Date.parse(t)), {
      error: 'must be an ISO 8601 date and time with a time zone, like 2026-11-23T00:00:00Z',
    })
    .optional()
    .meta({ description: 'ISO 8601 start of the first period, with its time zone.' }),
  unit: z.string().default('requests/s'),
  profiles: z.array(DemandProfileSchema),
});

export const PricingSchema = z.strictObject({
  currency: z.literal('USD', { error: 'must be "USD"' }),
  asOf: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date like 2026-11-01' })
    .refine(isCalendarDate, { error: 'must be a real calendar date like 2026-11-01' })
    .meta({ description: 'Date of the list prices used.' }),
  sources: z.array(z.string()).default([]),
  hoursPerMonth: positive.default(730),
});

export const ScenarioSchema = z
  .strictObject({
    $schema: z.string().optional().meta({ description: 'Path or URL of this JSON Schema, for editors.' }),
    formatVersion: z.literal(CURRENT_FORMAT_VERSION, { error: `must be ${CURRENT_FORMAT_VERSION}` }),
    name: label,
    description: z.string().optional(),
    pricing: PricingSchema,
    sites: z.array(SiteSchema).min(1, { error: 'must list at least one site' }),
    network: NetworkSchema,
    userRegions: z.array(UserRegionSchema).default([]),
    applications: z.array(ApplicationSchema).min(1, { error: 'must list at least one application' }),
    security: SecurityPolicySchema.optional(),
    demand: DemandSchema.optional(),
  })
  .meta({ title: 'Tierwise scenario', description: 'A hybrid-cloud planning scenario.' });

export type Scenario = z.output<typeof ScenarioSchema>;
/** What a file may contain before defaults are filled in. */
export type ScenarioInput = z.input<typeof ScenarioSchema>;
export type Site = Scenario['sites'][number];
export type Link = Scenario['network']['links'][number];
export type Latency = z.output<typeof LatencySchema>;
export type UserRegion = Scenario['userRegions'][number];
export type Application = Scenario['applications'][number];
export type Component = Application['components'][number];
export type TransactionType = Application['transactions'][number];
export type CallEdge = TransactionType['calls'][number];
export type SecurityPolicy = NonNullable<Scenario['security']>;
export type AclRule = SecurityPolicy['rules'][number];
export type Demand = NonNullable<Scenario['demand']>;
