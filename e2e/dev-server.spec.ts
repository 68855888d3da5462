/** The dev server must load glpk.js's WebAssembly in the worker as the production build does. */
import { twoSiteShop } from '../src/planner/testing/fixtures';
import { expect, openFile, readServers, solveAndWait, test, totalCost } from './fixtures';

test('the dev server solves in the worker', async ({ page }) => {
  await page.goto('/');
  await openFile(page, 'shop.json', twoSiteShop());
  expect(await solveAndWait(page)).toContain('optimal');
  // Both tiers move to AWS: the data centre holds 3 of the 4 servers, and the move adds 5 ms of the 50 allowed.
  expect(await totalCost(page)).toBeCloseTo(742.26, 6);
  expect(await readServers(page)).toEqual({ web: { aws: 2 }, db: { aws: 2 } });
});
