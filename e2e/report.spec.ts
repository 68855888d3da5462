/**
 * "Export report": the files the page saves hold the page's own numbers, and the
 * HTML report opened from disk, with every network request refused, renders its
 * charts and sections and tries to load nothing.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Download, Locator, Page } from '@playwright/test';
import { SAMPLES } from '../src/planner/samples';
import { parseScenario } from '../src/planner/scenario/validate';
import { expect, solveAndWait, test } from './fixtures';

const REQUIRED_SECTIONS = ['summary', 'layout', 'costs', 'delays', 'links', 'assumptions'];

interface Figures {
  planTotal: number;
  statusQuoTotal: number;
  saving: number;
  /** Site id → servers in the plan. */
  sites: Record<string, number>;
  /** `transaction|region` → mean and p95 (ms). */
  delays: Record<string, { mean: number; p95: number }>;
}

/** Reads the totals, servers per site and every delay row, from the app or from a report (same shape, other test ids). */
async function readFigures(page: Page, ids: { plan: string; statusQuo: string; saving: string; site: string; delay: string }): Promise<Figures> {
  const value = async (testId: string) => Number(await page.getByTestId(testId).getAttribute('data-value'));
  const sites: Record<string, number> = {};
  for (const cell of await page.getByTestId(ids.site).all()) sites[(await cell.getAttribute('data-site'))!] = Number(await cell.getAttribute('data-value'));
  const delays: Figures['delays'] = {};
  for (const row of await page.getByTestId(ids.delay).all()) {
    const [transaction, region, mean, p95] = await Promise.all(['data-transaction', 'data-region', 'data-mean', 'data-p95'].map((a) => row.getAttribute(a)));
    delays[`${transaction}|${region}`] = { mean: Number(mean), p95: Number(p95) };
  }
  return { planTotal: await value(ids.plan), statusQuoTotal: await value(ids.statusQuo), saving: await value(ids.saving), sites, delays };
}

const pageFigures = (page: Page) =>
  readFigures(page, { plan: 'plan-total-cost', statusQuo: 'statusquo-total-cost', saving: 'plan-saving', site: 'site-total', delay: 'delay-row' });
const reportFigures = (page: Page) =>
  readFigures(page, { plan: 'report-plan-total', statusQuo: 'report-status-quo-total', saving: 'report-saving', site: 'report-site-servers', delay: 'report-delay' });

/** RFC 4180 rows as objects keyed by the header (quoted cells may hold commas and doubled quotes). */
function csvRows(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += c;
  }
  const [header, ...body] = rows;
  for (const r of body) expect(r).toHaveLength(header!.length);
  return body.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])));
}

async function download(page: Page, button: Locator): Promise<Download> {
  const event = page.waitForEvent('download');
  await button.click();
  return event;
}

async function text(file: Download): Promise<string> {
  return readFileSync((await file.path())!, 'utf8');
}

/**
 * Opens a saved report from disk in a new context that refuses every request but
 * file: ones, and records every request attempted and every Content-Security-Policy
 * violation (a blocked load never reaches the network, so it is caught there).
 */
