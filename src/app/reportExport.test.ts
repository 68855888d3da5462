/** The page's report export: what goes into the report, and the names of the files. */
import GLPK from 'glpk.js/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeBaselines } from '../planner/placement/baselines';
import { DEFAULT_LAYOUT_PLAN_SETTINGS, planLayout } from '../planner/placement/planLayout';
import { sweepTradeoff, type TradeoffSweep } from '../planner/placement/tradeoff';
import { loadGlpk, type GLPK as Glpk } from '../planner/solver/glpk';
import { parseScenario } from '../planner/scenario/validate';
import { twoSiteShop } from '../planner/testing/fixtures';
import { slugify } from './format';
import { pageReport, REPORT_FORMATS, reportFile } from './reportExport';
import type { SolveOutcome } from './useSolve';
import type { SweepOutcome } from './useTradeoffSweep';

let glpk: Glpk;
let outcome: SolveOutcome;
let sweep: SweepOutcome;
beforeAll(async () => {
  glpk = await loadGlpk(GLPK);
  const document = { ...twoSiteShop(), name: 'Café Müller, Q3 / draft' };
  const parsed = parseScenario(document);
  if (!parsed.ok) throw new Error('the fixture does not validate');
  const settings = { ...DEFAULT_LAYOUT_PLAN_SETTINGS, mipGap: 0 };
  outcome = {
    plan: planLayout(parsed.scenario, glpk, settings),
    baselines: computeBaselines(parsed.scenario, { migrationAmortisationMonths: 0 }),
    scenario: parsed.scenario,
    document,
    revision: 7,
  };
  const range: TradeoffSweep = { kind: 'meanIncrease', from: 0, to: 50, steps: 3 };
  sweep = { sweep: range, points: sweepTradeoff(parsed.scenario, glpk, settings, range), revision: 7 };
});

describe('file names', () => {
  it.each([
    ['Café Müller, Q3 / draft', 'cafe-muller-q3-draft'],
    ['İstanbul ﬁles', 'istanbul-files'],
    ['../../etc/passwd', 'etc-passwd'],
    ['  --help  ', 'help'],
    ['.hidden', 'hidden'],
    ['CON', 'con'],
    ['日本の倉庫', 'scenario'],
    ['', 'scenario'],
  ])('slug %j → %j', (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });

  it('cuts a long name to 80 characters without a trailing hyphen', () => {
    const slug = slugify(`${'a'.repeat(79)} b${'c'.repeat(300)}`);
    expect(slug).toBe('a'.repeat(79));
    expect(slugify('x'.repeat(500))).toHaveLength(80);
  });

  it('names every export after the scenario, as the command line does', () => {
    const report = pageReport(outcome, undefined);
    expect(REPORT_FORMATS.map((f) => reportFile(report, f, outcome.document).fileName)).toEqual([
      'cafe-muller-q3-draft-report.html',
      'cafe-muller-q3-draft-report.md',
      'cafe-muller-q3-draft-report.json',
      'cafe-muller-q3-draft-layout.csv',
      'cafe-muller-q3-draft-costs.csv',
      'cafe-muller-q3-draft-delays.csv',
    ]);
    expect(REPORT_FORMATS.map((f) => reportFile(report, f, outcome.document).type)).toEqual(['text/html', 'text/markdown', 'application/json', 'text/csv', 'text/csv', 'text/csv']);
  });
});

describe('the report of the page', () => {
  it('holds the plan and the baselines the page shows, and the JSON export the document as solved', () => {
    const report = pageReport(outcome, undefined, new Date('2026-11-22T10:00:00Z'));
    expect(report.generatedAt).toBe('2026-11-22T10:00:00.000Z');
    expect(report.summary.planMonthlyUSD).toBe(outcome.plan.evaluation!.cost.total);
    expect(report.summary.planMonthlyUSD).toBeCloseTo(742.26, 6);
    expect(report.summary.statusQuoMonthlyUSD).toBe(outcome.baselines.statusQuo.evaluation.cost.total);
    expect(report.tradeoff).toBeUndefined();
    const json = JSON.parse(reportFile(report, 'json', outcome.document).text) as { scenario: unknown; plan: { evaluation: { cost: { total: number } } } };
    expect(json.scenario).toEqual(outcome.document);
    expect(json.plan.evaluation.cost.total).toBe(report.summary.planMonthlyUSD);
  });

  it('adds the trade-off curve the panel shows for the same scenario, and never one of another', () => {
    const report = pageReport(outcome, sweep);
    expect(report.tradeoff?.points.map((p) => [p.value, p.totalUSD])).toEqual(sweep.points.map((p) => [p.value, p.plan.evaluation?.feasible ? p.plan.evaluation.cost.total : undefined]));
    expect(report.tradeoff?.points.map((p) => p.value)).toEqual([0, 25, 50]);
    expect(reportFile(report, 'html', outcome.document).text).toContain('id="tradeoff"');
    expect(pageReport(outcome, { ...sweep, revision: 6 }).tradeoff).toBeUndefined();
    expect(pageReport(outcome, { ...sweep, points: [] }).tradeoff).toBeUndefined();
  });
});
