import GLPK from 'glpk.js/node';
import { describe, expect, it } from 'vitest';
import { loadGlpk, type GLPK as Glpk } from '../solver/glpk';
import { parseScenario } from '../scenario/validate';
import seasonalDocument from '../samples/seasonal.json' with { type: 'json' };
import { renderHtmlReport, renderMarkdownReport, buildReport } from '../report';
import { planLayout, DEFAULT_LAYOUT_PLAN_SETTINGS } from '../placement/planLayout';
import { computeBaselines } from '../placement/baselines';
import { compareBursting } from './planBursting';
import { burstReport } from './burstReport';

describe('the bursting timeline in the planning report', () => {
  it('lists the burst periods with the evaluator’s servers and costs, and the comparisons', async () => {
    const glpk = await loadGlpk(GLPK as unknown as () => Promise<Glpk>);
    const parsed = parseScenario(seasonalDocument);
    if (!parsed.ok) throw new Error('invalid sample');
    const scenario = parsed.scenario;
    const comparison = compareBursting(scenario, glpk, { timeLimitSeconds: 60, mipGap: 1e-4 });
    const timeline = burstReport(scenario, comparison)!;
    const e = comparison.plan.evaluation!;
    const region = comparison.plan.schedule!.burstRegion!;
    const burstPeriods = e.costByPeriod.map((_, p) => p).filter((p) => Object.values(e.serversByApplication).some((a) => a.cloud[p]! > 0));
    expect(timeline.periods.map((p) => p.start)).toEqual(burstPeriods.map((p) => new Date(Date.parse(scenario.demand!.start!) + p * 3_600_000).toISOString().replace('.000Z', 'Z')));
    timeline.periods.forEach((row, i) => {
      const p = burstPeriods[i]!;
      expect(row.burstServersBySite[region]).toBe(Object.values(e.serversByApplication).reduce((n, a) => n + a.cloud[p]!, 0));
      const c = e.costByPeriod[p]!;
      expect(row.costUSD).toBeCloseTo(c.total - c.localOwned - c.localBought, 9);
    });
    expect(timeline.totalCostUSD).toBeCloseTo(e.cost.total - e.cost.localOwned, 9);
    for (const b of comparison.baselines) expect(timeline.notes.some((n) => n.startsWith(b.name) && n.includes(`$${b.evaluation.cost.total.toFixed(2)}`))).toBe(true);

    const plan = planLayout(scenario, glpk, { ...DEFAULT_LAYOUT_PLAN_SETTINGS, timeLimitSeconds: 30 });
    const report = buildReport({ scenario, plan, baselines: computeBaselines(scenario), generatedAt: '2026-12-02T00:00:00Z', bursting: timeline });
    expect(renderHtmlReport(report)).toContain('Bursting timeline');
    expect(renderMarkdownReport(report)).toContain(timeline.periods[0]!.start);
  });
});
