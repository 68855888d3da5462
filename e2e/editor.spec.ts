/**
 * The scenario editor, through the page alone: building the three-tier web shop
 * from an empty scenario by typing and clicking gives the same plan as the
 * bundled sample; undo and redo; validation as you type; the traffic import.
 */
import type { Locator, Page } from '@playwright/test';
import webshop from '../src/planner/samples/webshop.json' with { type: 'json' };
import { expect, readServers, solveAndWait, test, totalCost } from './fixtures';

const text = (v: number | string) => String(v);

async function fill(scope: Locator, label: string, value: number | string | undefined) {
  if (value === undefined) return;
  await scope.getByLabel(label, { exact: true }).fill(text(value));
}

async function openEditor(page: Page) {
  await page.getByRole('tab', { name: 'Edit scenario' }).click();
}

async function addAndFillSites(page: Page) {
  for (const [i, site] of webshop.sites.entries()) {
    await page.getByRole('button', { name: site.kind === 'cloud' ? 'Add cloud site' : 'Add on-premise site' }).click();
    const s = page.getByTestId(`site-${i}`);
    await fill(s, 'Id', site.id);
    await fill(s, 'Name', site.name);
    await s.getByLabel('Kind', { exact: true }).selectOption(site.kind);
    await fill(s, 'Provider', site.provider);
    await fill(s, 'Provider region', 'region' in site ? site.region : undefined);
    await s.getByLabel(/Has a location/).check();
    await fill(s, 'Latitude (°)', site.location.lat);
    await fill(s, 'Longitude (°)', site.location.lon);
    await fill(s, 'Place', site.location.label);
    for (const [j, c] of site.serverClasses.entries()) {
      if (j > 0) await s.getByRole('button', { name: 'Add server class' }).click();
      const row = s.getByTestId('server-class').nth(j);
      await fill(row, 'Server class', c.serverClass);
      await fill(row, 'Price (USD)', c.priceUSD);
      await row.getByLabel('Billed', { exact: true }).selectOption(c.billing);
      await fill(row, 'vCPUs', c.vcpus);
      await fill(row, 'Memory (GB)', c.memoryGB);
    }
    await fill(s, 'Capacity: servers', site.capacity?.servers);
    await fill(s, 'Storage (USD per GB-month)', site.storagePricePerGBMonthUSD);
    await fill(s, 'Egress (USD per GB)', site.transferPricePerGBUSD.egress);
    await fill(s, 'Ingress (USD per GB)', site.transferPricePerGBUSD.ingress);
    await fill(s, 'Inter-region egress (USD per GB)', 'interRegion' in site.transferPricePerGBUSD ? site.transferPricePerGBUSD.interRegion : undefined);
  }
}

async function fillNetwork(page: Page) {
  await expect(page.locator('[data-between]')).toHaveCount(webshop.network.links.length);
  for (const link of webshop.network.links) {
    const [a, b] = link.between;
    const item = page.locator(`[data-between="${a} ↔ ${b}"], [data-between="${b} ↔ ${a}"]`);
    await fill(item, 'Round trip: mean (ms)', link.latency.meanMs);
    await fill(item, 'Round trip: p95 (ms)', link.latency.p95Ms);
    await fill(item, 'Bandwidth (Mbps each way)', link.bandwidthMbps);
  }
}

async function addAndFillRegions(page: Page) {
  for (const [i, region] of webshop.userRegions.entries()) {
    await page.getByRole('button', { name: 'Add user region' }).click();
    const r = page.getByTestId(`region-${i}`);
    await fill(r, 'Id', region.id);
    await fill(r, 'Name', region.name);
    await r.getByLabel(/Has a location/).check();
    await fill(r, 'Latitude (°)', region.location.lat);
    await fill(r, 'Longitude (°)', region.location.lon);
    await fill(r, 'Place', region.location.label);
    for (const [siteId, latency] of Object.entries(region.latencyToSites)) {
      const row = r.getByTestId(`user-latency-${siteId}`);
      await fill(row, `To ${siteId}: mean (ms)`, latency.meanMs);
      await fill(row, `To ${siteId}: p95 (ms)`, latency.p95Ms);
    }
  }
}

