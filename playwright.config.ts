import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

// A system Chromium (Debian's) when there is one; otherwise Playwright's own browser, as on a developer laptop.
const systemChromium = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

// E2E_PORT moves both servers (the preview on it, the dev server 1001 above), so several checkouts can run e2e at once.
const PREVIEW_PORT = Number(process.env.E2E_PORT ?? 4173);
const DEV_PORT = PREVIEW_PORT + 1001;
const PREVIEW = `http://127.0.0.1:${PREVIEW_PORT}`;
const DEV = `http://127.0.0.1:${DEV_PORT}`;

export default defineConfig({
  testDir: 'e2e',
  timeout: 120_000,
  expect: { timeout: 60_000 },
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  reporter: [['list']],
  use: {
    headless: true,
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      ...(systemChromium ? { executablePath: systemChromium } : {}),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--disable-default-apps', '--disable-domain-reliability'],
    },
  },
  projects: [
    { name: 'production-build', use: { baseURL: PREVIEW }, testIgnore: /dev-server\.spec/ },
    { name: 'dev-server', use: { baseURL: DEV }, testMatch: /dev-server\.spec/ },
  ],
  webServer: [
    { command: `npx vite build && npx vite preview --host 127.0.0.1 --port ${PREVIEW_PORT} --strictPort`, url: PREVIEW, reuseExistingServer: !process.env.CI, timeout: 240_000 },
    { command: `npx vite --host 127.0.0.1 --port ${DEV_PORT} --strictPort`, url: DEV, reuseExistingServer: !process.env.CI, timeout: 120_000 },
  ],
});
