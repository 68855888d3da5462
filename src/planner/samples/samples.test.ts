/**
 * The built-in samples: each must be a valid scenario and must have the shape
 * its picker entry and docs/samples.md promise (sites, users, pins, policy,
 * demand peaks), with honest, dated prices.
 */
import { describe, it, expect } from 'vitest';
import { parseScenario, allowedSitesOf } from '../scenario/validate';
import type { Scenario } from '../scenario/schema';
import { evaluatePlacement, statusQuoPlacement, type Placement } from '../testing/evaluatePlacement';
import { SAMPLES, sampleById, DEFAULT_SAMPLE_ID } from './index';

function load(id: string): Scenario {
  const sample = sampleById(id);
  if (!sample) throw new Error(`no sample "${id}"`);
  const result = parseScenario(sample.document);
  if (!result.ok) throw new Error(`sample "${id}" does not parse:\n${result.issues.map((i) => `  ${i.message}`).join('\n')}`);
  return result.scenario;
}

const components = (s: Scenario) => s.applications.flatMap((a) => a.components);
const onPremiseIds = (s: Scenario) => new Set(s.sites.filter((x) => x.kind === 'onPremise').map((x) => x.id));
const onPremiseCapacity = (s: Scenario) =>
  s.sites.filter((x) => x.kind === 'onPremise').reduce((n, x) => n + (x.capacity.servers ?? Infinity), 0);

describe('sample registry', () => {
  it('lists the three samples once each and the default exists', () => {
    expect(SAMPLES.map((s) => s.id).sort()).toEqual(['enterprise', 'seasonal', 'webshop']);
    expect(sampleById(DEFAULT_SAMPLE_ID)).toBeDefined();
    for (const s of SAMPLES) {
      expect(s.title.length).toBeGreaterThan(0);
      expect(s.summary.length).toBeGreaterThan(20);
    }
  });
});