async function addAndFillApplication(page: Page) {
  const app = webshop.applications[0]!;
  await page.getByRole('button', { name: 'Add application' }).click();
  const a = page.getByTestId('application-0');
  await fill(a, 'Id', app.id);
  await fill(a, 'Name', app.name);
  for (const [k, c] of app.components.entries()) {
    await a.getByRole('button', { name: /^Add component/ }).click();
    const comp = a.getByTestId(`component-0-${k}`);
    await fill(comp, 'Id', c.id);
    await fill(comp, 'Name', c.name);
    await comp.getByLabel('Role', { exact: true }).selectOption(c.role);
    await fill(comp, 'Servers today', c.servers);
    await comp.getByLabel('Server class', { exact: true }).selectOption(c.serverClass);
    await comp.getByLabel('Home site (today)', { exact: true }).selectOption(c.homeSite);
    await fill(comp, 'Storage per replica (GB)', c.storageGB);
    if (c.splittable) await comp.getByLabel('Splittable across sites').check();
    await fill(comp, 'Replication when split (Mbps)', 'replicationMbps' in c ? c.replicationMbps : undefined);
    await comp.getByText('VM figures (migration and bursting)').click();
    await fill(comp, 'VM memory (GB)', c.vm.memoryGB);
    await fill(comp, 'VM disk (GB)', c.vm.diskGB);
    await fill(comp, 'Image to copy (GB)', c.vm.imageGB);
    await fill(comp, 'Boot time (s)', c.vm.bootSeconds);
    await fill(comp, 'Memory dirty rate (MB/s)', c.vm.dirtyRateMBps);
  }
  for (const [t, tx] of app.transactions.entries()) {
    await a.getByRole('button', { name: /^Add transaction/ }).click();
    const tr = a.getByTestId(`transaction-0-${t}`);
    await fill(tr, 'Id', tx.id);
    await fill(tr, 'Name', tx.name);
    await tr.getByLabel('Entry component', { exact: true }).selectOption(tx.entryComponent);
    await fill(tr, 'User request (bytes)', tx.userRequestBytes);
    await fill(tr, 'User response (bytes)', tx.userResponseBytes);
    await fill(tr, 'SLO: mean may rise by (ms)', tx.slo.maxMeanIncreaseMs);
    await fill(tr, 'SLO: p95 at most (ms)', tx.slo.maxP95Ms);
    for (const [region, rate] of Object.entries(tx.ratePerSecond)) await fill(tr, `Rate from ${region}`, rate);
    for (const [e, call] of tx.calls.entries()) {
      await tr.getByRole('button', { name: /^Add call/ }).click();
      const row = tr.getByTestId(`call-${e}`);
      await row.getByLabel('From', { exact: true }).selectOption(call.from);
      await row.getByLabel('To', { exact: true }).selectOption(call.to);
      await fill(row, 'Calls per transaction', call.callsPerTransaction);
      await fill(row, 'Request (bytes)', call.requestBytes);
      await fill(row, 'Response (bytes)', call.responseBytes);
    }
    for (const [component, ms] of Object.entries(tx.processingMs)) await fill(tr, `Processing at ${component}`, ms);
  }
}

test('builds the web shop from an empty scenario in the editor and gets the bundled sample’s plan', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto('/');
  await openEditor(page);
  await page.getByRole('button', { name: 'New empty scenario' }).click();
  await expect(page.getByTestId('scenario-name')).toHaveText('New scenario');
  // Empty: the validator says what is missing, and Solve says so too.
  await expect(page.getByRole('button', { name: 'Solve', exact: true })).toBeDisabled();
  await expect(page.locator('.blocked-reason')).toContainText('sites must list at least one site');

  const editor = page.locator('.scenario-editor');
  await fill(editor, 'Scenario name', webshop.name);
  await fill(editor, 'Prices as of (YYYY-MM-DD)', webshop.pricing.asOf);
  await fill(editor, 'Hours per month', webshop.pricing.hoursPerMonth);
  await addAndFillSites(page);
  await fillNetwork(page);
  await addAndFillRegions(page);
  await addAndFillApplication(page);

  await expect(page.getByTestId('editor-valid')).toBeVisible();
  await page.getByLabel('MIP gap (%)').fill('0');
  await page.getByRole('tab', { name: 'Plan' }).click();
  expect(await solveAndWait(page)).toBe('optimal');
  const built = { total: await totalCost(page), servers: await readServers(page) };

  await page.getByLabel('Sample scenario').selectOption('webshop');
  await expect(page.getByTestId('scenario-name')).toHaveText(webshop.name);
  expect(await solveAndWait(page)).toBe('optimal');
  const sample = { total: await totalCost(page), servers: await readServers(page) };

  expect(Math.round(built.total * 100)).toBe(Math.round(sample.total * 100));
  expect(built.servers).toEqual(sample.servers);
  expect(Object.keys(built.servers).sort()).toEqual(webshop.applications[0]!.components.map((c) => c.id).sort());
});

