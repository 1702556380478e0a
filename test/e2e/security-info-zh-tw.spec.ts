/**
 * Security info in Traditional Chinese: alain already has an authenticator app, so his
 * password alone does not open his security info — he passes his app first (code from
 * oathtool), then adds a second app. Every screen is checked with axe in zh-TW.
 */
import { execFileSync } from 'node:child_process';
import { AppDriver, DEMO_PASSWORD, totp } from './app-driver.js';
import { expect, test } from './fixtures.js';

const DEMO_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

test('alain (zh-TW): second factor, then adds a second authenticator app', async ({ page, host }) => {
  await page.goto(host.url);
  const app = new AppDriver(page);
  await app.onScreen('home');
  await app.chooseLanguage('zh-TW');
  const t = app.t;

  await app.button(t.home.signIn).click();
  await app.onScreen('sign-in', t.signIn.title);
  await app.signIn('alain@contoso.com', 'not-the-password');
  await expect(page.getByRole('alert').filter({ hasText: t.errors.INVALID_CREDENTIALS.title })).toBeVisible();
  await app.field(t.signIn.password).fill(DEMO_PASSWORD);
  await app.button(t.signIn.submit).click();

  await app.onScreen('second-factor', t.secondFactor.title);
  await app.field(t.code.label).fill(execFileSync('oathtool', ['--totp', '-b', DEMO_SECRET], { encoding: 'utf8' }).trim());
  await app.button(t.common.verify).click();

  await app.onScreen('security-info', t.overview.title);
  await expect(page.getByText(t.methods.email, { exact: true }).first()).toBeVisible();
  await app.button(t.overview.add).click();
  await app.button(t.methods.authenticatorApp).click();
  await app.onScreen('add-authenticator-app-intro', t.method.authenticatorApp.introTitle);
  await app.button(t.common.next).click();
  await app.onScreen('add-authenticator-app-scan', t.method.authenticatorApp.scanTitle);
  const key = (await page.getByTestId('manual-key').textContent())!.replace(/\s+/g, '');
  await app.button(t.common.next).click();
  await app.onScreen('add-authenticator-app-verify', t.method.authenticatorApp.verifyTitle);
  await app.field(t.method.common.name).fill('工作手機');
  await app.field(t.code.label).fill(await totp(key));
  await app.button(t.common.verify).click();
  await app.onScreen('security-info', t.overview.title);
  await expect(page.getByText('工作手機').first()).toBeVisible();
});
