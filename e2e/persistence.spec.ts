/**
 * Local persistence: the working scenario survives a reload (IndexedDB autosave),
 * the library saves, renames, duplicates, deletes and opens named scenarios, and
 * every piece of user text is shown as text.
 */
import type { Page } from '@playwright/test';
import { SAMPLES } from '../src/planner/samples';
import { parseScenario } from '../src/planner/scenario/validate';
import { twoSiteShop } from '../src/planner/testing/fixtures';
import { expect, test } from './fixtures';

function sampleName(id: string): string {
  const parsed = parseScenario(SAMPLES.find((s) => s.id === id)!.document);
  if (!parsed.ok) throw new Error(`sample ${id} does not validate`);
  return parsed.scenario.name;
}

async function waitForAutosave(page: Page) {
  await expect(page.getByTestId('autosave-status')).toHaveAttribute('data-state', 'saved');
}

async function openFile(page: Page, name: string, document: unknown) {
  await page.getByLabel('Open scenario file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(document)) });
}

function libraryNames(page: Page) {
  return page.getByRole('dialog', { name: 'Scenario library' }).getByTestId('library-entry-name');
}

test('the working scenario and its settings survive a reload (autosave)', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('scenario-name')).toHaveText(sampleName('webshop'));
  await openFile(page, 'shop.json', twoSiteShop());
  await expect(page.getByTestId('scenario-name')).toHaveText('Two-site shop');
  await page.getByLabel('Time limit (seconds)').fill('25');
  await page.getByLabel('MIP gap (%)').fill('2');
  await waitForAutosave(page);

  await page.reload();
  await expect(page.getByTestId('scenario-name')).toHaveText('Two-site shop');
  await expect(page.locator('.current-scenario-source')).toHaveText('from file shop.json');
  await expect(page.getByLabel('Time limit (seconds)')).toHaveValue('25');
  await expect(page.getByLabel('MIP gap (%)')).toHaveValue('2');

  await page.getByLabel('Sample scenario').selectOption('seasonal');
  await waitForAutosave(page);
  await page.reload();
  await expect(page.getByTestId('scenario-name')).toHaveText(sampleName('seasonal'));
  await expect(page.getByLabel('Sample scenario')).toHaveValue('seasonal');
});

test('the library saves as, renames, duplicates, deletes and opens scenarios', async ({ page }) => {
  await page.goto('/');
  await openFile(page, 'shop.json', twoSiteShop());
  await expect(page.getByTestId('scenario-name')).toHaveText('Two-site shop');
  await page.getByLabel('Time limit (seconds)').fill('17');

  await page.getByRole('button', { name: 'Library' }).click();
  const dialog = page.getByRole('dialog', { name: 'Scenario library' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText('No saved scenarios yet')).toBeVisible();
  const nameField = dialog.getByLabel('Save the current scenario as');
  await expect(nameField).toHaveValue('Two-site shop');
  await nameField.fill('Shop plan');
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(dialog.getByTestId('library-status')).toHaveText('Saved “Shop plan”.');
  await expect(libraryNames(page)).toHaveText(['Shop plan']);

  // Rename with the keyboard only.
  await dialog.getByRole('button', { name: 'Rename “Shop plan”' }).focus();
  await page.keyboard.press('Enter');
  const renameField = dialog.getByLabel('New name for “Shop plan”');
  await expect(renameField).toBeFocused();
  await renameField.fill('Shop plan v2');
  await page.keyboard.press('Enter');
  await expect(libraryNames(page)).toHaveText(['Shop plan v2']);
  await expect(dialog.getByTestId('library-status')).toHaveText('Renamed “Shop plan” to “Shop plan v2”.');

  await dialog.getByRole('button', { name: 'Duplicate “Shop plan v2”' }).click();
  await expect(libraryNames(page)).toHaveText(['Shop plan v2 (copy)', 'Shop plan v2']);

  // Save the enterprise sample too, then delete the copy (with its confirmation).
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  await page.getByLabel('Sample scenario').selectOption('enterprise');
  await page.getByRole('button', { name: 'Library' }).click();
  await expect(nameField).toHaveValue(sampleName('enterprise'));
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(libraryNames(page)).toHaveText([sampleName('enterprise'), 'Shop plan v2 (copy)', 'Shop plan v2']);
  await dialog.getByRole('button', { name: 'Delete “Shop plan v2 (copy)”' }).click();
  await dialog.getByRole('button', { name: 'Keep' }).click();
  await expect(libraryNames(page)).toHaveCount(3);
  await dialog.getByRole('button', { name: 'Delete “Shop plan v2 (copy)”' }).click();
  await dialog.getByRole('button', { name: 'Yes, delete' }).click();
  await expect(libraryNames(page)).toHaveText([sampleName('enterprise'), 'Shop plan v2']);
  await expect(dialog.getByTestId('library-status')).toHaveText('Deleted “Shop plan v2 (copy)”.');

  // Open a saved scenario: it becomes the working one, with its settings; Escape closes the dialog.
  await dialog.getByRole('button', { name: 'Open “Shop plan v2”' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('scenario-name')).toHaveText('Two-site shop');
  await expect(page.locator('.current-scenario-source')).toHaveText('from library “Shop plan v2”');
  await expect(page.getByLabel('Time limit (seconds)')).toHaveValue('17');
  await page.getByRole('button', { name: 'Library' }).click();
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Library' })).toBeFocused();

  // Everything is still there after a reload.
  await waitForAutosave(page);
  await page.reload();
  await expect(page.getByTestId('scenario-name')).toHaveText('Two-site shop');
  await page.getByRole('button', { name: 'Library' }).click();
  await expect(libraryNames(page)).toHaveText([sampleName('enterprise'), 'Shop plan v2']);
});

test('user text is shown as text, never run as markup', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const markup = '<img src=x onerror=alert(1)>';
  const doc = twoSiteShop();
  doc.name = markup;
  doc.applications[0].components[0].name = markup;
  doc.sites[0].name = `<b>${markup}</b>`;
  await page.goto('/');
  await openFile(page, 'x.json', doc);
  await expect(page.getByTestId('scenario-name')).toHaveText(markup);
  await expect(page.getByText(markup, { exact: true }).first()).toBeVisible();
  await page.getByRole('button', { name: 'Library' }).click();
  const dialog = page.getByRole('dialog', { name: 'Scenario library' });
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(libraryNames(page)).toHaveText([markup]);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByTestId('share-link')).toHaveValue(/#s2\./);

  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(page.locator('main b')).toHaveCount(0);
  expect(dialogs).toEqual([]);
});

test('"Export scenario file" saves the scenario as it was opened, and it opens again', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Sample scenario').selectOption('enterprise');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export scenario file' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('enterprise-estate.json');
  const path = await file.path();
  const { readFile } = await import('node:fs/promises');
  const text = await readFile(path, 'utf8');
  expect(JSON.parse(text)).toEqual(SAMPLES.find((s) => s.id === 'enterprise')!.document);

  await page.getByLabel('Sample scenario').selectOption('webshop');
  await page.getByLabel('Open scenario file').setInputFiles({ name: 'enterprise-estate.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(page.getByTestId('scenario-name')).toHaveText(sampleName('enterprise'));
  await expect(page.locator('.current-scenario-source')).toHaveText('from file enterprise-estate.json');
});
