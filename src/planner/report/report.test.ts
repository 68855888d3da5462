import { beforeAll, describe, expect, it } from 'vitest';
import GLPK from 'glpk.js/node';
import { loadGlpk, type GLPK as Glpk } from '../solver/glpk';
import { parseScenario } from '../scenario/validate';
import type { Scenario } from '../scenario/schema';
import { DEFAULT_LAYOUT_PLAN_SETTINGS, planLayout, type LayoutPlan, type LayoutPlanSettings } from '../placement/planLayout';
import { computeBaselines, type Baselines } from '../placement/baselines';
import { sweepTradeoff } from '../placement/tradeoff';
import { twoSiteShop } from '../testing/fixtures';
import { SAMPLES } from '../samples';
import {
  buildReport,
  costsCsv,
  csvCell,
  delaysCsv,
  escapeHtml,
  escapeMarkdown,
  layoutCsv,
  renderHtmlReport,
  renderMarkdownReport,
  reportJson,
  REPORT_CSP,
  type Report,
  type ReportInput,
} from './index';

let glpk: Glpk;
beforeAll(async () => {
  glpk = await loadGlpk(GLPK);
});
const exact: LayoutPlanSettings = { ...DEFAULT_LAYOUT_PLAN_SETTINGS, mipGap: 0, timeLimitSeconds: 60 };
const GENERATED_AT = '2026-11-22T10:00:00.000Z';

function parse(doc: unknown): Scenario {
  const result = parseScenario(doc);
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('\n'));
  return result.scenario;
}

interface Solved {
  doc: unknown;
  scenario: Scenario;
  plan: LayoutPlan;
  baselines: Baselines;
  report: Report;
}

function solve(doc: unknown, settings: LayoutPlanSettings = exact, extra: Partial<ReportInput> = {}): Solved {
  const scenario = parse(doc);
  const plan = planLayout(scenario, glpk, settings);
  const baselines = computeBaselines(scenario, { migrationAmortisationMonths: settings.migrationAmortisationMonths });
  return { doc, scenario, plan, baselines, report: buildReport({ scenario, plan, baselines, generatedAt: GENERATED_AT, ...extra }) };
}

/** A minimal RFC 4180 reader: quoted fields with doubled quotes, CRLF between records; a bare line break outside quotes is an error. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let wasQuoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
      continue;
    }
    if (c === '"') {
      if (field !== '' || wasQuoted) throw new Error(`quote inside an unquoted field at ${i}`);
      quoted = wasQuoted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
      wasQuoted = false;
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      wasQuoted = false;
      i++;
    } else if (c === '\r' || c === '\n') throw new Error(`bare line break at ${i}`);
    else field += c;
  }
  if (quoted) throw new Error('unterminated quoted field');
  if (field !== '' || row.length > 0) throw new Error('the last record does not end in CRLF');
  return rows;
}

function csvRecords(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  for (const row of rows) expect(row).toHaveLength(header!.length);
  return rows.map((row) => Object.fromEntries(header!.map((h, i) => [h, row[i]!])));
}

/** The data-value of the element with this data-testid. */
function dataValue(page: string, testId: string): number {
  const m = new RegExp(`data-testid="${testId}" data-value="([^"]*)"`).exec(page);
  if (!m) throw new Error(`no data-value for ${testId}`);
  return Number(m[1]);
}

const sections = (page: string) => [...page.matchAll(/<section id="([a-z]+)"/g)].map((m) => m[1]);

/** Markdown table lines must keep their number of cells whatever the names contain. */
function expectTablesIntact(markdown: string) {
  const blocks = markdown.split('\n\n').filter((b) => b.startsWith('|'));
  expect(blocks.length).toBeGreaterThan(3);
  for (const block of blocks) {
    const counts = block.split('\n').map((line) => line.replace(/\\\\/g, '').split(/(?<!\\)\|/).length);
    expect(new Set(counts).size, block).toBe(1);
  }
}

