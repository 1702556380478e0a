/**
 * `--lock-screen`: the helper on the sign-in screen offers only reset and unlock — no
 * sign-in, no change, no link that would open a browser — with targets of at least 44 px,
 * and passes axe in English and zh-TW.
 */
import { AppDriver, type Lang } from './app-driver.js';
import { expect, expectAccessible, test } from './fixtures.js';

test.use({ hostOptions: { lockScreen: true, startFlow: 'reset' } });

for (const lang of ['en', 'zh-TW'] as const satisfies readonly Lang[]) {
  test(`only reset and unlock, large targets, no link away (${lang})`, async ({ page, host }) => {
    await page.goto(host.url);
    const app = new AppDriver(page);
    await app.onScreen('reset-user-id');
    if (lang !== 'en') await app.chooseLanguage(lang);
    await app.onScreen('reset-user-id', app.t.reset.userIdTitle);
    await expect(page.locator('.shell.lock-screen')).toHaveCount(1);
    await expect(app.button(app.t.home.signIn)).toHaveCount(0);
    await expect(app.button(app.t.home.change)).toHaveCount(0);
    await expect(app.button(app.t.demo.inbox)).toHaveCount(0);
    // Nothing on the lock screen may open a browser.
    await expect(page.locator('a[href^="http"], a[href^="mailto"], a[target="_blank"]')).toHaveCount(0);
    for (const target of await page.locator('main button:visible, main input:visible, header select:visible').all()) {
      const box = await target.boundingBox();
      expect(box?.height ?? 0, await target.evaluate((e) => e.outerHTML.slice(0, 80))).toBeGreaterThanOrEqual(44);
    }
    await expectAccessible(page, `lock-screen reset user id (${lang})`);
  });
}
