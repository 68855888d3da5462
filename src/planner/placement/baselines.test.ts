import { beforeAll, describe, expect, it } from 'vitest';
import GLPK from 'glpk.js/node';
import { computeBaselines } from './baselines';
import { sweepTradeoff, sweepValues } from './tradeoff';
import { DEFAULT_LAYOUT_PLAN_SETTINGS } from './planLayout';
import { twoSiteShopScenario } from '../testing/fixtures';
import { loadGlpk, type GLPK as Glpk } from '../solver/glpk';

let glpk: Glpk;
beforeAll(async () => {
  glpk = await loadGlpk(GLPK);
});

const scenario = twoSiteShopScenario;

describe('baselines, hand-computed (see fixtures.ts for the figures)', () => {
  const b = () => computeBaselines(scenario());

  it('the status quo costs $1,238.14 and overfills the data centre', () => {
    expect(b().statusQuo.evaluation.cost.total).toBeCloseTo(1238.14, 6);
    expect(b().statusQuo.evaluation.violations.map((v) => v.kind)).toEqual(['capacity']);
  });

  it('lift-and-shift to the only cloud costs $742.26 and is the cheapest feasible one', () => {
    const baselines = b();
    expect(baselines.liftAndShift.map((l) => l.id)).toEqual(['lift-aws']);
    expect(baselines.liftAndShift[0]!.evaluation.cost.total).toBeCloseTo(742.26, 6);
    expect(baselines.cheapestFeasibleLiftAndShift).toBe('lift-aws');
  });

  it('greedy first moves the web tier (cheaper than moving the database), then the database to end all in AWS', () => {
    // web→aws alone: $1,058.12 but +65.5 ms (3 WAN calls) breaks the 50 ms bound; then db→aws: $742.26, +5 ms.
    const greedy = b().greedy;
    expect(greedy.layout.servers).toEqual({ web: { aws: 2 }, db: { aws: 2 } });
    expect(greedy.evaluation.cost.total).toBeCloseTo(742.26, 6);
    expect(greedy.evaluation.feasible).toBe(true);
  });

  it('lift-and-shift leaves pinned components at home', () => {
    const baselines = computeBaselines(scenario((d) => (d.applications[0].components[1].allowedSites = ['dc'])));
    expect(baselines.liftAndShift[0]!.layout.servers).toEqual({ web: { aws: 2 }, db: { dc: 2 } });
  });
});

describe('trade-off sweep', () => {
  it('spaces the values evenly, ends included', () => {
    expect(sweepValues({ kind: 'meanIncrease', from: 0, to: 200, steps: 5 })).toEqual([0, 50, 100, 150, 200]);
  });

  it('cost against the allowed mean increase: infeasible below the 5 ms the move costs, $742.26 above', () => {
    const points = sweepTradeoff(scenario(), glpk, { ...DEFAULT_LAYOUT_PLAN_SETTINGS, mipGap: 0 }, { kind: 'meanIncrease', from: 0, to: 50, steps: 3 });
    expect(points.map((p) => p.value)).toEqual([0, 25, 50]);
    expect(points.map((p) => p.plan.status)).toEqual(['infeasible', 'optimal', 'optimal']);
    expect(points[1]!.plan.evaluation!.cost.total).toBeCloseTo(742.26, 6);
    expect(points[2]!.plan.evaluation!.cost.total).toBeCloseTo(742.26, 6);
  });

  it('a limit looser than the scenario’s own bound is judged by the limit it was solved for', () => {
    // The scenario allows +50 ms; splitting web (AWS) from db (DC) adds 65.5 ms. At 100 ms the split is allowed.
    const s = scenario((d) => {
      d.sites[0].capacity.servers = 10;
      d.sites[0].serverClasses[0].priceUSD = 100;
      d.sites[1].serverClasses[0].priceUSD = 0.05;
      d.sites[1].storagePricePerGBMonthUSD = 2;
      d.sites[1].transferPricePerGBUSD.egress = 0.01;
    });
    const [tight, loose] = sweepTradeoff(s, glpk, { ...DEFAULT_LAYOUT_PLAN_SETTINGS, mipGap: 0 }, { kind: 'meanIncrease', from: 50, to: 100, steps: 2 });
    expect(tight!.plan.status).toBe('optimal');
    for (const d of tight!.plan.evaluation!.delays) expect(d.meanIncreaseMs).toBeLessThanOrEqual(50 + 1e-6);
    expect(tight!.plan.evaluation!.cost.total).toBeGreaterThan(327.6964 + 1);
    expect(loose!.plan.status).toBe('optimal');
    expect(loose!.plan.layout!.servers).toEqual({ web: { aws: 2 }, db: { dc: 2 } });
    expect(loose!.plan.evaluation!.cost.total).toBeCloseTo(327.6964, 6);
  });

  it('cost against a bandwidth cap: a cap too small for the split traffic keeps the pair together', () => {
    // With the DC roomy and dear, the cheapest layout splits web (AWS) from db (DC) unless the link cannot carry it:
    // db→web is 1,576.8 GB a month ≈ 4.8 Mbps on average.
    const s = scenario((d) => {
      d.sites[0].capacity.servers = 10;
      d.sites[0].serverClasses[0].priceUSD = 100;
      d.sites[1].serverClasses[0].priceUSD = 0.05;
      d.sites[1].storagePricePerGBMonthUSD = 2;
      d.sites[1].transferPricePerGBUSD.egress = 0.01;
      d.applications[0].transactions[0].slo = {};
    });
    const points = sweepTradeoff(s, glpk, { ...DEFAULT_LAYOUT_PLAN_SETTINGS, mipGap: 0 }, { kind: 'bandwidth', from: 1, to: 10, steps: 2 });
    expect(points[1]!.plan.layout!.servers).toEqual({ web: { aws: 2 }, db: { dc: 2 } });
    expect(points[1]!.plan.evaluation!.cost.total).toBeCloseTo(327.6964, 6);
    expect(points[0]!.plan.layout!.servers).toEqual({ web: { dc: 2 }, db: { dc: 2 } });
    expect(points[0]!.plan.evaluation!.cost.total).toBeCloseTo(438.14, 6);
  });
});