describe('the report of the two-site shop (hand-computed: optimum $742.26, status quo $1,238.14)', () => {
  let solved: Solved;
  let page: string;
  beforeAll(() => {
    solved = solve(twoSiteShop());
    page = renderHtmlReport(solved.report);
  });

  it('takes every figure from the evaluator', () => {
    const { plan, baselines, report } = solved;
    expect(plan.status).toBe('optimal');
    expect(report.outcome.hasPlan).toBe(true);
    expect(report.summary.planMonthlyUSD).toBe(plan.evaluation!.cost.total);
    expect(report.summary.planMonthlyUSD).toBeCloseTo(742.26, 6);
    expect(report.summary.statusQuoMonthlyUSD).toBe(baselines.statusQuo.evaluation.cost.total);
    expect(report.summary.statusQuoMonthlyUSD).toBeCloseTo(1238.14, 6);
    expect(report.summary.savingMonthlyUSD).toBeCloseTo(495.88, 6);
    expect(report.costs.rows.map((r) => r.id)).toEqual(['plan', 'status-quo', 'lift-aws', 'greedy']);
    for (const row of report.costs.rows) {
      const e = row.kind === 'plan' ? plan.evaluation! : [baselines.statusQuo, ...baselines.liftAndShift, baselines.greedy].find((b) => b.id === row.id)!.evaluation;
      expect(row.total).toBe(e.cost.total);
      expect(row.servers + row.storage + row.transferTotal + row.migrationAmortisedMonthly).toBeCloseTo(e.cost.total, 9);
    }
    expect(report.delays.rows).toHaveLength(1);
    expect(report.delays.rows[0]!.meanMs).toBe(plan.evaluation!.delays[0]!.meanMs);
    expect(report.links.rows.map((l) => l.mbps)).toEqual(plan.evaluation!.links.map((l) => l.mbps));
    // The solver's own objective is never used: changing it changes nothing in the exports.
    const other = buildReport({ scenario: solved.scenario, plan: { ...plan, objective: 1 }, baselines, generatedAt: GENERATED_AT });
    expect(renderHtmlReport(other)).toBe(page);
    expect(renderMarkdownReport(other)).toBe(renderMarkdownReport(solved.report));
  });

  it('prints the evaluator’s totals and saving in the page, with data-value attributes for the e2e test', () => {
    const e = solved.plan.evaluation!;
    const sq = solved.baselines.statusQuo.evaluation;
    expect(dataValue(page, 'report-plan-total')).toBe(e.cost.total);
    expect(dataValue(page, 'report-status-quo-total')).toBe(sq.cost.total);
    expect(dataValue(page, 'report-saving')).toBe(sq.cost.total - e.cost.total);
    expect(dataValue(page, 'report-cost-plan')).toBe(e.cost.total);
    expect(dataValue(page, 'report-cost-status-quo')).toBe(sq.cost.total);
    expect(page).toMatch(/data-testid="report-plan-total" data-value="[^"]*">\$742\.26</);
    expect(page).toMatch(/data-testid="report-status-quo-total" data-value="[^"]*">\$1,238\.14</);
    expect(page).toMatch(/data-testid="report-saving" data-value="[^"]*">\$495\.88</);
    expect(page).toContain('40.1% of the status quo');
  });

  it('marks servers per site and every delay row with the evaluator’s numbers, for the e2e comparison with the page', () => {
    const e = solved.plan.evaluation!;
    const sq = solved.baselines.statusQuo.evaluation;
    const sites = [...page.matchAll(/data-testid="report-site-servers" data-site="([^"]+)" data-value="([^"]+)"/g)].map((m) => [m[1], Number(m[2])]);
    expect(Object.fromEntries(sites)).toEqual({ dc: e.serversBySite.dc ?? 0, aws: e.serversBySite.aws ?? 0 });
    expect(sites.reduce((n, [, v]) => n + (v as number), 0)).toBe(4);
    const today = [...page.matchAll(/data-testid="report-site-servers-today" data-site="([^"]+)" data-value="([^"]+)"/g)].map((m) => [m[1], Number(m[2])]);
    expect(Object.fromEntries(today)).toEqual({ dc: sq.serversBySite.dc ?? 0, aws: sq.serversBySite.aws ?? 0 });
    const delays = [...page.matchAll(/data-testid="report-delay" data-transaction="([^"]+)" data-region="([^"]+)" data-mean="([^"]+)" data-p95="([^"]+)"/g)];
    expect(delays.map((m) => [m[1], m[2], Number(m[3]), Number(m[4])])).toEqual(e.delays.map((d) => [d.transactionId, d.regionId, d.meanMs, d.p95Ms]));
  });

  it('is one self-contained page: no script, no external URL, a strict CSP and a print style sheet', () => {
    expect(page.startsWith('<!doctype html>')).toBe(true);
    expect(page).not.toMatch(/<script/i);
    expect(page).not.toMatch(/https?:\/\//i);
    expect(page).not.toMatch(/\b(src|srcset|action|formaction)=/i);
    expect(page).not.toMatch(/url\(|@import|@font-face/i);
    for (const href of page.matchAll(/href="([^"]*)"/g)) expect(href[1]).toMatch(/^#[a-z]+$/);
    expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="${escapeHtml(REPORT_CSP)}">`);
    expect(REPORT_CSP).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    expect(page).toContain('@media print');
    expect(page).toMatch(/@media print \{[^]*break-before: page/);
    expect(page).toMatch(/@media print \{[^]*box-shadow: none/);
    expect(page.match(/<svg /g)?.length).toBe(2); // cost bars and link bars; no trade-off given
    expect(sections(page)).toEqual(['summary', 'layout', 'costs', 'delays', 'links', 'assumptions']);
  });

  it('states the assumptions: prices and their date, month, GB, solver status, method, gap, cut rounds, p95 method', () => {
    const a = solved.report.assumptions;
    expect(a).toMatchObject({ pricesAsOf: '2026-11-01', priceSources: ['hand-made test figures'], hoursPerMonth: 730, bytesPerGB: 1e9, solverStatus: 'optimal', method: 'monolithic', provenGap: 0, cutRounds: 0 });
    expect(a.p95Method).toBe(solved.plan.evaluation!.p95Method);
    for (const text of [page, renderMarkdownReport(solved.report)]) {
      expect(text).toContain('2026-11-01');
      expect(text).toContain('hand-made test figures');
      expect(text).toContain('730 hours');
      expect(text).toContain('1 GB = 10⁹ bytes');
      expect(text).toContain('0.000% (optimal)');
      expect(text).toContain('p95 cut rounds');
      expect(text).toContain('One mixed-integer model (monolithic)');
    }
    expect(page).toContain(escapeHtml(a.p95Method));
  });

  it('says "not proven" when the gap is not finite', () => {
    const plan: LayoutPlan = { ...solved.plan, status: 'feasible', gap: Infinity, message: 'stopped at the time limit: this is the best layout found; its distance from the optimum is not known' };
    const report = buildReport({ scenario: solved.scenario, plan, baselines: solved.baselines, generatedAt: GENERATED_AT });
    expect(report.assumptions.provenGap).toBeNull();
    expect(renderHtmlReport(report)).toMatch(/data-testid="report-gap">not proven</);
    expect(renderMarkdownReport(report)).toContain('**Proven gap:** not proven');
    expect(JSON.parse(reportJson(report, solved.doc)).plan.gap).toBeNull();
  });

  it('writes CSV files that parse back (RFC 4180) with the evaluator’s numbers', () => {
    const costs = costsCsv(solved.report);
    expect(costs.endsWith('\r\n')).toBe(true);
    expect(costs.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const byId = Object.fromEntries(csvRecords(costs).map((r) => [r.layout_id, r]));
    expect(Number(byId['plan']!.total_usd_per_month)).toBe(742.26);
    expect(Number(byId['status-quo']!.total_usd_per_month)).toBe(1238.14);
    expect(Number(byId['plan']!.saving_vs_status_quo_usd)).toBe(495.88);
    expect(byId['plan']!.feasible).toBe('true');
    expect(costs.split('\r\n')[1]).toMatch(/^plan,Recommended plan,plan,/);

    const layout = csvRecords(layoutCsv(solved.report));
    expect(layout.map((r) => [r.component_id, r.site_id, Number(r.servers_at_site), r.change])).toEqual([
      ['web', 'aws', 2, 'moved'],
      ['db', 'aws', 2, 'moved'],
    ]);

    const delays = csvRecords(delaysCsv(solved.report));
    const d = solved.plan.evaluation!.delays[0]!;
    expect(delays).toHaveLength(1);
    expect(delays[0]).toMatchObject({ transaction_id: 'buy', region_id: 'eu', mean_ok: 'true', max_mean_increase_ms: '50', max_p95_ms: '' });
    expect(Number(delays[0]!.mean_ms)).toBeCloseTo(d.meanMs, 3);
    expect(Number(delays[0]!.mean_increase_ms)).toBeCloseTo(d.meanIncreaseMs, 3);
    expect(Number(delays[0]!.p95_ms)).toBeCloseTo(d.p95Ms, 3);
  });

  it('writes a JSON file that round-trips: the scenario document, the plan, the baselines', () => {
    const text = reportJson(solved.report, solved.doc);
    const back = JSON.parse(text);
    expect(back.tierwiseReport).toBe(1);
    expect(back.generatedAt).toBe(GENERATED_AT);
    expect(back.scenario).toEqual(solved.doc);
    expect(parse(back.scenario)).toEqual(solved.scenario);
    expect(back.plan.layout).toEqual(solved.plan.layout);
    expect(back.plan.evaluation.cost.total).toBe(solved.plan.evaluation!.cost.total);
    expect(back.plan).toEqual(JSON.parse(JSON.stringify(solved.plan)));
    expect(back.baselines.statusQuo.evaluation.cost.total).toBe(solved.baselines.statusQuo.evaluation.cost.total);
    expect(back.baselines).toEqual(JSON.parse(JSON.stringify(solved.baselines)));
    expect(back.tradeoff).toBeNull();
    expect(JSON.stringify(back, null, 2) + '\n').toBe(text);
  });
});

describe('user text is escaped in every export', () => {
  const IMG = '<img src=x onerror=alert(1)>';
  const APP = 'a & "b" <c>';
  const FORMULA = '=HYPERLINK("x")';
  const REGION = 'Europe | *bold* [x](javascript:alert(1)) `code`';
  const SITE = 'AWS "cloud", <b>east</b>';
  let solved: Solved;
  beforeAll(() => {
    const doc = twoSiteShop();
    doc.name = 'Shop <script>alert(1)</script>';
    doc.description = '# Heading\n- item\n<iframe src="https://example.com">';
    doc.pricing.sources = ['<a href="https://evil.example">prices</a>', '@SUM(A1)'];
    doc.applications[0].name = APP;
    doc.applications[0].components[0].name = IMG;
    doc.applications[0].components[1].name = FORMULA;
    doc.applications[0].transactions[0].name = '-2+3 | buy';
    doc.userRegions[0].name = REGION;
    doc.sites[1].name = SITE;
    solved = solve(doc);
    expect(solved.report.summary.planMonthlyUSD).toBeCloseTo(742.26, 6);
  });

  it('HTML: names show as text, never as markup', () => {
    const page = renderHtmlReport(solved.report);
    expect(page).not.toContain('<img');
    expect(page).not.toMatch(/<script/i);
    expect(page).not.toContain('<b>');
    expect(page).not.toMatch(/<a href="(?!#)/);
    expect(page).not.toContain('<iframe');
    // A URL the user typed is shown as text, never as a link or a resource.
    expect(page).toContain('&lt;a href=&quot;https://evil.example&quot;&gt;prices&lt;/a&gt;');
    expect(page.match(/https:\/\//g)).toHaveLength(2); // the price source and the description
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(page).toContain('a &amp; &quot;b&quot; &lt;c&gt;');
    expect(page).toContain('AWS &quot;cloud&quot;, &lt;b&gt;east&lt;/b&gt;');
    expect(page).toContain('<title>Tierwise report: Shop &lt;script&gt;alert(1)&lt;/script&gt;</title>');
    // Site names are in the SVG charts too (escaped the same way).
    expect(page).toMatch(/<svg [^]*AWS &quot;cloud&quot;, &lt;b&gt;east&lt;\/b&gt;[^]*<\/svg>/);
    // The only tags are the report's own.
    const tags = new Set([...page.matchAll(/<([a-z][a-z0-9]*)/g)].map((m) => m[1]));
    const allowed = 'html head meta title style body main header p h1 h2 h3 time span nav ol li a section div ul strong table thead tbody tr th td figure figcaption svg rect text tspan g line polyline circle dl dt dd footer';
    expect([...tags].filter((t) => !allowed.split(' ').includes(t!))).toEqual([]);
  });

  it('Markdown: no raw HTML, no formatting, tables keep their columns', () => {
    const markdown = renderMarkdownReport(solved.report);
    expect(markdown).not.toContain('<img');
    expect(markdown).not.toMatch(/<script/i);
    expect(markdown).not.toContain('<b>');
    expect(markdown).not.toContain('<a ');
    expect(markdown).not.toContain('<iframe');
    expect(markdown).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(markdown).toContain('a &amp; "b" &lt;c&gt;');
    expect(markdown).toContain('Europe \\| \\*bold\\* \\[x\\](javascript:alert(1)) \\`code\\`');
    expect(markdown).not.toMatch(/\n# Heading|\n- item/);
    expect(markdown).toContain('\\# Heading - item');
    expectTablesIntact(markdown);
  });

  it('CSV: names come back exactly, and text that a spreadsheet would run as a formula is neutralised', () => {
    const layout = layoutCsv(solved.report);
    const delays = delaysCsv(solved.report);
    expect(layout).toContain(`"'=HYPERLINK(""x"")"`);
    expect(layout).toContain(`"a & ""b"" <c>"`);
    expect(layout).toContain(`"AWS ""cloud"", <b>east</b>"`);
    const rows = csvRecords(layout);
    expect(rows.map((r) => r.component)).toEqual([IMG, `'${FORMULA}`]);
    expect(rows.every((r) => r.application === APP && r.site === SITE)).toBe(true);
    const d = csvRecords(delays)[0]!;
    expect(d.transaction).toBe("'-2+3 | buy");
    expect(d.region).toBe(REGION);
    // Every text cell that starts like a formula carries the guard; numbers are left alone.
    for (const text of [layout, delays, costsCsv(solved.report)])
      for (const row of parseCsv(text)) for (const cell of row) if (/^[=+@\t\r]/.test(cell) || (/^-/.test(cell) && Number.isNaN(Number(cell)))) throw new Error(`unguarded cell ${cell}`);
  });

  it('csvCell guards text but keeps negative numbers as numbers', () => {
    expect(csvCell(-12.5)).toBe('-12.5');
    expect(csvCell('-12.5')).toBe("'-12.5");
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(Infinity)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(true)).toBe('true');
    expect(costsCsv(solved.report)).toMatch(/\r\nstatus-quo,Status quo,statusQuo,[^\r]*,0,0,0,false,1\r\n/);
  });

  it('escapeMarkdown and escapeHtml cover the significant characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
    expect(escapeMarkdown('*a* _b_ [c](d) `e` | f ~g~ #h <i> & \\')).toBe('\\*a\\* \\_b\\_ \\[c\\](d) \\`e\\` \\| f \\~g\\~ \\#h &lt;i&gt; &amp; \\\\');
    expect(escapeMarkdown('- item')).toBe('\\- item');
    expect(escapeMarkdown('1. first')).toBe('1\\. first');
    expect(escapeMarkdown('0.5 ms')).toBe('0.5 ms');
    expect(escapeMarkdown('a\nb\r\nc')).toBe('a b c');
  });
});