describe.each(SAMPLES.map((s) => [s.id] as const))('sample %s', (id) => {
  it('passes parseScenario with no issues', () => {
    const sample = sampleById(id)!;
    const result = parseScenario(sample.document);
    const issues = result.ok ? [] : result.issues.map((i) => i.message);
    expect(issues, `issues in ${id}:\n${issues.join('\n')}`).toEqual([]);
  });

  it('survives a JSON round trip unchanged', () => {
    const scenario = load(id);
    const again = parseScenario(JSON.parse(JSON.stringify(scenario)));
    if (!again.ok) throw new Error(again.issues.map((i) => i.message).join('\n'));
    expect(again.scenario).toEqual(scenario);
  });

  it('states the date of its prices and where they come from', () => {
    const s = load(id);
    expect(s.pricing.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const asOf = new Date(`${s.pricing.asOf}T00:00:00Z`);
    expect(Number.isNaN(asOf.getTime())).toBe(false);
    expect(asOf.getTime()).toBeLessThanOrEqual(Date.now());
    expect(s.pricing.sources.length).toBeGreaterThanOrEqual(1);
    for (const source of s.pricing.sources) expect(source.trim().length).toBeGreaterThan(10);
    // Every cloud price is hourly and every on-premise price monthly, as the sources describe them.
    for (const site of s.sites)
      for (const c of site.serverClasses) expect(c.billing, `${site.id} ${c.serverClass}`).toBe(site.kind === 'cloud' ? 'hour' : 'month');
  });

  it('places every site and user region on the map, and every link has p95 ≥ mean and a positive bandwidth', () => {
    const s = load(id);
    for (const site of s.sites) expect(site.location, site.id).toBeDefined();
    for (const region of s.userRegions) expect(region.location, region.id).toBeDefined();
    for (const link of s.network.links) {
      expect(link.latency.p95Ms).toBeGreaterThanOrEqual(link.latency.meanMs);
      expect(link.latency.meanMs).toBeGreaterThan(0);
      expect(link.bandwidthMbps).toBeGreaterThan(0);
    }
  });

  it('today’s layout (every component at its home site) is feasible', () => {
    const s = load(id);
    const evaluation = evaluatePlacement(s, statusQuoPlacement(s));
    expect(evaluation.violations.map((v) => v.message)).toEqual([]);
    expect(evaluation.cost.total).toBeGreaterThan(0);
  });

  it('every transaction has traffic, an SLO or a stated reason for none, and only names its own calls', () => {
    const s = load(id);
    for (const app of s.applications) {
      expect(app.transactions.length, app.id).toBeGreaterThan(0);
      for (const t of app.transactions) {
        expect(Object.values(t.ratePerSecond).some((r) => r > 0), t.id).toBe(true);
        expect(t.processingMs[t.entryComponent], `${t.id} processing at its entry`).toBeGreaterThan(0);
        for (const edge of t.calls) expect(edge.from, t.id).not.toBe(edge.to);
      }
    }
    // User-facing transactions (with response bytes) carry an SLO.
    const userFacing = s.applications.flatMap((a) => a.transactions).filter((t) => t.userResponseBytes > 0);
    expect(userFacing.length).toBeGreaterThan(0);
    for (const t of userFacing) expect(t.slo.maxMeanIncreaseMs !== undefined || t.slo.maxP95Ms !== undefined, t.id).toBe(true);
  });
});

describe('webshop', () => {
  const s = load('webshop');

  it('has one on-premise data centre and two cloud regions', () => {
    expect(s.sites.filter((x) => x.kind === 'onPremise')).toHaveLength(1);
    expect(s.sites.filter((x) => x.kind === 'cloud')).toHaveLength(2);
  });

  it('has a front end, app servers and a database, 15 to 30 servers in all', () => {
    const cs = components(s);
    expect(cs.length).toBeGreaterThanOrEqual(3);
    const roles = new Set(cs.map((c) => c.role));
    for (const role of ['frontend', 'app', 'database'] as const) expect(roles.has(role), role).toBe(true);
    const servers = cs.reduce((n, c) => n + c.servers, 0);
    expect(servers).toBeGreaterThanOrEqual(15);
    expect(servers).toBeLessThanOrEqual(30);
    // Stateless tiers may split; a database only with replication traffic.
    for (const c of cs) {
      if (c.role === 'frontend' || c.role === 'app') expect(c.splittable, c.id).toBe(true);
      if (c.role === 'database' && c.splittable) expect(c.replicationMbps, c.id).toBeGreaterThan(0);
    }
  });

  it('has internal users next to the data centre and at least two external regions', () => {
    const dc = s.sites.find((x) => x.kind === 'onPremise')!.id;
    const internal = s.userRegions.filter((r) => r.latencyToSites[dc]!.meanMs <= 5);
    const external = s.userRegions.filter((r) => r.latencyToSites[dc]!.meanMs > 5);
    expect(internal).toHaveLength(1);
    expect(external.length).toBeGreaterThanOrEqual(2);
    const transactions = s.applications.flatMap((a) => a.transactions);
    for (const region of [...internal, ...external])
      expect(transactions.some((t) => (t.ratePerSecond[region.id] ?? 0) > 0), region.id).toBe(true);
  });

  it('its cheapest whole-component placement is neither the status quo nor a lift-and-shift to one cloud', () => {
    // Exhaustive over every placement, priced by the evaluator alone.
    const cs = components(s);
    let best: { placement: Placement; total: number } | null = null;
    const placement: Placement = {};
    const visit = (i: number) => {
      if (i === cs.length) {
        const e = evaluatePlacement(s, placement);
        if (e.violations.length === 0 && (best === null || e.cost.total < best.total)) best = { placement: { ...placement }, total: e.cost.total };
        return;
      }
      for (const site of allowedSitesOf(cs[i]!, s)) {
        placement[cs[i]!.id] = site;
        visit(i + 1);
      }
    };
    visit(0);
    expect(best).not.toBeNull();
    const optimum = best! as { placement: Placement; total: number };
    const statusQuo = evaluatePlacement(s, statusQuoPlacement(s)).cost.total;
    expect(optimum.total).toBeLessThan(statusQuo * 0.95);
    const usedSites = new Set(Object.values(optimum.placement));
    expect(usedSites.size, JSON.stringify(optimum.placement)).toBeGreaterThanOrEqual(2);
    for (const cloud of s.sites.filter((x) => x.kind === 'cloud')) {
      const lift = Object.fromEntries(cs.map((c) => [c.id, cloud.id]));
      expect(optimum.total).toBeLessThan(evaluatePlacement(s, lift).cost.total - 1);
    }
  });
});

describe('enterprise', () => {
  const s = load('enterprise');
  const onPrem = onPremiseIds(s);

  it('has two on-premise data centres with different capacities and prices, and two cloud regions', () => {
    const dcs = s.sites.filter((x) => x.kind === 'onPremise');
    expect(dcs).toHaveLength(2);
    expect(s.sites.filter((x) => x.kind === 'cloud')).toHaveLength(2);
    expect(dcs[0]!.capacity.servers).toBeDefined();
    expect(dcs[0]!.capacity.servers).not.toBe(dcs[1]!.capacity.servers);
    expect(dcs[0]!.serverClasses.map((c) => c.priceUSD)).not.toEqual(dcs[1]!.serverClasses.map((c) => c.priceUSD));
  });

  it('has at least three applications and at least 25 components', () => {
    expect(s.applications.length).toBeGreaterThanOrEqual(3);
    expect(components(s).length).toBeGreaterThanOrEqual(25);
  });

  it('pins sensitive components on premise, some to a single site, and lists allowedSites everywhere', () => {
    const cs = components(s);
    for (const c of cs) expect(c.allowedSites, c.id).toBeDefined();
    const onPremOnly = cs.filter((c) => c.allowedSites!.every((site) => onPrem.has(site)));
    expect(onPremOnly.length).toBeGreaterThanOrEqual(5);
    expect(onPremOnly.some((c) => c.allowedSites!.length === 1)).toBe(true);
    expect(onPremOnly.some((c) => c.allowedSites!.length > 1)).toBe(true);
    expect(cs.filter((c) => c.allowedSites!.length === 1).length).toBeGreaterThanOrEqual(8);
  });

  it('has co-location groups of at least two components each', () => {
    const groups = new Map<string, number>();
    for (const c of components(s)) if (c.colocationGroup) groups.set(c.colocationGroup, (groups.get(c.colocationGroup) ?? 0) + 1);
    expect(groups.size).toBeGreaterThanOrEqual(1);
    for (const [group, size] of groups) expect(size, group).toBeGreaterThanOrEqual(2);
  });

  it('keeps the whole-placement search space at most 1e9', () => {
    const space = components(s).reduce((n, c) => n * allowedSitesOf(c, s).length, 1);
    expect(space).toBeLessThanOrEqual(1e9);
    expect(space).toBeGreaterThan(1e6); // still a real search
  });

  it('has a security policy with zones and ordered rules, and every component sits in a defined zone', () => {
    const policy = s.security!;
    expect(policy).toBeDefined();
    expect(policy.zones.length).toBeGreaterThanOrEqual(4);
    expect(policy.rules.length).toBeGreaterThanOrEqual(10);
    expect(policy.rules.length).toBeLessThanOrEqual(25);
    expect(policy.defaultAction).toBe('deny');
    expect(policy.rules.some((r) => r.action === 'deny')).toBe(true);
    const zones = new Set(policy.zones.map((z) => z.id));
    for (const c of components(s)) expect(zones.has(c.securityZone ?? '(none)'), `${c.id} zone ${c.securityZone}`).toBe(true);
    // Every zone is used by some component.
    for (const zone of zones) expect(components(s).some((c) => c.securityZone === zone), zone).toBe(true);
  });

  it('its policy allows every call the applications make and keeps the DMZ away from the data tier', () => {
    const policy = s.security!;
    const zoneOf = new Map(components(s).map((c) => [c.id, c.securityZone!]));
    const matches = (ruleEnd: string, zone: string) => ruleEnd === 'any' || ruleEnd === zone;
    // A zone pair is reachable when some allow rule for it is not shadowed by an earlier deny covering it.
    const reachable = (from: string, to: string) =>
      policy.rules.some(
        (rule, i) =>
          rule.action === 'allow' &&
          matches(rule.source, from) &&
          matches(rule.destination, to) &&
          !policy.rules
            .slice(0, i)
            .some(
              (earlier) =>
                earlier.action === 'deny' &&
                matches(earlier.source, from) &&
                matches(earlier.destination, to) &&
                (earlier.protocol === 'any' || earlier.protocol === rule.protocol) &&
                (earlier.ports === 'any' || earlier.ports === rule.ports),
            ),
      );
    for (const app of s.applications)
      for (const t of app.transactions)
        for (const edge of t.calls) {
          const from = zoneOf.get(edge.from)!;
          const to = zoneOf.get(edge.to)!;
          expect(reachable(from, to), `${t.id}: ${edge.from} (${from}) → ${edge.to} (${to})`).toBe(true);
        }
    expect(reachable('dmz', 'data')).toBe(false);
    expect(reachable('dmz', 'pci')).toBe(false);
    // Management reaches every host by SSH.
    expect(policy.rules.some((r) => r.action === 'allow' && r.source === 'mgmt' && r.destination === 'any' && r.ports === '22')).toBe(true);
  });

  it('has users at head office, in branches and outside, each with traffic', () => {
    expect(s.userRegions.length).toBeGreaterThanOrEqual(3);
    const transactions = s.applications.flatMap((a) => a.transactions);
    for (const region of s.userRegions)
      expect(transactions.some((t) => (t.ratePerSecond[region.id] ?? 0) > 0), region.id).toBe(true);
  });
});

describe('seasonal', () => {
  const s = load('seasonal');
  const demand = s.demand!;

  /** Servers needed in hour h: Σ over components of ceil(demand of its application / throughput per server). */
  const neededAt = (h: number) =>
    demand.profiles.reduce((sum, profile) => {
      const app = s.applications.find((a) => a.id === profile.application)!;
      return sum + app.components.reduce((n, c) => n + Math.ceil(profile.values[h]! / c.throughputPerServer!), 0);
    }, 0);

  it('has an on-premise data centre with a fixed capacity and one or two cloud regions', () => {
    const dcs = s.sites.filter((x) => x.kind === 'onPremise');
    expect(dcs).toHaveLength(1);
    expect(dcs[0]!.capacity.servers).toBeGreaterThan(0);
    const clouds = s.sites.filter((x) => x.kind === 'cloud');
    expect(clouds.length).toBeGreaterThanOrEqual(1);
    expect(clouds.length).toBeLessThanOrEqual(2);
    expect(s.applications.length).toBeGreaterThanOrEqual(2);
    expect(s.applications.length).toBeLessThanOrEqual(4);
  });

  it('has hourly demand for one week from a Monday, one profile per application, at most one decimal', () => {
    expect(demand).toBeDefined();
    expect(demand.periodMinutes).toBe(60);
    expect(demand.unit).toBe('requests/s');
    const start = new Date(demand.start!);
    expect(Number.isNaN(start.getTime())).toBe(false);
    expect(start.getUTCDay()).toBe(1);
    expect(demand.profiles.map((p) => p.application).sort()).toEqual(s.applications.map((a) => a.id).sort());
    for (const profile of demand.profiles) {
      expect(profile.values, profile.application).toHaveLength(168);
      for (const v of profile.values) expect(Math.round(v * 10) / 10).toBe(v);
    }
  });

  it('shows a daily rhythm and a weekly one', () => {
    for (const profile of demand.profiles) {
      const v = profile.values;
      const max = Math.max(...v);
      const min = Math.min(...v);
      expect(max, profile.application).toBeGreaterThan(2 * min);
      // Some day differs clearly from another in its total.
      const days = Array.from({ length: 7 }, (_, d) => v.slice(d * 24, d * 24 + 24).reduce((a, b) => a + b, 0));
      if (profile.application !== 'supplier-import') expect(Math.max(...days), profile.application).toBeGreaterThan(1.5 * Math.min(...days));
    }
  });

  it('gives every component a throughput per server and a VM profile', () => {
    for (const c of components(s)) {
      expect(c.throughputPerServer, c.id).toBeGreaterThan(0);
      const vm = c.vm!;
      expect(vm, c.id).toBeDefined();
      expect(vm.memoryGB, c.id).toBeGreaterThan(0);
      expect(vm.diskGB, c.id).toBeGreaterThan(0);
      expect(vm.imageGB, c.id).toBeGreaterThan(0);
      expect(vm.imageGB!, c.id).toBeLessThanOrEqual(vm.diskGB!);
      expect(vm.bootSeconds, c.id).toBeGreaterThan(0);
      expect(vm.dirtyRateMBps, c.id).toBeGreaterThan(0);
    }
  });

  it('needs more servers than the data centre has in its peak hours, and fits in the median hour', () => {
    const capacity = onPremiseCapacity(s);
    const needs = Array.from({ length: 168 }, (_, h) => neededAt(h));
    const sorted = [...needs].sort((a, b) => a - b);
    const median = (sorted[83]! + sorted[84]!) / 2;
    expect(Math.max(...needs)).toBeGreaterThan(capacity);
    expect(median).toBeLessThanOrEqual(capacity);
    const over = needs.filter((n) => n > capacity).length;
    expect(over).toBeGreaterThanOrEqual(3); // a burst, not a single spike
    expect(over).toBeLessThanOrEqual(40); // ... and not most of the week
    // Today's servers fit in the data centre.
    expect(components(s).reduce((n, c) => n + c.servers, 0)).toBeLessThanOrEqual(capacity);
  });

  it('its transaction rates are the average of the hourly demand', () => {
    for (const profile of demand.profiles) {
      const app = s.applications.find((a) => a.id === profile.application)!;
      const mean = profile.values.reduce((a, b) => a + b, 0) / profile.values.length;
      const rate = app.transactions.reduce((n, t) => n + Object.values(t.ratePerSecond).reduce((a, b) => a + b, 0), 0);
      expect(Math.abs(rate - mean) / mean, profile.application).toBeLessThan(0.01);
    }
  });

  it('keeps the databases on premise so bursting moves only the stateless and batch tiers', () => {
    const onPrem = onPremiseIds(s);
    for (const c of components(s).filter((c) => c.role === 'database'))
      expect(allowedSitesOf(c, s).every((site) => onPrem.has(site)), c.id).toBe(true);
    expect(components(s).filter((c) => c.role !== 'database').every((c) => allowedSitesOf(c, s).some((site) => !onPrem.has(site)))).toBe(true);
  });
});
