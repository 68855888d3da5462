import { describe, expect, it } from 'vitest';
import { parseScenario, parseScenarioJson } from './validate';
import { twoSiteShop } from '../testing/fixtures';

type Doc = ReturnType<typeof twoSiteShop>;

function messagesFor(mutate: (d: Doc) => void): string[] {
  const doc = twoSiteShop();
  mutate(doc);
  const result = parseScenario(doc);
  if (result.ok) throw new Error('expected the scenario to be rejected');
  return result.issues.map((i) => i.message);
}

describe('a valid scenario', () => {
  it('parses and fills in defaults with their documented values', () => {
    const result = parseScenario(twoSiteShop());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.scenario.pricing.hoursPerMonth).toBe(730);
    expect(result.scenario.network.intraSiteLatency).toEqual({ meanMs: 0.5, p95Ms: 1 });
    expect(result.scenario.applications[0]!.components[0]!.storageGB).toBe(0);
    expect(result.scenario.applications[0]!.components[1]!.splittable).toBe(false);
  });

  it('accepts a $schema reference for editors', () => {
    expect(parseScenario({ ...twoSiteShop(), $schema: './scenario.schema.json' }).ok).toBe(true);
  });
});

describe('schema messages name the path, the rule and the value', () => {
  const cases: [string, (d: Doc) => void, string][] = [
    ['negative server count', (d) => (d.applications[0].components[1].servers = -3), 'applications[0].components[1].servers must be a whole number ≥ 1, got -3'],
    ['fractional server count', (d) => (d.applications[0].components[0].servers = 2.5), 'applications[0].components[0].servers must be a whole number ≥ 1, got 2.5'],
    ['server count as text', (d) => (d.applications[0].components[0].servers = '2'), 'applications[0].components[0].servers must be a whole number ≥ 1, got "2"'],
    ['missing field', (d) => delete d.sites[1].storagePricePerGBMonthUSD, 'sites[1].storagePricePerGBMonthUSD is required'],
    ['unknown field', (d) => (d.sites[0].capacty = { servers: 3 }), 'sites[0] has unknown field "capacty" (check the spelling)'],
    ['bad enum', (d) => (d.sites[1].kind = 'public'), 'sites[1].kind must be "onPremise" or "cloud", got "public"'],
    ['bad billing unit', (d) => (d.sites[1].serverClasses[0].billing = 'minute'), 'sites[1].serverClasses[0].billing must be "hour" or "month", got "minute"'],
    ['negative price', (d) => (d.sites[0].transferPricePerGBUSD.egress = -0.01), 'sites[0].transferPricePerGBUSD.egress must be a number ≥ 0, got -0.01'],
    ['zero bandwidth', (d) => (d.network.links[0].bandwidthMbps = 0), 'network.links[0].bandwidthMbps must be a number > 0, got 0'],
    ['p95 below mean', (d) => (d.network.links[0].latency = { meanMs: 30, p95Ms: 20 }), 'network.links[0].latency.p95Ms p95Ms must be at least meanMs, got 20'],
    ['id with a space', (d) => (d.sites[0].id = 'my dc'), 'sites[0].id must be an identifier of letters, digits and _ . : - (no spaces), got "my dc"'],
    ['empty name', (d) => (d.name = ''), 'name must not be empty, got ""'],
    ['no components', (d) => (d.applications[0].components = []), 'applications[0].components must have at least one component, got []'],
    ['bad price date', (d) => (d.pricing.asOf = 'November 2026'), 'pricing.asOf must be a date like 2026-11-01, got "November 2026"'],
    ['impossible price date', (d) => (d.pricing.asOf = '2024-13-45'), 'pricing.asOf must be a real calendar date like 2026-11-01, got "2024-13-45"'],
    ['demand start without a time zone', (d) => ((d as any).demand = { periodMinutes: 60, start: '2026-11-23 00:00', profiles: [{ application: 'shop', values: [1] }] }), 'demand.start must be an ISO 8601 date and time with a time zone, like 2026-11-23T00:00:00Z, got "2026-11-23 00:00"'],
    ['bad port range', (d) => ((d as any).security = { zones: [], rules: [{ id: 'r1', action: 'allow', source: 'any', destination: 'any', protocol: 'tcp', ports: '80,443' }] }), 'security.rules[0].ports must be "any", a port like "443" or a range like "8000-8080", got "80,443"'],
  ];
  it.each(cases)('%s', (_, mutate, expected) => {
    expect(messagesFor(mutate)).toContain(expected);
  });

  it('reports every problem at once, not only the first', () => {
    const messages = messagesFor((d) => {
      d.applications[0].components[0].servers = 0;
      d.sites[0].storagePricePerGBMonthUSD = -1;
    });
    expect(messages).toHaveLength(2);
  });
});

