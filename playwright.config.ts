import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

// A system Chromium (Debian's) when there is one; otherwise Playwright's own browser, as on a developer laptop.
const systemChromium = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

const PREVIEW = 'http://127.0.0.1:4173';
const DEV = 'http://127.0.0.1:5174';

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
    { command: `npx vite build && npx vite preview --host 127.0.0.1 --port 4173 --strictPort`, url: PREVIEW, reuseExistingServer: !process.env.CI, timeout: 240_000 },
    { command: `npx vite --host 127.0.0.1 --port 5174 --strictPort`, url: DEV, reuseExistingServer: !process.env.CI, timeout: 120_000 },
  ],
});
