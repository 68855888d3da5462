/** A broken file is explained, path by path, and the scenario on screen stays as it was. */
import { twoSiteShop } from '../src/planner/testing/fixtures';
import { expect, openFile, readBaselines, readServers, solveAndWait, test, totalCost } from './fixtures';

test('an invalid scenario file shows every problem and keeps the current scenario', async ({ page }) => {
  await page.goto('/');
  const before = await page.getByTestId('scenario-name').textContent();
  const doc = twoSiteShop();
  doc.applications[0].components[1].servers = -3;
  doc.network.links = [];
  await page.getByLabel('Open scenario file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('applications[0].components[1].servers must be a whole number ≥ 1, got -3');
  await expect(page.getByTestId('scenario-name')).toHaveText(before!);
});

test('a file that is not JSON is located by line and column', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Open scenario file').setInputFiles({ name: 'notjson.json', mimeType: 'application/json', buffer: Buffer.from('{\n "formatVersion": 1,\n oops\n}') });
  await expect(page.getByRole('alert')).toContainText('line 3, column 2');
});

test('a valid file opens and solves to its hand-computed optimum', async ({ page }) => {
  await page.goto('/');
  await openFile(page, 'shop.json', twoSiteShop());
  await expect(page.getByTestId('scenario-name')).toHaveText('Two-site shop');
  expect(await solveAndWait(page)).toContain('optimal');
  // Both tiers move to AWS (the data centre has room for 3 of the 4 servers; the move adds 5 ms, the SLO allows 50):
  // 4 AWS servers × $0.20 × 730 h + 500 GB × $0.08 + 1,314 GB egress × $0.09 (see src/planner/testing/fixtures.ts)
  expect(await totalCost(page)).toBeCloseTo(742.26, 6);
  expect(await readServers(page)).toEqual({ web: { aws: 2 }, db: { aws: 2 } });
  // Today's layout does not fit the data centre: the page says so, and lift-and-shift to AWS is the cheapest feasible one.
  const baselines = await readBaselines(page);
  expect(baselines['status-quo']!.feasible).toBe(false);
  expect(baselines['lift-aws']).toEqual({ total: expect.closeTo(742.26, 6), feasible: true });
  await expect(page.getByTestId('baseline-row').filter({ hasText: 'cheapest feasible' })).toHaveAttribute('data-baseline', 'lift-aws');
  await expect(page.getByTestId('delay-row')).toHaveCount(1);
  await expect(page.getByTestId('delay-row')).toHaveAttribute('data-transaction', 'buy');

  // The layout model, as solved, downloads as CPLEX LP text.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download model (.lp)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('two-site-shop-layout.lp');
  const { readFile } = await import('node:fs/promises');
  expect(await readFile((await file.path())!, 'utf8')).toMatch(/^minimize/im);
});

test('an infeasible scenario explains itself in the page', async ({ page }) => {
  await page.goto('/');
  const doc = twoSiteShop();
  for (const c of doc.applications[0].components) c.allowedSites = ['dc'];
  await openFile(page, 'pinned.json', doc);
  expect(await solveAndWait(page)).toBe('infeasible');
  await expect(page.getByTestId('plan-message')).toContainText('No layout meets every constraint. It would if you add 1 servers at "dc"');
  await expect(page.getByTestId('relaxation')).toHaveText(['add 1 servers at "dc"']);
  await expect(page.getByTestId('plan-total-cost')).toHaveCount(0);
  await expect(page.getByTestId('plan-layout')).toHaveCount(0);
});

test('an infeasible scenario says which bound would have to give, and by how much', async ({ page }) => {
  await page.goto('/');
  const doc = twoSiteShop();
  doc.sites[0].capacity.servers = 0;
  for (const c of doc.applications[0].components) delete c.allowedSites;
  doc.applications[0].transactions[0].slo = { maxMeanIncreaseMs: 0 };
  await openFile(page, 'tight.json', doc);
  expect(await solveAndWait(page)).toBe('infeasible');
  await expect(page.getByTestId('relaxation')).toHaveCount(1);
  await expect(page.getByTestId('relaxation')).toContainText('allow +5 ms on Buy for Europe users');
  await expect(page.getByTestId('plan-gap')).toHaveAttribute('data-value', 'Infinity');
});
