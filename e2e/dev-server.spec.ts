/** The dev server must load glpk.js's WebAssembly in the worker as the production build does. */
import { twoSiteShop } from '../src/planner/testing/fixtures';
import { expect, solveAndWait, test, totalCost } from './fixtures';

test('the dev server solves in the worker', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Open scenario file').setInputFiles({ name: 'shop.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(twoSiteShop())) });
  expect(await solveAndWait(page)).toContain('optimal');
  expect(await totalCost(page)).toBeCloseTo(742.26, 6);
});
