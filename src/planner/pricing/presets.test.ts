import { describe, it, expect } from 'vitest';
import { parseScenario } from '../scenario/validate';
import type { ScenarioInput, Site } from '../scenario/schema';
import { SAMPLES } from '../samples';
import { estimateLinkLatency } from '../geo/latencyEstimate';
import { PRICE_CATALOG, pricingSourcesFor, regionPresetById, siteFromPreset } from './presets';

const { regions, providers, serverClasses } = PRICE_CATALOG;

/** A whole scenario around the given sites, so the format's own validation judges them. */
function scenarioWith(sites: Site[]): ScenarioInput {
  const links = [];
  for (let i = 0; i < sites.length; i++)
    for (let j = i + 1; j < sites.length; j++)
      links.push({ between: [sites[i]!.id, sites[j]!.id] as [string, string], latency: estimateLinkLatency(sites[i]!, sites[j]!)!, bandwidthMbps: 1000 });
  return {
    formatVersion: 1,
    name: 'presets',
    pricing: { currency: 'USD', asOf: PRICE_CATALOG.asOf, sources: pricingSourcesFor(sites.map((s) => s.id)) },
    sites,
    network: { links },
    applications: [
      {
        id: 'app',
        name: 'App',
        components: serverClasses.map((c) => ({ id: c.id.replace('.', '-'), name: c.id, servers: 1, serverClass: c.id, homeSite: sites[0]!.id })),
      },
    ],
  };
}

function issuesOf(input: ScenarioInput): string[] {
  const parsed = parseScenario(input);
  return parsed.ok ? [] : parsed.issues.map((i) => i.message);
}