test('undo and redo restore a value, by button and by keyboard; undo back to a solved scenario shows its plan without solving', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('MIP gap (%)').fill('0');
  expect(await solveAndWait(page)).toBe('optimal');
  const solvedCost = await totalCost(page);

  await openEditor(page);
  const servers = page.getByTestId('component-0-0').getByLabel('Servers today', { exact: true });
  await expect(servers).toHaveValue('6');
  await servers.fill('9');
  await expect(servers).toHaveValue('9');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(servers).toHaveValue('6');
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(servers).toHaveValue('9');
  await servers.focus();
  await page.keyboard.press('Control+z');
  await expect(servers).toHaveValue('6');
  await page.keyboard.press('Control+Shift+z');
  await expect(servers).toHaveValue('9');
  await page.keyboard.press('Control+y');
  await expect(servers).toHaveValue('9');
  await page.keyboard.press('Control+z');
  await expect(servers).toHaveValue('6');

  // Back at the solved scenario: the plan is there at once, and Solve does not start a run.
  await page.getByRole('tab', { name: 'Plan' }).click();
  await expect(page.getByTestId('plan-status')).toHaveText('optimal');
  expect(await totalCost(page)).toBe(solvedCost);
});

test('an invalid field shows its message as you type, and Solve says why it is disabled', async ({ page }) => {
  await page.goto('/');
  await openEditor(page);
  const component = page.getByTestId('component-0-2');
  const servers = component.getByLabel('Servers today', { exact: true });
  await servers.fill('-3');
  const message = 'applications[0].components[2].servers must be a whole number ≥ 1, got -3';
  await expect(component.getByTestId('field-error')).toHaveText(message);
  await expect(servers).toHaveAttribute('aria-invalid', 'true');
  const solve = page.getByRole('button', { name: 'Solve', exact: true });
  await expect(solve).toBeDisabled();
  await expect(page.locator('.blocked-reason')).toHaveText(`Solving is disabled: ${message}.`);

  // A missing reference: the message is at the select that makes it.
  const site = page.getByTestId('site-0').getByLabel('Id', { exact: true });
  await servers.fill('2');
  await expect(solve).toBeEnabled();
  await site.fill('dc chicago');
  await expect(page.getByTestId('site-0').getByTestId('field-error').first()).toHaveText(
    'sites[0].id must be an identifier of letters, digits and _ . : - (no spaces), got "dc chicago"',
  );
  await expect(page.locator('.blocked-reason')).toContainText('Solving is disabled: sites[0].id must be an identifier');
  // The references followed the rename, so fixing the id fixes everything.
  await site.fill('dc-chicago-2');
  await expect(solve).toBeEnabled();
  await expect(component.getByLabel('Home site (today)', { exact: true })).toHaveValue('dc-chicago-2');
});

