/**
 * Shareable links: a copied link opens the same scenario and the same plan in a
 * fresh browser; a cut, tampered or invalid link is explained and the saved work stays.
 */
import type { Browser, Page } from '@playwright/test';
import { generateEstate } from '../src/planner/testing/generateEstate';
import { SAMPLES } from '../src/planner/samples';
import { parseScenario } from '../src/planner/scenario/validate';
import { encodeShareLink } from '../src/planner/share/linkCodec';
import { twoSiteShop } from '../src/planner/testing/fixtures';
import { expect, solveAndWait, test } from './fixtures';

function sampleName(id: string): string {
  const parsed = parseScenario(SAMPLES.find((s) => s.id === id)!.document);
  if (!parsed.ok) throw new Error(`sample ${id} does not validate`);
  return parsed.scenario.name;
}

/** Clicks "Copy link" and reads the link from the panel (the clipboard may be denied in headless Chromium). */
async function copyLink(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Copy link' }).click();
  const field = page.getByTestId('share-link');
  await expect(field).toHaveValue(/#s2\./);
  await expect(page.getByRole('dialog', { name: 'Share this scenario' }).getByRole('status')).toHaveText(/copied|selected/);
  const link = await field.inputValue();
  await page.keyboard.press('Escape');
  await expect(field).toHaveCount(0);
  return link;
}

async function waitForAutosave(page: Page) {
  await expect(page.getByTestId('autosave-status')).toHaveAttribute('data-state', 'saved');
}

/** A page in a new browser context (its own, empty IndexedDB), with the same no-external-request rule. */
async function freshPage(browser: Browser): Promise<{ page: Page; external: string[]; close(): Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const external: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!['127.0.0.1', 'localhost'].includes(url.hostname) && !['data:', 'blob:'].includes(url.protocol)) external.push(request.url());
  });
  return { page, external, close: () => context.close() };
}

test('a copied link opens the same scenario, settings and plan in a fresh browser', async ({ page, browser }) => {
  await page.goto('/');
  await page.getByLabel('Sample scenario').selectOption('seasonal');
  await page.getByLabel('Time limit (seconds)').fill('45');
  await page.getByLabel('MIP gap (%)').fill('0.5');
  expect(await solveAndWait(page)).toMatch(/optimal|feasible/);
  const total = await page.getByTestId('plan-total-cost').getAttribute('data-value');
  expect(Number(total)).toBeGreaterThan(0);
  const link = await copyLink(page);
  expect(link.startsWith(new URL(page.url()).origin + '/#s2.')).toBe(true);

  const fresh = await freshPage(browser);
  try {
    await fresh.page.goto(link);
    await expect(fresh.page.getByTestId('scenario-name')).toHaveText(sampleName('seasonal'));
    await expect(fresh.page.locator('.current-scenario-source')).toHaveText('from a shared link');
    await expect(fresh.page.getByLabel('Time limit (seconds)')).toHaveValue('45');
    await expect(fresh.page.getByLabel('MIP gap (%)')).toHaveValue('0.5');

    // Exactly the document that was shared: the exported file is the sample as written.
    const download = fresh.page.waitForEvent('download');
    await fresh.page.getByRole('button', { name: 'Export scenario file' }).click();
    const file = await (await download).createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of file) chunks.push(chunk as Buffer);
    expect(JSON.parse(Buffer.concat(chunks).toString('utf8'))).toEqual(SAMPLES.find((s) => s.id === 'seasonal')!.document);

    expect(await solveAndWait(fresh.page)).toMatch(/optimal|feasible/);
    await expect(fresh.page.getByTestId('plan-total-cost')).toHaveAttribute('data-value', total!);
    expect(fresh.external).toEqual([]);
  } finally {
    await fresh.close();
  }
});