describe('the price catalog', () => {
  it('has at least 4 regions per provider, covering North America, Europe and Asia', () => {
    for (const provider of ['AWS', 'Azure', 'GCP'] as const) {
      const own = regions.filter((r) => r.provider === provider);
      expect(own.length, provider).toBeGreaterThanOrEqual(4);
      expect(new Set(own.map((r) => r.continent)), provider).toEqual(new Set(['North America', 'Europe', 'Asia']));
    }
  });

  it('dates every provider and names its sources', () => {
    expect(PRICE_CATALOG.asOf).toBe('2024-06-01');
    expect(new Set(providers.map((p) => p.provider))).toEqual(new Set(regions.map((r) => r.provider)));
    for (const p of providers) {
      expect(p.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(new Date(`${p.asOf}T00:00:00Z`).toISOString().slice(0, 10)).toBe(p.asOf);
      expect(p.sources.length).toBeGreaterThanOrEqual(3);
      for (const s of p.sources) expect(s).toMatch(/https:\/\/\S+.*mid-2024/);
    }
    expect(PRICE_CATALOG.caveat).toMatch(/not re-checked/);
  });

  it('has unique ids, unique region codes per provider and unique class ids', () => {
    expect(new Set(regions.map((r) => r.id)).size).toBe(regions.length);
    expect(new Set(regions.map((r) => `${r.provider}/${r.region}`)).size).toBe(regions.length);
    expect(new Set(serverClasses.map((c) => c.id)).size).toBe(serverClasses.length);
  });

  it('prices every class in every region with shapes that fit the class', () => {
    for (const r of regions) {
      expect(r.serverClasses.map((p) => p.serverClass), r.id).toEqual(serverClasses.map((c) => c.id));
      for (const p of r.serverClasses) {
        const cls = serverClasses.find((c) => c.id === p.serverClass)!;
        expect(p.vcpus, `${r.id} ${p.serverClass}`).toBe(cls.vcpus);
        const perVcpu = p.memoryGB / p.vcpus;
        if (cls.family === 'general') expect(perVcpu).toBe(4);
        if (cls.family === 'memory') expect(perVcpu).toBe(8);
        if (cls.family === 'compute') expect(perVcpu).toBeLessThanOrEqual(2);
        expect(p.priceUSDPerHour).toBeGreaterThan(0);
        // Sanity: a 2–16 vCPU on-demand Linux VM cost between 2 and 10 US cents per vCPU-hour in 2024.
        expect(p.priceUSDPerHour / p.vcpus).toBeGreaterThan(0.02);
        expect(p.priceUSDPerHour / p.vcpus).toBeLessThan(0.1);
      }
      // Within a family, twice the vCPUs cost twice as much (list prices are linear in size).
      for (const family of ['general', 'compute', 'memory']) {
        const own = r.serverClasses.filter((p) => p.serverClass.startsWith(`${family}.`));
        const perVcpu = own.map((p) => p.priceUSDPerHour / p.vcpus);
        for (const v of perVcpu) expect(Math.abs(v - perVcpu[0]!) / perVcpu[0]!, `${r.id} ${family}`).toBeLessThan(0.01);
      }
    }
  });

  it('GCP N2 prices follow the per-vCPU and per-GB rates: n2-standard-4 in us-central1 is $0.194236/h', () => {
    // 4 × $0.031611 + 16 × $0.004237 = 0.126444 + 0.067792
    expect(regionPresetById('gcp-us-central1')!.serverClasses.find((p) => p.instanceType === 'n2-standard-4')!.priceUSDPerHour).toBe(0.194236);
    expect(regionPresetById('gcp-us-central1')!.serverClasses.find((p) => p.instanceType === 'n2-highmem-16')!.priceUSDPerHour).toBe(1.048112);
  });
});

describe('siteFromPreset', () => {
  it('every preset site, with all classes, validates as a scenario site', () => {
    for (const r of regions) expect(issuesOf(scenarioWith([siteFromPreset(r.id)])), r.id).toEqual([]);
  });

  it('a scenario with every preset region as a site validates', () => {
    expect(issuesOf(scenarioWith(regions.map((r) => siteFromPreset(r.id))))).toEqual([]);
  });

  it('prices the classes asked for, in that order', () => {
    const site = siteFromPreset('aws-eu-central-1', ['memory.4xlarge', 'general.large']);
    expect(site.serverClasses).toEqual([
      { serverClass: 'memory.4xlarge', priceUSD: 1.216, billing: 'hour', vcpus: 16, memoryGB: 128 },
      { serverClass: 'general.large', priceUSD: 0.115, billing: 'hour', vcpus: 2, memoryGB: 8 },
    ]);
    expect(site).toMatchObject({ id: 'aws-eu-central-1', kind: 'cloud', provider: 'AWS', region: 'eu-central-1', capacity: {} });
  });

  it('rebuilds every cloud site of the samples from presets', () => {
    let rebuilt = 0;
    for (const sample of SAMPLES) {
      const parsed = parseScenario(sample.document);
      if (!parsed.ok) throw new Error(`${sample.id} does not parse`);
      for (const site of parsed.scenario.sites.filter((s) => s.kind === 'cloud')) {
        const preset = regions.find((r) => r.provider === site.provider && r.region === site.region);
        expect(preset, `${sample.id} ${site.id}`).toBeDefined();
        const fromPreset = siteFromPreset(preset!.id, site.serverClasses.map((c) => c.serverClass));
        if (site.transferPricePerGBUSD.interRegion === undefined) {
          // The seasonal sample's only Azure site omits Azure's inter-region price, which it
          // never uses (no second Azure region); everything else must match exactly.
          expect(site.provider).toBe('Azure');
          expect(parsed.scenario.sites.filter((s) => s.provider === site.provider)).toHaveLength(1);
          delete (fromPreset.transferPricePerGBUSD as { interRegion?: number }).interRegion;
        }
        expect(fromPreset, `${sample.id} ${site.id}`).toEqual(site);
        rebuilt++;
      }
    }
    expect(rebuilt).toBe(6); // webshop 2, enterprise 2, seasonal 2
  });

  it('names the known ids when asked for an unknown region or class', () => {
    expect(() => siteFromPreset('aws-mars-1')).toThrow(/^unknown region preset “aws-mars-1”; known: aws-us-east-1, aws-us-east-2/);
    expect(() => siteFromPreset('aws-us-east-1', ['general.huge'])).toThrow(/^unknown server class “general.huge”; known: general.large, general.xlarge/);
    expect(() => siteFromPreset('aws-us-east-1', ['general.large', 'general.large'])).toThrow('server class “general.large” is asked for twice');
  });

  it('returns a fresh site each time, so editing one cannot change the catalog', () => {
    const a = siteFromPreset('gcp-europe-west1');
    a.location!.lat = 0;
    a.transferPricePerGBUSD.egress = 99;
    a.serverClasses[0]!.priceUSD = 99;
    const b = siteFromPreset('gcp-europe-west1');
    expect(b.location!.lat).toBe(50.45);
    expect(b.transferPricePerGBUSD.egress).toBe(0.12);
    expect(b.serverClasses[0]!.priceUSD).toBe(regionPresetById('gcp-europe-west1')!.serverClasses[0]!.priceUSDPerHour);
  });
});

describe('pricingSourcesFor', () => {
  it('cites each provider used once, with the catalog date', () => {
    const lines = pricingSourcesFor(['aws-us-east-1', 'aws-eu-west-1', 'gcp-us-central1']);
    expect(lines).toHaveLength(6);
    expect(lines.every((l) => l.endsWith('(Tierwise price catalog, 2024-06-01)'))).toBe(true);
    expect(lines.some((l) => l.includes('azure'))).toBe(false);
  });
});