describe('reports without a plan, with a trade-off curve and with the bursting hook', () => {
  it('explains an infeasible scenario and recommends nothing', () => {
    const doc = twoSiteShop();
    for (const c of doc.applications[0].components) c.allowedSites = ['dc'];
    const { report } = solve(doc);
    expect(report.outcome.hasPlan).toBe(false);
    expect(report.summary.planMonthlyUSD).toBeUndefined();
    expect(report.costs.rows.some((r) => r.kind === 'plan')).toBe(false);
    expect(report.delays.of).toBe('statusQuo');
    const page = renderHtmlReport(report);
    expect(page).toContain('No layout is recommended.');
    expect(page).toContain('add 1 servers at &quot;dc&quot;');
    expect(page).toMatch(/data-testid="report-plan-total">no plan</);
    expect(sections(page)).toEqual(['summary', 'layout', 'costs', 'delays', 'links', 'assumptions']);
    const markdown = renderMarkdownReport(report);
    expect(markdown).toContain('**No layout is recommended.**');
    expect(markdown).toContain('- add 1 servers at "dc"');
    expect(csvRecords(layoutCsv(report)).map((r) => [r.layout, r.component_id, r.site_id])).toEqual([
      ['status quo', 'web', 'dc'],
      ['status quo', 'db', 'dc'],
    ]);
  });

  it('draws the trade-off curve, marking points without a layout', () => {
    const base = solve(twoSiteShop());
    const points = [0, 25, 50].map((value) => ({ value, plan: planLayout(base.scenario, glpk, { ...exact, maxMeanIncreaseOverrideMs: value }) }));
    points.push({ value: 75, plan: { ...base.plan, status: 'no-solution', layout: undefined, evaluation: undefined, message: 'timed out' } as LayoutPlan });
    const report = buildReport({ scenario: base.scenario, plan: base.plan, baselines: base.baselines, tradeoff: { kind: 'meanIncrease', points }, generatedAt: GENERATED_AT });
    expect(report.tradeoff!.points.map((p) => p.totalUSD)).toEqual([...points.slice(0, 3).map((p) => (p.plan.evaluation?.feasible ? p.plan.evaluation.cost.total : undefined)), undefined]);
    const page = renderHtmlReport(report);
    expect(sections(page)).toEqual(['summary', 'layout', 'costs', 'tradeoff', 'delays', 'links', 'assumptions']);
    expect(page.match(/<svg /g)?.length).toBe(3);
    expect(page).toContain('<polyline');
    expect(page).toContain('no layout found in time');
    expect(renderMarkdownReport(report)).toContain('## Trade-off curve');
    expect(JSON.parse(reportJson(report, base.doc)).tradeoff.points).toHaveLength(4);
  });

  it('leaves the bursting timeline out until one is given, and prints it escaped when it is', () => {
    const base = solve(twoSiteShop());
    expect(base.report.bursting).toBeUndefined();
    expect(renderHtmlReport(base.report)).not.toContain('Bursting');
    expect(renderMarkdownReport(base.report)).not.toContain('Bursting');
    const report = buildReport({
      scenario: base.scenario,
      plan: base.plan,
      baselines: base.baselines,
      generatedAt: GENERATED_AT,
      bursting: { periodMinutes: 60, periods: [{ start: '<b>hour 1</b>', burstServersBySite: { aws: 3 }, costUSD: 0.6 }], totalCostUSD: 0.6, notes: ['<img src=x>'] },
    });
    const page = renderHtmlReport(report);
    expect(sections(page)).toContain('bursting');
    expect(page).toContain('&lt;b&gt;hour 1&lt;/b&gt;');
    expect(page).not.toContain('<img');
    expect(renderMarkdownReport(report)).toContain('## Bursting timeline');
  });
});