test('a tampered link shows an error and keeps the autosaved scenario', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Sample scenario').selectOption('enterprise');
  await page.getByLabel('Time limit (seconds)').fill('33');
  await waitForAutosave(page);

  const link = await copyLink(page);
  const at = link.indexOf('#s2.') + 20;
  const tampered = link.slice(0, at) + (link[at] === 'Q' ? 'R' : 'Q') + link.slice(at + 1);

  await page.goto('about:blank');
  await page.goto(tampered);
  const alert = page.getByRole('alert').filter({ hasText: 'Could not open the shared link' });
  await expect(alert).toContainText('The link is incomplete or damaged');
  await expect(alert).toContainText('your saved work is as you left it');
  await expect(page.getByTestId('scenario-name')).toHaveText(sampleName('enterprise'));
  await expect(page.getByLabel('Time limit (seconds)')).toHaveValue('33');

  // A cut link, pasted into the address bar of the open app (only the hash changes).
  await alert.getByRole('button', { name: 'Dismiss' }).click();
  await page.evaluate((hash) => {
    window.location.hash = hash;
  }, link.slice(link.indexOf('#') + 1, -25));
  await expect(page.getByRole('alert').filter({ hasText: 'Could not open the shared link' })).toContainText('incomplete or damaged');
  await expect(page.getByTestId('scenario-name')).toHaveText(sampleName('enterprise'));

  // The autosave was not touched: a plain start still restores it.
  await page.goto('about:blank');
  await page.goto('/');
  await expect(page.getByTestId('scenario-name')).toHaveText(sampleName('enterprise'));
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test("a link with an invalid scenario lists the importer's messages; a newer link says so", async ({ page }) => {
  const doc = twoSiteShop();
  doc.applications[0].components[1].servers = -3;
  await page.goto(`/#${encodeShareLink({ scenario: doc, settings: { timeLimitSeconds: 60, mipGap: 0 } })}`);
  const alert = page.getByRole('alert').filter({ hasText: 'Could not open the shared link' });
  await expect(alert).toContainText('applications[0].components[1].servers must be a whole number ≥ 1, got -3');
  await expect(page.getByTestId('scenario-name')).toHaveText(sampleName('webshop'));

  await page.goto('about:blank');
  await page.goto('/#s7.AAAA');
  await expect(page.getByRole('alert').filter({ hasText: 'Could not open the shared link' })).toContainText('This link was made by a newer Tierwise');
});

test('the link leaves the address bar once the scenario changes, so a reload keeps the newer work', async ({ page }) => {
  await page.goto(`/#${encodeShareLink({ scenario: twoSiteShop(), settings: { timeLimitSeconds: 60, mipGap: 0 } })}`);
  await expect(page.getByTestId('scenario-name')).toHaveText('Two-site shop');
  await page.reload();
  await expect(page.getByTestId('scenario-name')).toHaveText('Two-site shop');
  expect(new URL(page.url()).hash).toMatch(/^#s2\./);

  await page.getByLabel('Sample scenario').selectOption('enterprise');
  await expect.poll(() => new URL(page.url()).hash).toBe('');
  await waitForAutosave(page);
  await page.reload();
  await expect(page.getByTestId('scenario-name')).toHaveText(sampleName('enterprise'));
});

test('the link shows its length; long links warn, very long ones point to the file export', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Open scenario file').setInputFiles({ name: 'shop.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(twoSiteShop())) });
  await expect(page.getByTestId('scenario-name')).toHaveText('Two-site shop');
  await page.getByRole('button', { name: 'Copy link' }).click();
  const field = page.getByTestId('share-link');
  await expect(field).toHaveValue(/#s2\./);
  const length = Number(await field.getAttribute('data-length'));
  expect(length).toBe((await field.inputValue()).length);
  expect(length).toBeLessThan(2048);
  await expect(page.getByText(`Link (${length.toLocaleString('en-US')} characters)`)).toBeVisible();
  await expect(page.getByTestId('share-link-warning')).toHaveCount(0);
  await page.getByRole('button', { name: 'Close' }).click();

  // A built-in sample travels as a reference to itself: a few dozen characters.
  await page.getByLabel('Sample scenario').selectOption('webshop');
  await page.getByRole('button', { name: 'Copy link' }).click();
  expect(Number(await field.getAttribute('data-length'))).toBeLessThan(100);
  await expect(page.getByTestId('share-link-warning')).toHaveCount(0);
  await page.keyboard.press('Escape');

  // A 40-component estate that resembles no sample: about 2,850 characters, over the 2,048 warning.
  await page.getByLabel('Open scenario file').setInputFiles({ name: 'estate.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(generateEstate(40, 4))) });
  await expect(page.getByTestId('scenario-name')).toContainText('40 components');
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByTestId('share-link-warning')).toContainText('some chat and mail apps cut long links');
  await page.keyboard.press('Escape');

  // Text that does not compress (a fixed pseudo-random sequence): about 12,000 characters of link.
  let seed = 12345;
  const random = Array.from({ length: 9000 }, () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'[seed >>> 16 & 63];
  }).join('');
  await page.getByLabel('Open scenario file').setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...twoSiteShop(), description: random })) });
  await expect(page.getByTestId('scenario-name')).toHaveText('Two-site shop');
  await page.getByRole('button', { name: 'Copy link' }).click();
  const warning = page.getByTestId('share-link-warning');
  await expect(warning).toContainText('too long for most chat and mail apps');
  await expect(warning).toContainText('Export scenario file');
  expect(Number(await field.getAttribute('data-length'))).toBeGreaterThan(8192);
  const download = page.waitForEvent('download');
  await warning.getByRole('button', { name: 'Export scenario file' }).click();
  expect((await download).suggestedFilename()).toBe('two-site-shop.json');
});

