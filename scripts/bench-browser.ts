/**
 * Main-thread blocking while the worker solves, measured in Chromium: the page
 * opens a generated estate, solves it, and the Long Tasks API records every task
 * over 50 ms on the main thread meanwhile. Run by `npm run bench` after the solver
 * figures; it builds nothing itself, so run `npx vite build` first (bench does).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import type { Page } from '@playwright/test';
import { generateEstate } from '../src/planner/testing/generateEstate';
import { generateBurstEstate } from '../src/planner/testing/generateBurstEstate';
import { table } from '../src/cli/summary';

const port = 4391;

async function watchLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__longTasks.push(e.duration))).observe({ type: 'longtask', buffered: false });
  });
}

async function longTasks(page: Page): Promise<string[]> {
  const tasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
  return [String(tasks.length), `${Math.round(tasks.reduce((a, b) => a + b, 0))} ms`, `${Math.round(Math.max(0, ...tasks))} ms`];
}
const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { stdio: 'ignore', detached: true });
try {
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const executablePath = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
  const browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
  const rows: string[][] = [];
  // 500 × 8 is left to the Node bench: its 60 s solve and baselines would dominate this run.
  for (const [components, sites] of [[50, 3], [200, 4]] as const) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.getByLabel('Open scenario file').setInputFiles({ name: 'estate.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(generateEstate(components, sites, 1, true))) });
    await page.getByTestId('scenario-name').filter({ hasText: `${components} components` }).waitFor();
    await watchLongTasks(page);
    const started = Date.now();
    await page.getByRole('button', { name: 'Solve', exact: true }).click();
    await page.getByTestId('plan-status').waitFor({ timeout: 180_000 });
    const seconds = (Date.now() - started) / 1000;
    const status = await page.getByTestId('plan-status').textContent();
    rows.push([String(components), String(sites), status ?? '', `${seconds.toFixed(1)} s`, ...(await longTasks(page))]);
    console.log(rows.at(-1)!.join("  "));
    await page.close();
  }
  console.log('\nMain thread while the worker solves (Chromium, production build, capacity binding):\n');
  console.log(table(['Comp.', 'Sites', 'Status', 'Click → result', 'Long tasks', 'Blocked in all', 'Longest'], rows, new Set([0, 1, 3, 4, 5, 6])));

  // Bursting: the seasonal sample and a generated week of 20 applications, from Plan bursting to the drawn result.
  const burstRows: string[][] = [];
  for (const [label, open] of [
    ['seasonal sample', async (page: Page) => page.getByLabel('Sample scenario').selectOption('seasonal')],
    ['20 apps × 168 h', async (page: Page) => page.getByLabel('Open scenario file').setInputFiles({ name: 'burst.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(generateBurstEstate(20, 168))) })],
  ] as const) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`http://127.0.0.1:${port}/`);
    await open(page);
    await page.getByRole('tab', { name: 'Cloud bursting' }).click();
    await watchLongTasks(page);
    const started = Date.now();
    await page.getByRole('button', { name: 'Plan bursting' }).click();
    await page.getByTestId('burst-result').waitFor({ timeout: 240_000 });
    const seconds = (Date.now() - started) / 1000;
    const status = await page.getByTestId('burst-result').getAttribute('data-status');
    burstRows.push([label, status ?? '', `${seconds.toFixed(1)} s`, ...(await longTasks(page))]);
    console.log(burstRows.at(-1)!.join('  '));
    await page.close();
  }
  // Editing: opening the editor on the largest sample, then typing into a field, as a user does.
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.getByLabel('Sample scenario').selectOption('enterprise');
  await watchLongTasks(page);
  let started = Date.now();
  await page.getByRole('tab', { name: 'Edit scenario' }).click();
  await page.getByRole('button', { name: 'New empty scenario' }).waitFor();
  const openRow = ['open the editor (enterprise sample)', `${((Date.now() - started) / 1000).toFixed(1)} s`, ...(await longTasks(page))];
  await watchLongTasks(page);
  await page.getByLabel('Scenario name').click();
  started = Date.now();
  await page.getByLabel('Scenario name').pressSequentially(' (edited by the bench)', { delay: 20 });
  const typeRow = ['type 22 characters into a field', `${((Date.now() - started) / 1000).toFixed(1)} s`, ...(await longTasks(page))];
  await page.close();
  await browser.close();
  console.log('\nMain thread while editing (Chromium, production build):\n');
  console.log(table(['Action', 'Took', 'Long tasks', 'Blocked in all', 'Longest'], [openRow, typeRow], new Set([1, 2, 3, 4])));
  console.log('\nMain thread while the worker plans bursting (Chromium, production build):\n');
  console.log(table(['Scenario', 'Status', 'Click → result', 'Long tasks', 'Blocked in all', 'Longest'], burstRows, new Set([2, 3, 4, 5])));
} finally {
  process.kill(-server.pid!);
}