describe('the samples’ reports', () => {
  it.each(SAMPLES.map((s) => [s.id, s] as const))('%s renders every export with every section', (id, sample) => {
    const scenario = parse(sample.document);
    const plan = planLayout(scenario, glpk, DEFAULT_LAYOUT_PLAN_SETTINGS);
    const baselines = computeBaselines(scenario);
    const tradeoff =
      id === 'webshop' ? { kind: 'meanIncrease' as const, points: sweepTradeoff(scenario, glpk, DEFAULT_LAYOUT_PLAN_SETTINGS, { kind: 'meanIncrease', from: 0, to: 80, steps: 3 }) } : undefined;
    const report = buildReport({ scenario, plan, baselines, generatedAt: GENERATED_AT, ...(tradeoff ? { tradeoff } : {}) });
    expect(report.outcome.hasPlan).toBe(true);
    expect(report.summary.planMonthlyUSD).toBe(plan.evaluation!.cost.total);

    const page = renderHtmlReport(report);
    const expected = ['summary', 'layout', 'costs', ...(tradeoff ? ['tradeoff'] : []), 'delays', 'links', 'assumptions'];
    expect(sections(page)).toEqual(expected);
    expect(page).not.toMatch(/<script|https?:\/\/|NaN|undefined|\[object/i);
    expect(dataValue(page, 'report-plan-total')).toBe(plan.evaluation!.cost.total);
    expect(dataValue(page, 'report-status-quo-total')).toBe(baselines.statusQuo.evaluation.cost.total);
    for (const app of scenario.applications) expect(page).toContain(escapeHtml(app.name));

    const markdown = renderMarkdownReport(report);
    for (const title of ['Executive summary', 'Layout per application', 'Cost against the baselines', 'Response times against the SLOs', 'Link utilisation', 'Assumptions'])
      expect(markdown).toContain(`## ${title}`);
    expect(markdown).not.toMatch(/NaN|undefined|\[object/);
    expectTablesIntact(markdown);

    const layout = csvRecords(layoutCsv(report));
    const components = scenario.applications.flatMap((a) => a.components);
    for (const c of components)
      expect(layout.filter((r) => r.component_id === c.id).reduce((n, r) => n + Number(r.servers_at_site), 0)).toBe(c.servers);
    expect(csvRecords(delaysCsv(report))).toHaveLength(plan.evaluation!.delays.length);
    expect(Number(csvRecords(costsCsv(report))[0]!.total_usd_per_month)).toBeCloseTo(plan.evaluation!.cost.total, 2);
    const json = JSON.parse(reportJson(report, sample.document));
    expect(json.scenario).toEqual(sample.document);
    expect(json.plan.evaluation.cost.total).toBe(plan.evaluation!.cost.total);
  });
});
