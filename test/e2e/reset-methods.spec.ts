/**
 * Each method at reset: alain with an oathtool code and with his alternate email's code from
 * the outbox; megan with the security key she registered; security questions never alone —
 * after them, another method is still asked for.
 */
import { AppDriver, DEMO_PASSWORD } from './app-driver.js';
import { expect, test } from './fixtures.js';
import { addAuthenticatorApp, addQuestions, addSecurityKey, expectAdded, openAdd, signInToRegister, signOut } from './support/add-methods.js';
import { methodRadio, passWith } from './support/gates.js';
import { chooseNewPassword } from './support/reset-steps.js';
import { addVirtualAuthenticator } from './support/virtual-authenticator.js';

const DEMO_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

test.beforeEach(async ({ page, host }) => {
  await page.goto(host.url);
  await new AppDriver(page).onScreen('home');
});

test('alain resets with a code from oathtool', async ({ page }) => {
  const app = new AppDriver(page);
  await app.startReset('alain@contoso.com');
  await app.onScreen('reset-verify', app.t.reset.verifyTitle);
  await passWith(app, { type: 'authenticatorApp', secret: DEMO_SECRET });
  await chooseNewPassword(app);
});

test('alain resets with the code sent to his alternate email', async ({ page, host }) => {
  const app = new AppDriver(page);
  await app.startReset('alain@contoso.com');
  await app.onScreen('reset-verify', app.t.reset.verifyTitle);
  await expect(methodRadio(app, 'email')).toHaveCount(1);
  await passWith(app, { type: 'email', directoryUrl: host.directoryUrl, to: 'alain.charon@example.net' });
  await chooseNewPassword(app);
  // The old password no longer signs him in.
  await app.button(app.t.reset.backToSignIn).click();
  await app.onScreen('sign-in', app.t.signIn.title);
  await app.signIn('alain@contoso.com', DEMO_PASSWORD);
  await expect(page.getByRole('alert').filter({ hasText: app.t.errors.INVALID_CREDENTIALS.title })).toBeVisible();
});

test('megan resets with the security key she registered', async ({ page }) => {
  const app = new AppDriver(page);
  const key = await addVirtualAuthenticator(page, 'usb');
  await signInToRegister(app);
  await app.button(app.t.methods.securityKey).click();
  await addSecurityKey(app, 'cross-platform');
  await expectAdded(app, app.t.method.securityKey.name);
  await signOut(app);
  expect(await key.credentialCount()).toBe(1);

  await app.startReset('megan@contoso.com');
  await app.onScreen('reset-verify', app.t.reset.verifyTitle);
  await passWith(app, { type: 'securityKey' });
  await chooseNewPassword(app);
});

test('security questions at reset: another method is still needed after them', async ({ page }) => {
  const app = new AppDriver(page);
  await signInToRegister(app);
  await app.button(app.t.methods.authenticatorApp).click();
  const secret = await addAuthenticatorApp(app);
  await expectAdded(app);
  await openAdd(app, 'questions');
  const answers = await addQuestions(app);
  await expectAdded(app);
  await signOut(app);

  await app.startReset('megan@contoso.com');
  await app.onScreen('reset-verify', app.t.reset.verifyTitle);
  await passWith(app, { type: 'questions', answers });
  // Questions passed, but never alone: the app asks for another method, not a new password.
  await expect(page.getByText(app.t.reset.stepPassed)).toBeVisible();
  await expect(page.getByTestId('screen-reset-new-password')).toHaveCount(0);
  await expect(methodRadio(app, 'questions')).toBeDisabled();
  await passWith(app, { type: 'authenticatorApp', secret, offsetSeconds: 30 });
  await chooseNewPassword(app);
});
