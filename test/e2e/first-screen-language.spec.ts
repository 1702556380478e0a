/**
 * The first screen carries one language: an English page fetches no zh-TW texts, and its
 * JavaScript stays within the 120 KB (gzip) budget; a browser that prefers zh-TW gets its
 * texts fetched and the home screen in Traditional Chinese; switching language on an English
 * page fetches them then, and the page speaks zh-TW.
 */
import type { Page, Response } from '@playwright/test';
import { gzipSync } from 'node:zlib';
import { AppDriver } from './app-driver.js';
import { expect, test } from './fixtures.js';

/** The app's name in zh-TW: in its texts' chunk, and nowhere in the English first screen. */
const ZH_APP_NAME = '登入小幫手';
const INITIAL_JS_BUDGET_GZ = 120 * 1024;

/** Every JavaScript the page fetched, with its body. */
function recordScripts(page: Page): () => Promise<{ url: string; body: Buffer }[]> {
  const responses: Response[] = [];
  page.on('response', (r) => {
    if (r.url().endsWith('.js')) responses.push(r);
  });
  return async () => Promise.all(responses.map(async (r) => ({ url: r.url(), body: await r.body() })));
}

test.describe('in English', () => {
  test('fetches no zh-TW texts, stays within the JavaScript budget, and fetches them when zh-TW is chosen', async ({ page, host }) => {
    const scripts = recordScripts(page);
    await page.goto(host.url);
    const app = new AppDriver(page);
    await app.onScreen('home', app.t.app.name);
    const first = await scripts();
    expect(first.length).toBeGreaterThan(0);
    expect(first.filter((s) => s.body.includes(ZH_APP_NAME)).map((s) => s.url)).toEqual([]);
    const gz = first.reduce((sum, s) => sum + gzipSync(s.body, { level: 9 }).length, 0);
    expect(gz, `first screen JavaScript, gzip: ${gz} bytes`).toBeLessThanOrEqual(INITIAL_JS_BUDGET_GZ);

    await app.chooseLanguage('zh-TW');
    await app.onScreen('home', app.t.app.name);
    expect((await scripts()).some((s) => s.body.includes(ZH_APP_NAME))).toBe(true);
  });
});

test.describe('a browser that prefers zh-TW', () => {
  test.use({ locale: 'zh-TW' });

  test('gets the zh-TW texts fetched and the home screen in Traditional Chinese', async ({ page, host }) => {
    const scripts = recordScripts(page);
    await page.goto(host.url);
    const app = new AppDriver(page, 'zh-TW');
    await app.onScreen('home', app.t.app.name);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-TW');
    await expect(app.button(app.t.home.forgot)).toBeVisible();
    expect((await scripts()).some((s) => s.body.includes(ZH_APP_NAME))).toBe(true);
  });
});
