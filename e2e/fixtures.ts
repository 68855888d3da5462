/**
 * Shared e2e helpers. Every test fails if the app tries to reach any host but
 * the local server: a customer's topology must never leave the machine.
 */
import { test as base, expect, type Page } from '@playwright/test';

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

/** Reads the placement table: component id → site id. */
export async function readPlacement(page: Page): Promise<Record<string, string>> {
  const rows = page.getByTestId('placement-row');
  const count = await rows.count();
  const placement: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    const row = rows.nth(i);
    placement[(await row.getAttribute('data-component'))!] = (await row.getAttribute('data-site'))!;
  }
  return placement;
}

export async function solveAndWait(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Solve', exact: true }).click();
  const status = page.getByTestId('plan-status');
  await expect(status).toHaveText(/optimal|feasible|infeasible|no-solution/, { timeout: 110_000 });
  return (await status.textContent()) ?? '';
}

export async function totalCost(page: Page, testId = 'plan-total-cost'): Promise<number> {
  return Number(await page.getByTestId(testId).getAttribute('data-value'));
}