describe('cross-reference checks', () => {
  const cases: [string, (d: Doc) => void, string][] = [
    ['duplicate site id', (d) => (d.sites[1].id = 'dc'), 'sites[1].id repeats the site id "dc" already used by sites[0]'],
    ['duplicate component id across applications', (d) => d.applications.push({ id: 'crm', name: 'CRM', components: [{ id: 'db', name: 'CRM DB', servers: 1, serverClass: 'std', homeSite: 'dc' }] }), 'applications[1].components[0].id repeats the component id "db" already used by applications[0].components[1]'],
    ['duplicate application id', (d) => d.applications.push({ id: 'shop', name: 'Other', components: [{ id: 'x', name: 'X', servers: 1, serverClass: 'std', homeSite: 'dc' }] }), 'applications[1].id repeats the application id "shop" already used by applications[0]'],
    ['duplicate server class', (d) => d.sites[0].serverClasses.push({ serverClass: 'std', priceUSD: 1, billing: 'month', vcpus: 2 }), 'sites[0].serverClasses[1].serverClass prices "std" twice at site "dc"'],
    ['link to an unknown site', (d) => (d.network.links[0].between = ['dc', 'gcp']), 'network.links[0].between[1] names an unknown site "gcp"'],
    ['link to itself', (d) => d.network.links.push({ between: ['dc', 'dc'], latency: { meanMs: 1, p95Ms: 1 }, bandwidthMbps: 10 }), 'network.links[1].between connects site "dc" to itself; intra-site latency is network.intraSiteLatency'],
    ['duplicate link', (d) => d.network.links.push({ between: ['aws', 'dc'], latency: { meanMs: 1, p95Ms: 1 }, bandwidthMbps: 10 }), 'network.links[1] repeats the link between "aws" and "dc" already given by network.links[0]'],
    ['latency matrix missing a pair', (d) => (d.network.links = []), 'network.links is missing the link between sites "dc" and "aws"'],
    ['user region missing a site', (d) => delete d.userRegions[0].latencyToSites.aws, 'userRegions[0].latencyToSites is missing the latency from "eu" to site "aws"'],
    ['user region naming an unknown site', (d) => (d.userRegions[0].latencyToSites.gcp = { meanMs: 1, p95Ms: 2 }), 'userRegions[0].latencyToSites.gcp names an unknown site "gcp"'],
    ['unknown home site', (d) => (d.applications[0].components[0].homeSite = 'hq'), 'applications[0].components[0].homeSite names an unknown site "hq"'],
    ['allowed site that does not exist', (d) => (d.applications[0].components[1].allowedSites = ['dc', 'azure']), 'applications[0].components[1].allowedSites[1] names an unknown site "azure"'],
    ['allowed sites without the home site', (d) => (d.applications[0].components[1].allowedSites = ['aws']), 'applications[0].components[1].allowedSites does not include the home site "dc", so today\'s layout would be invalid'],
    ['allowed site without the server class', (d) => { d.applications[0].components[1].serverClass = 'big'; d.sites[0].serverClasses.push({ serverClass: 'big', priceUSD: 500, billing: 'month', vcpus: 8 }); d.applications[0].components[1].allowedSites = ['dc', 'aws']; }, 'applications[0].components[1].allowedSites[1] site "aws" has no price for server class "big"'],
    ['server class not priced at home', (d) => (d.applications[0].components[0].serverClass = 'gpu'), 'applications[0].components[0].serverClass "gpu" has no price at its home site "dc"'],
    ['unknown security zone on a component', (d) => (d.applications[0].components[0].securityZone = 'dmz'), 'applications[0].components[0].securityZone names an unknown security zone "dmz"'],
    ['impossible co-location', (d) => { d.applications[0].components[0].colocationGroup = 'g'; d.applications[0].components[1].colocationGroup = 'g'; d.applications[0].components[0].allowedSites = ['dc']; d.applications[0].components[1].allowedSites = ['dc']; d.applications[0].components[1].homeSite = 'aws'; d.applications[0].components[1].allowedSites = ['aws']; }, 'applications[0].components[0].colocationGroup "g" cannot be satisfied: no site is allowed for all of "web", "db"'],
    ['edge naming an unknown component', (d) => (d.applications[0].transactions[0].calls[0].to = 'cache'), 'applications[0].transactions[0].calls[0].to names an unknown component "cache"'],
    ['call from a component not reached yet', (d) => d.applications[0].transactions[0].calls.unshift({ from: 'db', to: 'web', callsPerTransaction: 1, requestBytes: 1, responseBytes: 1 }), 'applications[0].transactions[0].calls[0].from "db" is called before anything calls it: list calls from the entry component "web" outwards'],
    ['unknown entry component', (d) => (d.applications[0].transactions[0].entryComponent = 'lb'), 'applications[0].transactions[0].entryComponent names an unknown component "lb"'],
    ['rate from an unknown user region', (d) => (d.applications[0].transactions[0].ratePerSecond.asia = 3), 'applications[0].transactions[0].ratePerSecond.asia names an unknown user region "asia"'],
    ['processing time of an unknown component', (d) => (d.applications[0].transactions[0].processingMs.queue = 3), 'applications[0].transactions[0].processingMs.queue names an unknown component "queue"'],
    ['vCPU capacity without vCPU figures', (d) => { d.sites[1].capacity = { vcpus: 64 }; delete d.sites[1].serverClasses[0].vcpus; }, "sites[1].serverClasses[0].vcpus is required because the site's capacity is given in vCPUs"],
    ['ACL rule naming an unknown zone', (d) => ((d as any).security = { zones: [{ id: 'web', name: 'Web' }], rules: [{ id: 'r1', action: 'allow', source: 'web', destination: 'db', protocol: 'tcp', ports: '5432' }] }), 'security.rules[0].destination names an unknown security zone "db"'],
    ['ACL port range upside down', (d) => ((d as any).security = { zones: [], rules: [{ id: 'r1', action: 'allow', source: 'any', destination: 'any', protocol: 'tcp', ports: '9000-8000' }] }), 'security.rules[0].ports must be ports from 1 to 65535 with the lower first, got "9000-8000"'],
    ['duplicate zone', (d) => ((d as any).security = { zones: [{ id: 'z', name: 'Z' }, { id: 'z', name: 'Z2' }], rules: [] }), 'security.zones[1].id repeats the zone id "z" already used by security.zones[0]'],
    ['demand for an unknown application', (d) => ((d as any).demand = { periodMinutes: 60, profiles: [{ application: 'erp', values: [1, 2] }] }), 'demand.profiles[0].application names an unknown application "erp"'],
    ['demand profiles of different lengths', (d) => { d.applications.push({ id: 'crm', name: 'CRM', components: [{ id: 'crm-app', name: 'CRM app', servers: 1, serverClass: 'std', homeSite: 'dc' }] }); (d as any).demand = { periodMinutes: 60, profiles: [{ application: 'shop', values: [1, 2, 3] }, { application: 'crm', values: [1, 2] }] }; }, 'demand.profiles[1].values has 2 periods, but demand.profiles[0] has 3; every profile must cover the same periods'],
  ];
  it.each(cases)('%s', (_, mutate, expected) => {
    expect(messagesFor(mutate)).toContain(expected);
  });

  it('accepts "any" as an ACL source or destination', () => {
    const doc = twoSiteShop();
    (doc as any).security = { zones: [{ id: 'web', name: 'Web' }], rules: [{ id: 'r1', action: 'deny', source: 'any', destination: 'web', protocol: 'any', ports: 'any' }] };
    expect(parseScenario(doc).ok).toBe(true);
  });
});