test('a link carries the objective and the amortisation horizon; a link with a negative budget is refused', async ({ page, browser }) => {
  // A link made elsewhere: the web shop, fastest response within $6,000 a month, migration over 18 months.
  const settings = { timeLimitSeconds: 40, mipGap: 0.002, objective: { kind: 'delay' as const, budgetUSD: 6000 }, migrationAmortisationMonths: 18 };
  const webshop = SAMPLES.find((s) => s.id === 'webshop')!;
  await page.goto(`/#${encodeShareLink({ scenario: webshop.document, settings })}`);
  await expect(page.getByTestId('scenario-name')).toHaveText(sampleName('webshop'));
  await expect(page.getByLabel('Objective')).toHaveValue('delay');
  await expect(page.getByLabel('Monthly budget (USD)')).toHaveValue('6000');
  await expect(page.getByLabel('Migration amortisation (months)')).toHaveValue('18');
  await expect(page.getByLabel('Time limit (seconds)')).toHaveValue('40');
  await expect(page.getByLabel('MIP gap (%)')).toHaveValue('0.2');

  // Changed in the form and copied: a fresh browser opens the same settings.
  await page.getByLabel('Objective').selectOption('weighted');
  await page.getByLabel('Weight (USD per ms)').fill('2.5');
  await page.getByLabel('Migration amortisation (months)').fill('6');
  const link = await copyLink(page);
  const fresh = await freshPage(browser);
  try {
    await fresh.page.goto(link);
    await expect(fresh.page.getByLabel('Objective')).toHaveValue('weighted');
    await expect(fresh.page.getByLabel('Weight (USD per ms)')).toHaveValue('2.5');
    await expect(fresh.page.getByLabel('Migration amortisation (months)')).toHaveValue('6');
    expect(fresh.external).toEqual([]);
  } finally {
    await fresh.close();
  }

  // Consistent checksums, a negative budget: refused with the reason, and the settings stay as they were.
  await waitForAutosave(page);
  await page.goto('about:blank');
  await page.goto(`/#${encodeShareLink({ scenario: twoSiteShop(), settings: { ...settings, objective: { kind: 'delay', budgetUSD: -500 } } })}`);
  const alert = page.getByRole('alert').filter({ hasText: 'Could not open the shared link' });
  await expect(alert).toContainText("The link's solver settings are invalid: the objective's monthly budget (budgetUSD) must be a number of USD ≥ 0, got -500");
  await expect(page.getByTestId('scenario-name')).toHaveText(sampleName('webshop'));
  await expect(page.getByLabel('Objective')).toHaveValue('weighted');
  await expect(page.getByLabel('Weight (USD per ms)')).toHaveValue('2.5');
});

test('the bursting choices survive a reload and travel in a link, and the link plans the same bursts', async ({ page, browser }) => {
  await page.goto('/');
  await page.getByLabel('Sample scenario').selectOption('seasonal');
  await page.getByRole('tab', { name: 'Cloud bursting' }).click();
  await page.getByLabel('Burst region').selectOption('azure-eastus');
  await page.getByLabel('A burst must start within (minutes)').fill('30');
  await waitForAutosave(page);
  await page.reload();
  await page.getByRole('tab', { name: 'Cloud bursting' }).click();
  await expect(page.getByLabel('Burst region')).toHaveValue('azure-eastus');
  await expect(page.getByLabel('A burst must start within (minutes)')).toHaveValue('30');
  const panel = page.getByTestId('bursting-panel');
  await panel.getByRole('button', { name: 'Plan bursting' }).click();
  const total = await panel.getByTestId('burst-result').getAttribute('data-total', { timeout: 120_000 });
  expect(await panel.getByTestId('burst-policy').first().locator('td').first().textContent()).toContain('Azure');

  const link = await copyLink(page);
  const fresh = await freshPage(browser);
  try {
    await fresh.page.goto(link);
    await fresh.page.getByRole('tab', { name: 'Cloud bursting' }).click();
    await expect(fresh.page.getByLabel('Burst region')).toHaveValue('azure-eastus');
    await expect(fresh.page.getByLabel('A burst must start within (minutes)')).toHaveValue('30');
    const other = fresh.page.getByTestId('bursting-panel');
    await other.getByRole('button', { name: 'Plan bursting' }).click();
    await expect(other.getByTestId('burst-result')).toHaveAttribute('data-total', total!, { timeout: 120_000 });
    expect(fresh.external).toEqual([]);
  } finally {
    await fresh.close();
  }
});
