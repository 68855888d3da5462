/**
 * Shared e2e helpers. Every test fails if the app tries to reach any host but
 * the local server: a customer's topology must never leave the machine.
 */
import { test as base, expect, type Page } from '@playwright/test';
import type { ServerCounts } from '../src/planner/layout/layout';

export const test = base.extend<{ externalRequests: string[] }>({
  externalRequests: [
    async ({ page }, use) => {
      const external: string[] = [];
      page.on('request', (request) => {
        const url = new URL(request.url());
        if (!['127.0.0.1', 'localhost'].includes(url.hostname) && !['data:', 'blob:'].includes(url.protocol)) external.push(request.url());
      });
      await use(external);
      expect(external, 'the app must make no network calls beyond its own server').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Opens a scenario document as if the user picked the file. */
export async function openFile(page: Page, name: string, document: unknown): Promise<void> {
  await page.getByLabel('Open scenario file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(document)) });
}

/** Reads the plan's servers table (not a trade-off point's): component id → site id → servers. */
export async function readServers(page: Page, scope = page.getByTestId('plan-layout')): Promise<ServerCounts> {
  const cells = scope.getByTestId('servers-cell');
  const count = await cells.count();
  const servers: ServerCounts = {};
  for (let i = 0; i < count; i++) {
    const cell = cells.nth(i);
    const [component, site, n] = await Promise.all(['data-component', 'data-site', 'data-servers'].map((a) => cell.getAttribute(a)));
    (servers[component!] ??= {})[site!] = Number(n);
  }
  return servers;
}

/** The baseline table: baseline id (status-quo, lift-<site>, greedy, optimised) → total and feasibility. */
export async function readBaselines(page: Page): Promise<Record<string, { total: number; feasible: boolean }>> {
  const rows = page.getByTestId('baseline-row');
  const count = await rows.count();
  const out: Record<string, { total: number; feasible: boolean }> = {};
  for (let i = 0; i < count; i++) {
    const row = rows.nth(i);
    out[(await row.getAttribute('data-baseline'))!] = {
      total: Number(await row.getAttribute('data-value')),
      feasible: (await row.getAttribute('data-feasible')) === 'true',
    };
  }
  return out;
}

export async function solveAndWait(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Solve', exact: true }).click();
  const status = page.getByTestId('plan-status');
  await expect(status).toHaveText(/optimal|feasible|infeasible|no-solution/, { timeout: 110_000 });
  return (await status.textContent()) ?? '';
}

/** A number the page carries in a `data-value` attribute. */
export async function dataValue(page: Page, testId: string): Promise<number> {
  return Number(await page.getByTestId(testId).getAttribute('data-value'));
}

export async function totalCost(page: Page, testId = 'plan-total-cost'): Promise<number> {
  return dataValue(page, testId);
}
