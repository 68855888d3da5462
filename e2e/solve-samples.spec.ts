/**
 * Opens the production build, picks each sample, solves it in the worker and
 * checks the page's numbers against an exact search run here, in Node, by code
 * that shares nothing with the MILP (the evaluator and a branch-and-bound).
 */
import { SAMPLES } from '../src/planner/samples';
import { parseScenario } from '../src/planner/scenario/validate';
import { evaluatePlacement, statusQuoPlacement } from '../src/planner/evaluate/evaluatePlacement';
import { branchAndBound } from '../src/planner/testing/exactSearch';
import { expect, readPlacement, solveAndWait, test, totalCost } from './fixtures';

for (const sample of SAMPLES) {
  test(`solves the ${sample.id} sample to the exact optimum`, async ({ page }) => {
    const parsed = parseScenario(sample.document);
    if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message).join('\n'));
    const scenario = parsed.scenario;
    const exact = branchAndBound(scenario);
    expect(exact, 'the sample has a feasible placement').not.toBeNull();

    await page.goto('/');
    await page.getByLabel('Sample scenario').selectOption(sample.id);
    await expect(page.getByTestId('scenario-name')).toHaveText(scenario.name);
    expect(await solveAndWait(page)).toContain('optimal');

    const shownTotal = await totalCost(page);
    expect(shownTotal).toBeCloseTo(exact!.total, 4);
    expect(await totalCost(page, 'statusquo-total-cost')).toBeCloseTo(evaluatePlacement(scenario, statusQuoPlacement(scenario)).cost.total, 4);

    // The layout shown must be a valid one that costs what the page says (ties between optima are allowed).
    const placement = await readPlacement(page);
    expect(Object.keys(placement).sort()).toEqual(scenario.applications.flatMap((a) => a.components.map((c) => c.id)).sort());
    const check = evaluatePlacement(scenario, placement);
    expect(check.violations).toEqual([]);
    expect(check.cost.total).toBeCloseTo(shownTotal, 4);
  });
}

test('loads the default sample on start', async ({ page }) => {
  await page.goto('/');
  const webshop = parseScenario(SAMPLES[0]!.document);
  expect(webshop.ok).toBe(true);
  await expect(page.getByTestId('scenario-name')).toHaveText(webshop.ok ? webshop.scenario.name : '');
});
