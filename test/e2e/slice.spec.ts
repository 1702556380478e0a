/**
 * The foundation's slice, end to end, as a person does it: sign in → security info → add an
 * authenticator app → sign out → forgot my password → verify with the app → new password →
 * success (no automatic sign-in) → the new password works and the old one does not.
 */
import { AppDriver, DEMO_PASSWORD, otherCode, totp } from './app-driver.js';
import { expect, expectAccessible, test } from './fixtures.js';

const NEW_PASSWORD = 'Lantern-Harbor-1987';

test('megan registers an authenticator app, then resets her forgotten password with it', async ({ page, host }) => {
  const app = new AppDriver(page);
  const t = app.t;
  await page.goto(host.url);
  await app.onScreen('home', t.app.name);
  await expect(page.getByRole('note').filter({ hasText: t.demo.banner })).toBeVisible();

  // Sign in: megan has nothing registered and the demo policy requires registration at
  // launch with no skips, so the password alone leads her to enforced registration.
  await app.button(t.home.signIn).click();
  await app.onScreen('sign-in', t.signIn.title);
  await app.signIn('megan@contoso.com', DEMO_PASSWORD);
  await app.onScreen('register-security-info', t.register.title);
  await expect(page.getByText(t.register.noSkips)).toBeVisible();
  await expect(app.button(t.register.skip)).toHaveCount(0);

  // Add an authenticator app from there: intro → QR + manual key → one code.
  await app.button(t.methods.authenticatorApp).click();
  await app.onScreen('add-authenticator-app-intro', t.method.authenticatorApp.introTitle);
  await app.button(t.common.next).click();
  await app.onScreen('add-authenticator-app-scan', t.method.authenticatorApp.scanTitle);
  await expect(page.getByRole('img', { name: t.method.authenticatorApp.qrAlt })).toBeVisible();
  const manualKey = (await page.getByTestId('manual-key').textContent())!.replace(/\s+/g, '');
  expect(manualKey).toMatch(/^[A-Z2-7]{32,}$/);
  await app.button(t.common.next).click();
  await app.onScreen('add-authenticator-app-verify', t.method.authenticatorApp.verifyTitle);
  await app.field(t.code.label).fill(otherCode(await totp(manualKey)));
  await app.button(t.common.verify).click();
  // A wrong code is said at the box: it is marked invalid and the sentence is beside it.
  await expect(app.field(t.code.label)).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText(t.method.common.codeWrong)).toBeVisible();
  await app.field(t.code.label).fill(await totp(manualKey));
  await app.button(t.common.verify).click();
  await app.onScreen('security-info', t.overview.title);
  await expect(page.getByRole('status').filter({ hasText: t.overview.methodAdded.replace('{{name}}', t.method.authenticatorApp.name) })).toBeVisible();
  await expect(page.getByText(t.method.authenticatorApp.name, { exact: true }).first()).toBeVisible();
  await app.button(t.overview.signOut).click();
  await app.onScreen('home', t.app.name);

  // Forgot my password: verify with the app. The setup used this time step, and a code is
  // accepted once, so use the next step's code (inside the ±1 step tolerance).
  await app.startReset('megan@contoso.com');
  await app.onScreen('reset-verify', t.reset.verifyTitle);
  await page.getByRole('radio').first().check();
  await app.field(t.code.label).fill(await totp(manualKey, 30));
  await app.button(t.common.verify).click();

  // New password: the rules are shown live; the server's refusal names the rule.
  await app.onScreen('reset-new-password', t.reset.newPasswordTitle);
  await app.field(t.reset.newPassword).fill('password1');
  await app.field(t.reset.confirm).fill('password1');
  await app.button(t.reset.submit).click();
  await expect(page.getByRole('alert').filter({ hasText: t.policy.commonPassword })).toBeVisible();
  await expectAccessible(page, 'new password with an error');
  await app.field(t.reset.newPassword).fill(NEW_PASSWORD);
  await app.field(t.reset.confirm).fill(NEW_PASSWORD);
  await app.button(t.reset.submit).click();
  await app.onScreen('reset-done', t.reset.doneTitle);

  // No automatic sign-in: back to sign in, where the old password fails and the new one works.
  await app.button(t.reset.backToSignIn).click();
  await app.onScreen('sign-in', t.signIn.title);
  await app.signIn('megan@contoso.com', DEMO_PASSWORD);
  await expect(page.getByRole('alert').filter({ hasText: t.errors.INVALID_CREDENTIALS.title })).toBeVisible();
  await app.field(t.signIn.password).fill(NEW_PASSWORD);
  await app.button(t.signIn.submit).click();
  // Now that she has a method, the password alone no longer opens security info.
  await app.onScreen('second-factor', t.secondFactor.title);
});

