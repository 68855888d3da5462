/** A broken file is explained, path by path, and the scenario on screen stays as it was. */
import { twoSiteShop } from '../src/planner/testing/fixtures';
import { expect, solveAndWait, test, totalCost } from './fixtures';

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
  await page.getByLabel('Open scenario file').setInputFiles({ name: 'shop.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(twoSiteShop())) });
  await expect(page.getByTestId('scenario-name')).toHaveText('Two-site shop');
  expect(await solveAndWait(page)).toContain('optimal');
  // 4 AWS servers × $0.20 × 730 h + 500 GB × $0.08 + 1,314 GB egress × $0.09 (see src/planner/testing/fixtures.ts)
  expect(await totalCost(page)).toBeCloseTo(742.26, 6);
});

test('an infeasible scenario explains itself in the page', async ({ page }) => {
  await page.goto('/');
  const doc = twoSiteShop();
  for (const c of doc.applications[0].components) c.allowedSites = ['dc'];
  await page.getByLabel('Open scenario file').setInputFiles({ name: 'pinned.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
  expect(await solveAndWait(page)).toContain('infeasible');
  await expect(page.locator('body')).toContainText('components pinned to "dc" need 4 servers but it has 3');
});
