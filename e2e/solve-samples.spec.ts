/**
 * Opens the production build, picks each sample, solves it in the worker and
 * checks the page against code run here, in Node, that shares nothing with the
 * MILP: the layout evaluator and an exhaustive search over whole placements.
 *
 * The page routes requests as the optimiser chose; here the layout is evaluated
 * with the default (proportional) routing, which can change transfer and delays.
 * So only what routing does not change is compared: the server and storage cost,
 * and the rules on servers, pins, splitting, co-location and capacity.
 */
import { SAMPLES } from '../src/planner/samples';
import { parseScenario } from '../src/planner/scenario/validate';
import { evaluateLayout, statusQuoLayout, type LayoutViolationKind } from '../src/planner/evaluate/evaluateLayout';
import { generateEstate } from '../src/planner/testing/generateEstate';
import { dataValue, expect, openFile, readBaselines, readServers, solveAndWait, test, totalCost } from './fixtures';
import { cheapestWholeLayout } from './wholeLayoutSearch';

const ROUTING_FREE_RULES: LayoutViolationKind[] = ['servers', 'allowedSites', 'split', 'colocation', 'capacity'];
/** Samples small enough for the exhaustive whole-placement search (the enterprise estate has ~5 × 10^7 placements). */
const SEARCHABLE = new Set(['webshop', 'seasonal']);

for (const sample of SAMPLES) {
  test(`solves the ${sample.id} sample: a valid layout, priced as the evaluator prices it, no dearer than any baseline`, async ({ page }) => {
    const parsed = parseScenario(sample.document);
    if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message).join('\n'));
    const scenario = parsed.scenario;

    await page.goto('/');
    await page.getByLabel('Sample scenario').selectOption(sample.id);
    await expect(page.getByTestId('scenario-name')).toHaveText(scenario.name);
    // A proven optimum, so that "no dearer than" holds exactly.
    await page.getByLabel('MIP gap (%)').fill('0');
    expect(await solveAndWait(page)).toBe('optimal');
    await expect(page.getByTestId('plan-gap')).toHaveAttribute('data-value', '0');
    const total = await totalCost(page);

    // The layout shown keeps every rule that does not depend on routing, and costs what the page says for servers and storage.
    const servers = await readServers(page);
    const componentIds = scenario.applications.flatMap((a) => a.components.map((c) => c.id));
    expect(Object.keys(servers).sort()).toEqual([...componentIds].sort());
    const check = evaluateLayout(scenario, { servers });
    expect(check.violations.filter((v) => ROUTING_FREE_RULES.includes(v.kind))).toEqual([]);
    expect(await dataValue(page, 'plan-servers-cost')).toBeCloseTo(check.cost.servers, 6);
    expect(await dataValue(page, 'plan-storage-cost')).toBeCloseTo(check.cost.storage, 6);
    await expect(page.getByTestId('delay-row')).toHaveCount(check.delays.length);

    // Baselines: the status quo as evaluated here; the plan no dearer than any baseline the evaluator accepts.
    const statusQuo = evaluateLayout(scenario, statusQuoLayout(scenario)).cost.total;
    expect(await totalCost(page, 'statusquo-total-cost')).toBeCloseTo(statusQuo, 6);
    const baselines = await readBaselines(page);
    const clouds = scenario.sites.filter((s) => s.kind === 'cloud').map((s) => `lift-${s.id}`);
    expect(Object.keys(baselines).sort()).toEqual(['greedy', 'optimised', 'status-quo', ...clouds].sort());
    expect(baselines['status-quo']!.total).toBeCloseTo(statusQuo, 6);
    expect(baselines.optimised).toEqual({ total, feasible: true });
    for (const id of ['status-quo', 'greedy']) expect(baselines[id]!.feasible, `${id} is feasible`).toBe(true);
    for (const [id, b] of Object.entries(baselines)) if (b.feasible) expect(total, `optimised ≤ ${id}`).toBeLessThanOrEqual(b.total + 1e-6);

    // No whole-component placement the evaluator accepts is cheaper.
    if (SEARCHABLE.has(sample.id)) {
      const whole = cheapestWholeLayout(scenario);
      expect(whole, 'the sample has a valid whole placement').not.toBeNull();
      expect(total).toBeLessThanOrEqual(whole!.total + 1e-6);
    }
  });
}

test('loads the default sample on start', async ({ page }) => {
  await page.goto('/');
  const webshop = parseScenario(SAMPLES[0]!.document);
  expect(webshop.ok).toBe(true);
  await expect(page.getByTestId('scenario-name')).toHaveText(webshop.ok ? webshop.scenario.name : '');
});

test('a long solve can be cancelled and leaves the scenario as it was', async ({ page }) => {
  const estate = generateEstate(300, 6);
  await page.goto('/');
  await openFile(page, 'estate.json', estate);
  await expect(page.getByTestId('scenario-name')).toHaveText(String(estate.name));
  await page.getByRole('button', { name: 'Solve', exact: true }).click();
  await expect(page.getByTestId('solve-progress')).toBeVisible();
  await page.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(page.getByTestId('solve-cancelled')).toContainText('Solve cancelled');
  await expect(page.getByTestId('solve-progress')).toHaveCount(0);
  await expect(page.getByTestId('plan-status')).toHaveCount(0);
  await expect(page.getByTestId('scenario-name')).toHaveText(String(estate.name));
  await expect(page.locator('.current-scenario-source')).toHaveText('from file estate.json');
  await expect(page.getByRole('button', { name: 'Solve', exact: true })).toBeEnabled();
});
