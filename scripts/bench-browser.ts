/**
 * Main-thread blocking while the worker solves, measured in Chromium: the page
 * opens a generated estate, solves it, and the Long Tasks API records every task
 * over 50 ms on the main thread meanwhile. Run by `npm run bench` after the solver
 * figures; it builds nothing itself, so run `npx vite build` first (bench does).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { generateEstate } from '../src/planner/testing/generateEstate';
import { table } from '../src/cli/summary';

const port = 4391;
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
    await page.evaluate(() => {
      const w = window as unknown as { __longTasks: number[] };
      w.__longTasks = [];
      new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__longTasks.push(e.duration))).observe({ type: 'longtask', buffered: false });
    });
    const started = Date.now();
    await page.getByRole('button', { name: 'Solve', exact: true }).click();
    await page.getByTestId('plan-status').waitFor({ timeout: 180_000 });
    const seconds = (Date.now() - started) / 1000;
    const tasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
    const status = await page.getByTestId('plan-status').textContent();
    rows.push([String(components), String(sites), status ?? '', `${seconds.toFixed(1)} s`, String(tasks.length), `${Math.round(tasks.reduce((a, b) => a + b, 0))} ms`, `${Math.round(Math.max(0, ...tasks))} ms`]);
    console.log(rows.at(-1)!.join("  "));
    await page.close();
  }
  await browser.close();
  console.log('\nMain thread while the worker solves (Chromium, production build, capacity binding):\n');
  console.log(table(['Comp.', 'Sites', 'Status', 'Click → result', 'Long tasks', 'Blocked in all', 'Longest'], rows, new Set([0, 1, 3, 4, 5, 6])));
} finally {
  process.kill(-server.pid!);
}