describe('files and versions', () => {
  it('locates a JSON syntax error by line and column', () => {
    const result = parseScenarioJson('{\n  "formatVersion": 1,\n  "name": "x",,\n}');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues[0]!.message).toMatch(/^the file is not valid JSON at line 3, column 15: Expected double-quoted property name$/);
  });

  it('says an empty file is empty', () => {
    const result = parseScenarioJson('   ');
    expect(!result.ok && result.issues[0]!.message).toBe('the file is empty, expected a JSON scenario');
  });

  it('refuses something that is not a scenario object', () => {
    const result = parseScenario([1, 2]);
    expect(!result.ok && result.issues[0]!.message).toBe('the scenario must be a JSON object, got a list');
  });

  it('refuses a file without formatVersion', () => {
    const { formatVersion: _, ...rest } = twoSiteShop();
    const result = parseScenario(rest);
    expect(!result.ok && result.issues[0]!.message).toBe('formatVersion is required (this file does not look like a Tierwise scenario)');
  });

  it('refuses a file from a newer Tierwise instead of misreading it', () => {
    const result = parseScenario({ ...twoSiteShop(), formatVersion: 7 });
    expect(!result.ok && result.issues[0]!.message).toBe('formatVersion 7 was written by a newer Tierwise; this one reads formats up to 1');
  });
});