async function openOffline(browser: Browser, path: string) {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, offline: true });
  const attempted: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:')) return route.continue();
    attempted.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  page.on('request', (request) => {
    if (!/^(file|data):/.test(request.url())) attempted.push(request.url());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(pathToFileURL(path).href);
  return { page, attempted, close: () => context.close() };
}

/** Every chart is an inline SVG with a size and drawn shapes; every key section is there and shown. */
async function expectRendered(page: Page, sections: string[]) {
  await expect(page.locator('script')).toHaveCount(0);
  for (const id of sections) await expect(page.locator(`section#${id}[data-section="${id}"] h2`), `section ${id}`).toBeVisible();
  const charts = page.locator('svg.chart');
  const count = await charts.count();
  // The cost chart and the link chart at least; one more with a trade-off curve.
  expect(count).toBeGreaterThanOrEqual(sections.includes('tradeoff') ? 3 : 2);
  for (let i = 0; i < count; i++) {
    const chart = charts.nth(i);
    const box = await chart.boundingBox();
    expect(box, `chart ${i}`).not.toBeNull();
    expect(box!.width).toBeGreaterThan(100);
    expect(box!.height).toBeGreaterThan(50);
    // Bars, lines and points that the browser laid out with a size (a line has one dimension).
    const drawn = await chart
      .locator('rect, path, line, circle, polyline, polygon')
      .evaluateAll((shapes) =>
        shapes.filter((shape) => {
          const box = (shape as SVGGraphicsElement).getBBox();
          return box.width + box.height > 0;
        }).length,
      );
    expect(drawn, `chart ${i} draws its shapes`).toBeGreaterThan(2);
    expect(await chart.locator('text').count(), `chart ${i} has labels`).toBeGreaterThan(0);
  }
}

for (const sample of SAMPLES) {
  test(`the ${sample.id} report holds the page's numbers and renders from disk with no network`, async ({ page, browser }) => {
    const parsed = parseScenario(sample.document);
    if (!parsed.ok) throw new Error(`sample ${sample.id} does not validate`);
    const name = parsed.scenario.name;
    await page.goto('/');
    await page.getByLabel('Sample scenario').selectOption(sample.id);
    await expect(page.getByTestId('scenario-name')).toHaveText(name);
    expect(await solveAndWait(page)).toMatch(/optimal|feasible/);
    const shown = await pageFigures(page);
    expect(shown.planTotal).toBeGreaterThan(0);
    expect(Object.keys(shown.delays).length).toBeGreaterThan(0);

    // The web shop also carries a trade-off curve into its report.
    const withSweep = sample.id === 'webshop';
    let sweepPoints: { value: string | null; cost: string | null }[] = [];
    if (withSweep) {
      await page.getByLabel('From (ms)').fill('0');
      await page.getByLabel('To (ms)').fill('100');
      await page.getByLabel('Points', { exact: true }).fill('3');
      await page.getByRole('button', { name: 'Run sweep' }).click();
      await expect(page.getByTestId('tradeoff-point')).toHaveCount(3, { timeout: 110_000 });
      await expect(page.getByTestId('export-report')).toContainText('the trade-off curve (3 points)');
      sweepPoints = await Promise.all((await page.getByTestId('tradeoff-point').all()).map(async (p) => ({ value: await p.getAttribute('data-value'), cost: await p.getAttribute('data-cost') })));
    }

    const exporter = page.getByTestId('export-report');
    const file = await download(page, exporter.getByRole('button', { name: 'HTML report' }));
    const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
    expect(file.suggestedFilename()).toBe(`${slug}-report.html`);
    await expect(exporter.getByTestId('export-report-status')).toHaveText(`Saved ${slug}-report.html`);
    const buildMs = await page.evaluate(() => performance.getEntriesByName('tierwise-report').map((e) => e.duration));
    expect(buildMs).toHaveLength(1);
    test.info().annotations.push({ type: 'report', description: `${sample.id}: built in ${buildMs[0]!.toFixed(1)} ms in the page` });

    const dir = mkdtempSync(join(tmpdir(), 'tierwise-report-'));
    try {
      const path = join(dir, file.suggestedFilename());
      await file.saveAs(path);
      const html = readFileSync(path, 'utf8');
      test.info().annotations.push({ type: 'report', description: `${sample.id}: ${html.length} characters of HTML` });
      expect(html).not.toMatch(/<script/i);

      const report = await openOffline(browser, path);
      try {
        await expect(report.page.locator('h1')).toHaveText(name);
        await expectRendered(report.page, withSweep ? [...REQUIRED_SECTIONS, 'tradeoff'] : REQUIRED_SECTIONS);
        // Exactly the figures the page showed: totals, saving, servers per site, every delay.
        const inReport = await reportFigures(report.page);
        expect(inReport).toEqual(shown);
        if (withSweep) {
          const rows = await report.page.getByTestId('report-tradeoff-point').all();
          expect(await Promise.all(rows.map(async (r) => ({ value: await r.getAttribute('data-value'), cost: await r.getAttribute('data-cost') })))).toEqual(sweepPoints);
        } else {
          await expect(report.page.locator('section#tradeoff')).toHaveCount(0);
        }
        expect(await report.page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
        expect(report.attempted, 'the report must load nothing').toEqual([]);
      } finally {
        await report.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

test('Markdown, JSON and the three CSV files carry the same plan, named after the scenario', async ({ page }) => {
  const webshop = SAMPLES.find((s) => s.id === 'webshop')!;
  await page.goto('/');
  await page.getByLabel('Sample scenario').selectOption('webshop');
  expect(await solveAndWait(page)).toMatch(/optimal|feasible/);
  const shown = await pageFigures(page);
  const exporter = page.getByTestId('export-report');
  const slug = 'three-tier-web-shop';

  const json = await download(page, exporter.getByRole('button', { name: 'JSON' }));
  expect(json.suggestedFilename()).toBe(`${slug}-report.json`);
  const data = JSON.parse(await text(json)) as { scenario: unknown; plan: { evaluation: { cost: { total: number }; serversBySite: Record<string, number> } }; baselines: { statusQuo: { evaluation: { cost: { total: number } } } } };
  expect(data.scenario).toEqual(webshop.document);
  expect(data.plan.evaluation.cost.total).toBe(shown.planTotal);
  expect(data.baselines.statusQuo.evaluation.cost.total).toBe(shown.statusQuoTotal);
  for (const [site, n] of Object.entries(shown.sites)) expect(data.plan.evaluation.serversBySite[site] ?? 0).toBe(n);

  const markdown = await download(page, exporter.getByRole('button', { name: 'Markdown' }));
  expect(markdown.suggestedFilename()).toBe(`${slug}-report.md`);
  const md = await text(markdown);
  expect(md).toMatch(/^# /);
  expect(md).toContain(shown.planTotal.toLocaleString('en-US', { style: 'currency', currency: 'USD' }));

  const csv = { layout: '', costs: '', delays: '' };
  for (const kind of ['layout', 'costs', 'delays'] as const) {
    const file = await download(page, exporter.getByRole('button', { name: `${kind[0]!.toUpperCase()}${kind.slice(1)} (CSV)` }));
    expect(file.suggestedFilename()).toBe(`${slug}-${kind}.csv`);
    csv[kind] = await text(file);
  }
  const plan = csvRows(csv.costs).find((row) => row.layout_id === 'plan');
  expect(plan, csv.costs).toBeDefined();
  expect(Number(plan!.total_usd_per_month)).toBeCloseTo(shown.planTotal, 2);
  const serversAt: Record<string, number> = {};
  for (const row of csvRows(csv.layout)) serversAt[row.site_id!] = (serversAt[row.site_id!] ?? 0) + Number(row.servers_at_site);
  expect(serversAt).toEqual(Object.fromEntries(Object.entries(shown.sites).filter(([, n]) => n > 0)));
  const delays = csvRows(csv.delays);
  expect(Object.fromEntries(delays.map((d) => [`${d.transaction_id}|${d.region_id}`, Number(d.mean_ms)]))).toEqual(
    Object.fromEntries(Object.entries(shown.delays).map(([key, d]) => [key, +d.mean.toFixed(3)])),
  );
});
