/**
 * alain resets his password in Traditional Chinese, with a code made by oathtool — an
 * implementation independent of ours — from the demo tenant's fixed authenticator secret.
 */
import { execFileSync } from 'node:child_process';
import { AppDriver, DEMO_PASSWORD, otherCode } from './app-driver.js';
import { expect, test } from './fixtures.js';

const DEMO_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const oathtool = () => execFileSync('oathtool', ['--totp', '-b', DEMO_SECRET], { encoding: 'utf8' }).trim();

test('alain (zh-TW): wrong code refused, oathtool code accepted, rules explained, password reset', async ({ page, host }) => {
  await page.goto(host.url);
  const app = new AppDriver(page);
  await app.onScreen('home');
  await app.chooseLanguage('zh-TW');
  const t = app.t;
  await app.onScreen('home', t.app.name);

  await app.startReset('ALAIN@contoso.com ');
  await app.onScreen('reset-verify', t.reset.verifyTitle);
  await page.getByRole('radio').first().check();
  const code = oathtool();
  await app.field(t.code.label).fill(otherCode(code));
  await app.button(t.common.verify).click();
  await expect(page.getByRole('alert').filter({ hasText: t.errors.INVALID_CODE.title })).toBeVisible();
  await app.field(t.code.label).fill(code);
  await app.button(t.common.verify).click();

  await app.onScreen('reset-new-password', t.reset.newPasswordTitle);
  // The directory's own rule, in its own words: the current password is in its history.
  await app.field(t.reset.newPassword).fill(DEMO_PASSWORD);
  await app.field(t.reset.confirm).fill(DEMO_PASSWORD);
  await app.button(t.reset.submit).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Password is in history of old passwords' })).toBeVisible();
  // A password containing the user name breaks a rule the app can show before submitting.
  await app.field(t.reset.newPassword).fill('alain-likes-trains');
  await app.field(t.reset.confirm).fill('alain-likes-trains');
  await app.button(t.reset.submit).click();
  await expect(page.getByText(t.rules.noUserName)).toBeVisible();
  await app.field(t.reset.newPassword).fill('Quiet-Meadow-Tulip-42');
  await app.field(t.reset.confirm).fill('Quiet-Meadow-Tulip-42');
  await app.button(t.reset.submit).click();
  await app.onScreen('reset-done', t.reset.doneTitle);

  // alain's alternate email was told, in the demo inbox — in his language, which reached the service.
  await app.button(t.demo.inbox).click();
  await app.onScreen('demo-inbox', t.demo.inbox);
  await expect(page.getByText('alain.charon@example.net', { exact: false }).first()).toBeVisible();
  await expect(page.getByText('您的 Contoso 密碼已重設')).toBeVisible();
  await expect(page.getByText('Your Contoso password was reset')).toHaveCount(0);
});

for (const [locale, lang] of [['en-US', 'en'], ['zh-TW', 'zh-TW']] as const) {
  test.describe(`without the launch token (${locale})`, () => {
    test.use({ locale });
    test('opening the app fails clearly and says how to reopen it', async ({ page, host }) => {
      await page.goto(host.origin);
      // Before the app's settings arrive, the browser's language is the only guide.
      const app = new AppDriver(page, lang);
      await app.onScreen('load-failed', app.t.app.loadFailedTitle);
      await expect(page.getByRole('alert').filter({ hasText: app.t.errors.FORBIDDEN_SENDER.title })).toBeVisible();
    });
  });
}
