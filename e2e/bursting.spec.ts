/**
 * The bursting sample planned in the browser: the worker's schedule, the chart,
 * the events and the comparisons, checked against the same plan computed here in
 * Node and against the demand itself (which hours cannot fit in the data centre).
 */
import GLPK from 'glpk.js/node';
import { sampleById } from '../src/planner/samples';
import { parseScenario } from '../src/planner/scenario/validate';
import { loadGlpk, type GLPK as Glpk } from '../src/planner/solver/glpk';
import { compareBursting } from '../src/planner/bursting/planBursting';
import { expect, test } from './fixtures';

test('plans the seasonal sample’s bursts: chart, events in the overflow hours, and the optimum below every alternative', async ({ page }) => {
  const sample = sampleById('seasonal')!;
  const parsed = parseScenario(sample.document);
  if (!parsed.ok) throw new Error('sample invalid');
  const scenario = parsed.scenario;

  // Hours in which the data centre's 40 servers cannot hold what every component needs.
  const dc = scenario.sites.find((s) => s.kind === 'onPremise')!;
  const demand = new Map(scenario.demand!.profiles.map((p) => [p.application, p.values]));
  const hours = scenario.demand!.profiles[0]!.values.length;
  const overflowHours = Array.from({ length: hours }, (_, p) => p).filter(
    (p) => scenario.applications.flatMap((a) => a.components.map((c) => Math.ceil(demand.get(a.id)![p]! / c.throughputPerServer! - 1e-9))).reduce((a, b) => a + b, 0) > dc.capacity.servers!,
  );
  expect(overflowHours.length).toBeGreaterThan(0);

  await page.goto('/');
  await page.getByLabel('Sample scenario').selectOption('seasonal');
  await expect(page.getByTestId('scenario-name')).toHaveText(scenario.name);
  await page.getByRole('tab', { name: 'Cloud bursting' }).click();
  const panel = page.getByTestId('bursting-panel');
  await panel.getByRole('button', { name: 'Plan bursting' }).click();
  const result = panel.getByTestId('burst-result');
  await expect(result).toBeVisible({ timeout: 120_000 });
  await expect(result).toHaveAttribute('data-status', 'optimal');

  // Every overflow hour is covered by a burst event, and no burst starts long before the first one.
  const events = panel.getByTestId('burst-event');
  const spans = await events.evaluateAll((rows) => rows.map((r) => [Number(r.getAttribute('data-start')), Number(r.getAttribute('data-end'))] as const));
  expect(spans.length).toBeGreaterThan(0);
  for (const p of overflowHours) expect(spans.some(([s, e]) => s <= p && p < e), `hour ${p}`).toBe(true);
  expect(Math.min(...spans.map(([s]) => s))).toBeGreaterThanOrEqual(overflowHours[0]! - 4);
  await expect(panel.getByTestId('burst-events')).toContainText(/pre-copied|copied on demand/);
  // The storefront's p95 bounds were checked in the burst hours.
  await expect(panel.getByTestId('burst-p95')).toContainText('all within their bounds');

  // The chart draws the stacked servers and the capacity line.
  const timeline = panel.getByTestId('burst-timeline');
  await expect(timeline.locator('.recharts-area').first()).toBeVisible();
  expect(await timeline.locator('.recharts-area').count()).toBe(2 * scenario.applications.length);
  await expect(panel.getByTestId('burst-cost-chart').locator('.recharts-bar-rectangle').first()).toBeAttached();

  // The comparisons: the same figures as the planner run here, and the optimum the cheapest feasible one.
  const rows = panel.getByTestId('burst-policy');
  const totals = Object.fromEntries(await rows.evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-policy'), Number(tr.getAttribute('data-total'))])));
  const glpk = await loadGlpk(GLPK as unknown as () => Promise<Glpk>);
  const here = compareBursting(scenario, glpk, { timeLimitSeconds: 60, mipGap: 0.001 });
  expect(totals.optimum).toBeCloseTo(here.plan.evaluation!.cost.total, 1);
  for (const b of here.baselines) expect(totals[b.id], b.id).toBeCloseTo(b.evaluation.cost.total, 2);
  for (const id of ['greedy', 'naive', 'buy-peak', 'all-cloud']) expect(totals.optimum).toBeLessThanOrEqual(totals[id]! + 0.01);
  await expect(panel.getByTestId('milp-vs-greedy')).toContainText('solved in');
});

test('demand imported from CSV: bad rows are refused with their row numbers and change nothing; a good file is what bursting plans', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Sample scenario').selectOption('seasonal');
  await page.getByRole('tab', { name: 'Edit scenario' }).click();
  const values = page.getByLabel('Values per period (comma-separated)').first();
  const before = await values.inputValue();
  await page.getByText('Import demand profiles (CSV)').click();
  const paste = page.getByLabel('Or paste the demand CSV');
  const bad = [
    'timestamp,application,demand',
    '2024-11-25T05:00:00Z,storefront,100',
    '2024-11-25T05:00:00Z,shop,5',
    '2024-11-25T05:00:00Z,wholesale,-3',
    'yesterday,supplier-import,40',
  ].join('\n');
  await paste.fill(bad);
  await page.getByRole('button', { name: 'Import pasted demand' }).click();
  const errors = page.getByTestId('demand-import-errors');
  await expect(errors).toContainText('nothing changed');
  for (const row of [3, 4, 5]) await expect(errors.locator(`li[data-row="${row}"]`).first()).toBeVisible();
  await expect(errors.locator('li[data-row="3"]').first()).toContainText('shop');
  expect(await values.inputValue()).toBe(before);

  // Six hours, a storefront rush in hours 2 and 3: 16 web + 27 app + 3 cache + 5 db servers and the rest exceed the 40.
  const profiles: Record<string, number[]> = { storefront: [100, 100, 1000, 1000, 100, 100], wholesale: [10, 10, 10, 10, 10, 10], 'supplier-import': [40, 40, 40, 40, 40, 40] };
  const good = ['timestamp,application,demand'];
  for (let h = 0; h < 6; h++) for (const [app, v] of Object.entries(profiles)) good.push(`2024-11-25T${String(5 + h).padStart(2, '0')}:00:00Z,${app},${v[h]}`);
  await paste.fill(good.join('\n'));
  await page.getByRole('button', { name: 'Import pasted demand' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported 3 profiles of 6 periods' })).toBeVisible();
  await expect(values).toHaveValue('100, 100, 1000, 1000, 100, 100');

  await page.getByRole('tab', { name: 'Cloud bursting' }).click();
  const panel = page.getByTestId('bursting-panel');
  await panel.getByRole('button', { name: 'Plan bursting' }).click();
  await expect(panel.getByTestId('burst-result')).toHaveAttribute('data-status', 'optimal', { timeout: 120_000 });
  const spans = await panel.getByTestId('burst-event').evaluateAll((rows) => rows.map((r) => [Number(r.getAttribute('data-start')), Number(r.getAttribute('data-end'))]));
  expect(spans.length).toBeGreaterThan(0);
  for (const [start, end] of spans) {
    expect(start).toBeGreaterThanOrEqual(2);
    expect(end).toBeLessThanOrEqual(4);
  }
});