test('a traffic CSV with errors is refused with its rows listed, and the calls stay as they were', async ({ page }) => {
  await page.goto('/');
  await openEditor(page);
  const tx = page.getByTestId('transaction-0-0');
  await expect(tx.getByTestId('call-1').getByLabel('Calls per transaction', { exact: true })).toHaveValue('4');
  await tx.getByText('Import measured traffic (CSV)').click();
  const csv = ['source,destination,count,request_bytes,response_bytes', 'web,app,100,100000,1200000', 'app,nowhere,40,8000,80000', 'app,db,abc,1,1'].join('\n');
  await tx.getByLabel('Traffic CSV file').setInputFiles({ name: 'traffic.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const errors = tx.getByTestId('traffic-import-errors');
  await expect(errors).toContainText('the calls are unchanged');
  await expect(errors.locator('li[data-row="3"]')).toContainText('Row 3');
  await expect(errors.locator('li[data-row="4"]')).toContainText('Row 4');
  await expect(errors.locator('li[data-row="2"]')).toHaveCount(0);
  await expect(tx.getByTestId('call-1').getByLabel('Calls per transaction', { exact: true })).toHaveValue('4');
  await expect(tx.locator('[data-testid^="call-"]')).toHaveCount(3);
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
});

test('the topology graph shows a transaction’s calls, removes one with Delete, and takes the plan’s site colours', async ({ page }) => {
  await page.goto('/');
  await openEditor(page);
  const app = page.getByTestId('application-0');
  await app.getByText('Topology graph').click();
  const graph = page.getByTestId('graph-0');
  await expect(graph.locator('.react-flow__node')).toHaveCount(5);
  await expect(graph.locator('.react-flow__edge')).toHaveCount(3);
  await expect(graph.locator('.react-flow__edge-text').first()).toContainText('2× · 85');

  await graph.locator('.react-flow__edge').nth(1).click();
  await page.keyboard.press('Delete');
  await expect(graph.locator('.react-flow__edge')).toHaveCount(2);
  await expect(page.getByTestId('transaction-0-0').locator('[data-testid^="call-"]')).toHaveCount(2);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('transaction-0-0').locator('[data-testid^="call-"]')).toHaveCount(3);

  await solveAndWait(page);
  await expect(graph.locator('.react-flow__node').first()).toContainText(' at ');
});

test('an application with no components or transactions yet shows an empty graph and the validator’s message', async ({ page }) => {
  await page.goto('/');
  await openEditor(page);
  await page.getByRole('button', { name: 'Add application' }).click();
  const app = page.getByTestId('application-1');
  await app.getByText('Topology graph').click();
  await expect(page.getByTestId('graph-1').locator('.react-flow__node')).toHaveCount(0);
  await expect(app.getByTestId('section-error').first()).toHaveText('applications[1].components must have at least one component, got []');
  await app.getByRole('button', { name: /^Add component/ }).first().click();
  await expect(page.getByTestId('graph-1').locator('.react-flow__node')).toHaveCount(1);
});

test('typing an id through another one keeps both items’ references; rates nobody owns are shown and can be removed', async ({ page }) => {
  await page.goto('/');
  await openEditor(page);
  const solve = page.getByRole('button', { name: 'Solve', exact: true });
  const [first, second, third] = webshop.userRegions.map((r) => r.id);
  const regionId = (i: number) => page.getByTestId(`region-${i}`).getByLabel('Id', { exact: true });
  const rate = (region: string) => page.getByTestId('transaction-0-0').getByLabel(`Rate from ${region}`, { exact: true });
  const browse = webshop.applications[0]!.transactions[0]!.ratePerSecond as Record<string, number>;

  // Through the first region's id and on: the second region's rates follow it to its new id, the first keeps its own.
  await regionId(1).fill(first!);
  await expect(solve).toBeDisabled();
  await regionId(1).fill(`${second}-2`);
  await expect(solve).toBeEnabled();
  await expect(rate(`${second}-2`)).toHaveValue(String(browse[second!]));
  await expect(rate(first!)).toHaveValue(String(browse[first!]));

  // Two regions parked on the same id at once: whose rates are whose cannot be told, so nothing moves,
  // and the rates that no region owns any more are listed, with a way to remove them.
  await regionId(1).fill(first!);
  await regionId(2).fill(first!);
  await regionId(1).fill('x1');
  await regionId(2).fill('x2');
  const stray = page.getByTestId('transaction-0-0').getByTestId('stray-keys');
  await expect(stray).toContainText(`${second}-2`);
  await expect(stray).toContainText(third!);
  await expect(solve).toBeDisabled();
  await stray.getByRole('button', { name: `Remove the entry for “${second}-2”` }).click();
  await stray.getByRole('button', { name: `Remove the entry for “${third}”` }).click();
  await expect(stray).toHaveCount(0);
  // The other transactions list theirs the same way until they are removed too.
  await expect(page.getByTestId('transaction-0-1').getByTestId('stray-keys')).toContainText(third!);
  await expect(solve).toBeDisabled();
});

test('a link’s ends can be changed, and a pair given twice is refused with the validator’s message', async ({ page }) => {
  await page.goto('/');
  await openEditor(page);
  const solve = page.getByRole('button', { name: 'Solve', exact: true });
  const link = page.getByTestId('link-0');
  const [a, b] = webshop.network.links[0]!.between;
  const third = webshop.sites.map((s) => s.id).find((id) => id !== a && id !== b)!;
  await link.getByLabel('Other end', { exact: true }).selectOption(third);
  await expect(link).toHaveAttribute('data-between', `${a} ↔ ${third}`);
  // Now two links join a and the third site (the first problem named), and none joins a and b (the second).
  await expect(solve).toBeDisabled();
  await expect(page.locator('.blocked-reason')).toContainText(`network.links[1] repeats the link between "${a}" and "${third}"`);
  await expect(page.locator('.blocked-reason')).toContainText('and 1 more problem');
  await link.getByLabel('Other end', { exact: true }).selectOption(b!);
  await expect(solve).toBeEnabled();
});
