/**
 * The seed's error table, in English and in the seed's own language (zh-TW): what a person
 * who typed their user ID under "Forgot my password" sees, and the way out the seed promises.
 */
import { AppDriver, type Lang } from './app-driver.js';
import { expect, expectAccessible, test } from './fixtures.js';

for (const lang of ['en', 'zh-TW'] as const satisfies readonly Lang[]) {
  test.describe(`the seed's errors (${lang})`, () => {
    test.beforeEach(async ({ page, host }) => {
      await page.goto(host.url);
      const app = new AppDriver(page);
      await app.onScreen('home');
      if (lang !== 'en') await app.chooseLanguage(lang);
    });

    test('reset not enabled for the account: contact an administrator, with a support code', async ({ page }) => {
      const app = new AppDriver(page, lang);
      await app.startReset('adele@contoso.com');
      await app.onScreen('reset-blocked', app.t.errors.SSPR_NOT_ENABLED.title);
      await expect(page.getByText(app.t.errors.SSPR_NOT_ENABLED.body)).toBeVisible();
      await expect(page.getByText(app.t.errors.SSPR_NOT_ENABLED.more)).toBeVisible();
      await app.button(app.t.reset.contact).click();
      const sent = page.getByRole('status').filter({ hasText: app.t.reset.contactSent.split('{{')[0]!.trim() });
      await expect(sent).toBeVisible();
      const supportCode = (await sent.textContent())!.match(/[0-9A-F]{10}/)![0];
      await expectAccessible(page, `contact sent (${lang})`);
      // The helpdesk got the request, carrying the same support code: see it in the Demo inbox.
      await app.button(app.t.demo.inbox).click();
      await app.onScreen('demo-inbox', app.t.demo.inbox);
      const message = page.getByRole('listitem').filter({ hasText: 'helpdesk@contoso.com' });
      await expect(message).toContainText(supportCode);
      await expect(message).toContainText('adele@contoso.com');
    });

    test('password managed elsewhere: contact IT, with the helpdesk contact', async ({ page }) => {
      const app = new AppDriver(page, lang);
      await app.startReset('lee@contoso.com');
      await app.onScreen('reset-blocked', app.t.errors.PASSWORD_NOT_MANAGED.title);
      await expect(page.getByText(app.t.errors.PASSWORD_NOT_MANAGED.body)).toBeVisible();
      await expect(page.getByText(app.t.errors.PASSWORD_NOT_MANAGED.more)).toBeVisible();
      await expect(page.getByText('helpdesk@contoso.com')).toBeVisible();
      // The seed offers no automatic request here: the password lives elsewhere.
      await expect(app.button(app.t.reset.contact)).toHaveCount(0);
    });

    test('not registered: we could not verify your account, contact an administrator', async ({ page }) => {
      const app = new AppDriver(page, lang);
      await app.startReset('megan@contoso.com');
      await app.onScreen('reset-blocked', app.t.errors.NOT_REGISTERED.title);
      await expect(page.getByText(app.t.errors.NOT_REGISTERED.body)).toBeVisible();
      await app.button(app.t.reset.contact).click();
      await expect(page.getByRole('status').filter({ hasText: /[0-9A-F]{10}/ })).toBeVisible();
      // Back returns to the user-ID step, ready for another try.
      await app.button(app.t.common.back).click();
      await app.onScreen('reset-user-id', app.t.reset.userIdTitle);
    });
  });
}
