import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import GLPK from 'glpk.js/node';
import { planPlacement, type PlanSettings } from './planPlacement';
import { buildWholePlacementModel } from './wholePlacement';
import { parseScenario } from '../scenario/validate';
import type { Scenario } from '../scenario/schema';
import { bruteForce, branchAndBound } from '../testing/exactSearch';
import { smallScenarioArb } from '../testing/randomScenario';
import { twoSiteShop } from '../testing/fixtures';
import { loadGlpk, toCplexLp, type GLPK as Glpk } from '../solver/glpk';

let glpk: Glpk;
beforeAll(async () => {
  glpk = await loadGlpk(GLPK);
});
const settings: PlanSettings = { timeLimitSeconds: 30, mipGap: 0 };

function scenario(mutate: (d: ReturnType<typeof twoSiteShop>) => void = () => {}): Scenario {
  const doc = twoSiteShop();
  mutate(doc);
  const result = parseScenario(doc);
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('\n'));
  return result.scenario;
}

describe('whole-component placement, hand-computed', () => {
  it('moves both tiers to the cloud when the data centre is too small and the cloud is cheaper', () => {
    const plan = planPlacement(scenario(), glpk, settings);
    expect(plan.status).toBe('optimal');
    expect(plan.placement).toEqual({ web: 'aws', db: 'aws' });
    expect(plan.cost.total).toBeCloseTo(742.26, 6);
    expect(plan.statusQuo.cost.total).toBeCloseTo(1238.14, 6);
  });

  it('keeps the chatty pair together when the database is pinned on-premise', () => {
    // db pinned to dc (2 servers), so web (2 servers) cannot fit there too: web→aws is forced.
    const plan = planPlacement(scenario((d) => (d.applications[0].components[1].allowedSites = ['dc'])), glpk, settings);
    expect(plan.placement).toEqual({ web: 'aws', db: 'dc' });
    expect(plan.cost.total).toBeCloseTo(1058.1236, 6);
  });

  it('stays on-premise when capacity allows and the cloud is dearer', () => {
    const plan = planPlacement(scenario((d) => { d.sites[0].capacity.servers = 10; d.sites[1].serverClasses[0].priceUSD = 0.6; }), glpk, settings);
    expect(plan.placement).toEqual({ web: 'dc', db: 'dc' });
    expect(plan.cost.total).toBeCloseTo(1238.14, 6);
  });

  it('honours a co-location group even when splitting would be cheaper', () => {
    // DC servers $100, cloud servers $36.50 but cloud storage $2/GB, egress $0.01 everywhere:
    //   web@aws, db@dc: 2×36.5 + 2×100 + 25 + 1314×0.01 + 78.84×0.01 + 1576.8×0.01 = 327.6964
    //   both at dc:     4×100 + 25 + 13.14 = 438.14;  both at aws: 4×36.5 + 1000 + 13.14 = 1159.14
    const prices = (d: ReturnType<typeof twoSiteShop>) => {
      d.sites[0].capacity.servers = 10;
      d.sites[0].serverClasses[0].priceUSD = 100;
      d.sites[1].serverClasses[0].priceUSD = 0.05;
      d.sites[1].storagePricePerGBMonthUSD = 2;
      d.sites[1].transferPricePerGBUSD.egress = 0.01;
    };
    const free = planPlacement(scenario(prices), glpk, settings);
    expect(free.placement).toEqual({ web: 'aws', db: 'dc' });
    expect(free.cost.total).toBeCloseTo(327.6964, 6);
    const grouped = planPlacement(scenario((d) => { prices(d); d.applications[0].components[0].colocationGroup = 'g'; d.applications[0].components[1].colocationGroup = 'g'; }), glpk, settings);
    expect(grouped.placement).toEqual({ web: 'dc', db: 'dc' });
    expect(grouped.cost.total).toBeCloseTo(438.14, 6);
  });

  it('counts vCPU capacity', () => {
    // AWS capped at 8 vCPUs = 2 servers; the DC at 3 servers: one tier each, the cheaper split wins.
    const plan = planPlacement(scenario((d) => (d.sites[1].capacity = { vcpus: 8 })), glpk, settings);
    expect(plan.placement).toEqual({ web: 'aws', db: 'dc' });
  });

  it('explains an infeasible scenario in terms of the pins and capacity', () => {
    const plan = planPlacement(scenario((d) => { d.applications[0].components[0].allowedSites = ['dc']; d.applications[0].components[1].allowedSites = ['dc']; }), glpk, settings);
    expect(plan.status).toBe('infeasible');
    expect(plan.message).toBe('No feasible placement: components pinned to "dc" need 4 servers but it has 3: add 1 servers there or unpin "web", "db".');
  });
});

describe('the model', () => {
  it('exports readable CPLEX LP with the component and site in every name', () => {
    const lp = toCplexLp(glpk, buildWholePlacementModel(scenario()).model);
    expect(lp).toContain('x#web#aws');
    expect(lp).toContain('cap_servers#dc');
    expect(lp).toMatch(/Minimize/i);
  });
});

describe('optimum equals exhaustive search on random small scenarios', () => {
  it('matches brute force to 1e-6 relative, and every plan passes the evaluator (200 scenarios)', () => {
    let feasible = 0;
    fc.assert(
      fc.property(smallScenarioArb, (s) => {
        const exact = bruteForce(s);
        const plan = planPlacement(s, glpk, settings);
        if (exact === null) {
          expect(plan.status).toBe('infeasible');
          return;
        }
        feasible++;
        expect(plan.status).toBe('optimal');
        expect(plan.violations).toEqual([]);
        expect(Math.abs(plan.cost.total - exact.total)).toBeLessThanOrEqual(1e-6 * Math.max(1, exact.total));
        // The branch-and-bound used for the samples must agree with brute force too.
        expect(branchAndBound(s)!.total).toBeCloseTo(exact.total, 6);
      }),
      { numRuns: 200, seed: 20261122 },
    );
    // Make sure the generator does not produce only infeasible cases.
    expect(feasible).toBeGreaterThan(100);
  });
});
