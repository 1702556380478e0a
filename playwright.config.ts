import { defineConfig } from '@playwright/test';
import { findChromium } from './scripts/system-deps.mjs';

const chromium = findChromium();
if (!chromium) throw new Error('Chromium not found: install it (Debian: apt-get install chromium) or set CHROMIUM_PATH.');

/**
 * End-to-end tests: the real renderer, served by the web host, driving the real core and the
 * embedded directory service, in the system's Chromium (no browser download).
 */
export default defineConfig({
  testDir: 'test/e2e',
  globalSetup: './test/e2e/global-setup.ts',
  fullyParallel: true,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: true,
  reporter: [['list'], ['json', { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? 'test-results/playwright.json' }]],
  outputDir: 'test-results/e2e',
  use: {
    browserName: 'chromium',
    headless: true,
    locale: 'en-US',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromium,
      // Without the networking flags Chromium floods a closed network with connection attempts.
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
});
