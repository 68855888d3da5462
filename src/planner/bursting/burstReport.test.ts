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
    // The seasonal demand starts Monday 25 November 2024 05:00 UTC; hour p is that plus p hours.
    const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
    expect(timeline.periods.map((p) => p.start)).toEqual(
      burstPeriods.map((p) => {
        const t = new Date(Date.parse('2024-11-25T05:00:00Z') + p * 3_600_000);
        return `${day[t.getUTCDay()]} ${t.getUTCDate()} Nov ${String(t.getUTCHours()).padStart(2, '0')}:00 UTC`;
      }),
    );
    timeline.periods.forEach((row, i) => {
      const p = burstPeriods[i]!;
      expect(row.burstServersBySite[region]).toBe(Object.values(e.serversByApplication).reduce((n, a) => n + a.cloud[p]!, 0));
      const c = e.costByPeriod[p]!;
      expect(row.costUSD).toBeCloseTo(c.cloudServers + c.wanTransfer + c.imageTransfer + c.imageStorage, 9);
    });
    expect(timeline.totalCostUSD).toBeCloseTo(e.cost.cloudServers + e.cost.wanTransfer + e.cost.imageTransfer + e.cost.imageStorage, 9);
    for (const b of comparison.baselines) expect(timeline.notes.some((n) => n.startsWith(b.name) && n.includes(`$${b.evaluation.cost.total.toFixed(2)}`))).toBe(true);

    const plan = planLayout(scenario, glpk, { ...DEFAULT_LAYOUT_PLAN_SETTINGS, timeLimitSeconds: 30 });
    const report = buildReport({ scenario, plan, baselines: computeBaselines(scenario), generatedAt: '2026-12-02T00:00:00Z', bursting: timeline });
    const page = renderHtmlReport(report);
    expect(page).toContain('Bursting timeline');
    // The timeline's chart: one bar per burst period, labelled with its servers in the cloud.
    const chart = page.slice(page.indexOf('burst-chart-title'));
    const bars = chart.slice(0, chart.indexOf('</svg>')).match(/<rect /g) ?? [];
    expect(bars.length).toBe(timeline.periods.length);
    const first = Object.values(timeline.periods[0]!.burstServersBySite)[0]!;
    expect(chart).toContain(`${first} server${first === 1 ? "" : "s"} ·`);
    expect(renderMarkdownReport(report)).toContain(timeline.periods[0]!.start);
  });
});
