/** Trade-off sweeps: each point is a full plan, priced by the evaluator; a point can be opened to see its layout. */
import { twoSiteShop } from '../src/planner/testing/fixtures';
import { generateEstate } from '../src/planner/testing/generateEstate';
import { expect, openFile, readServers, solveAndWait, test } from './fixtures';

test('a sweep of the allowed mean increase shows where a layout exists and what it costs', async ({ page }) => {
  await page.goto('/');
  await openFile(page, 'shop.json', twoSiteShop());
  await expect(page.getByTestId('scenario-name')).toHaveText('Two-site shop');
  expect(await solveAndWait(page)).toBe('optimal');

  await page.getByLabel('Sweep', { exact: true }).selectOption('meanIncrease');
  await page.getByLabel('From (ms)').fill('0');
  await page.getByLabel('To (ms)').fill('50');
  await page.getByLabel('Points', { exact: true }).fill('3');
  await page.getByRole('button', { name: 'Run sweep' }).click();

  const points = page.getByTestId('tradeoff-point');
  await expect(points).toHaveCount(3, { timeout: 110_000 });
  await expect(points.nth(0)).toHaveAttribute('data-value', '0');
  // Staying is impossible (the data centre holds 3 of 4 servers) and moving adds 5 ms: nothing fits at +0 ms.
  await expect(points.nth(0)).toHaveAttribute('data-feasible', 'false');
  await expect(points.nth(0)).toHaveAttribute('data-cost', '');
  for (const [i, value] of [
    [1, '25'],
    [2, '50'],
  ] as const) {
    await expect(points.nth(i)).toHaveAttribute('data-value', value);
    await expect(points.nth(i)).toHaveAttribute('data-feasible', 'true');
    expect(Number(await points.nth(i).getAttribute('data-cost'))).toBeCloseTo(742.26, 6);
  }

  // Opening a point shows its layout; the infeasible one shows why.
  await points.nth(1).click();
  const detail = page.getByTestId('tradeoff-layout');
  await expect(detail).toHaveAttribute('data-value', '25');
  expect(await readServers(page, detail)).toEqual({ web: { aws: 2 }, db: { aws: 2 } });
  await points.nth(0).click();
  await expect(detail).toHaveAttribute('data-value', '0');
  await expect(page.getByTestId('tradeoff-point-status')).toHaveText('infeasible');
  await expect(detail).toContainText('allow +5 ms on Buy for Europe users');
  await expect(detail.getByTestId('servers-cell')).toHaveCount(0);
});

test('a sweep can be cancelled', async ({ page }) => {
  const estate = generateEstate(300, 6);
  await page.goto('/');
  await openFile(page, 'estate.json', estate);
  await expect(page.getByTestId('scenario-name')).toHaveText(String(estate.name));
  await page.getByRole('button', { name: 'Run sweep' }).click();
  await expect(page.getByTestId('tradeoff-progress')).toBeVisible();
  await page.getByRole('button', { name: 'Cancel sweep' }).click();
  await expect(page.getByText('Sweep cancelled.')).toBeVisible();
  await expect(page.getByTestId('tradeoff-point')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Run sweep' })).toBeEnabled();
});
