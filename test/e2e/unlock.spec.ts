/**
 * Unlock of an account locked by failed sign-ins, against the real service and its demo
 * directory: alain types a wrong password until the service stops checking (THROTTLED, the
 * policy's signInFailures), "Unlock my account" on that error passes the same gate as a
 * reset with an oathtool code, and the right password signs in again. Then keyboard-only
 * runs of an unlock and of a reset: Tab, Enter and typing, no click.
 */
import { AppDriver, DEMO_PASSWORD } from './app-driver.js';
import { expect, expectAccessible, test } from './fixtures.js';
import { methodRadio, passWith } from './support/gates.js';
import { press, typeInto } from './support/keyboard.js';
import { oathtoolCode } from './support/oathtool.js';

const DEMO_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const ALAIN = 'alain@contoso.com';
/** The demo policy's signInFailures.max: the attempt after them is not checked. */
const SIGN_IN_FAILURES = 10;

/** Does `act` and waits for the sign-in call it makes to answer (each wrong password must be counted, one at a time). */
async function signInCall(app: AppDriver, act: () => Promise<void>): Promise<void> {
  // Enter in a form whose submit button is disabled (a call in flight) submits nothing.
  const submit = app.button(app.t.signIn.submit);
  if ((await submit.count()) > 0) await expect(submit).toBeEnabled();
  await Promise.all([app.page.waitForResponse((r) => r.url().includes('/ipc/session.signIn')), act()]);
}

/** Wrong passwords until the service refuses to check any more; the error offers the unlock. */
async function lockOut(app: AppDriver, userId = ALAIN): Promise<void> {
  const t = app.t;
  await signInCall(app, () => app.signInFromHome(userId, 'Wrong-Passw0rd-1'));
  const alert = app.page.getByRole('alert');
  await expect(alert).toContainText(t.errors.INVALID_CREDENTIALS.title);
  for (let i = 1; i < SIGN_IN_FAILURES; i++) {
    await signInCall(app, () => app.button(t.signIn.submit).click());
    await expect(alert).toContainText(t.errors.INVALID_CREDENTIALS.title);
  }
  await signInCall(app, () => app.button(t.signIn.submit).click());
  await expect(alert).toContainText(t.errors.THROTTLED.signInTitle);
  await expect(alert).toContainText(t.errors.THROTTLED.signInMore);
  await expect(alert).toContainText(t.common.supportCode.split('{{')[0]!.trim());
}

test('an account locked by failed sign-ins is unlocked with an oathtool code, and the right password signs in', async ({ page, host }) => {
  await page.goto(host.url);
  const app = new AppDriver(page);
  const t = app.t;
  await app.onScreen('home');
  await lockOut(app);
  // Still refused with the right password: the lockout holds.
  await app.field(t.signIn.password).fill(DEMO_PASSWORD);
  await app.button(t.signIn.submit).click();
  await expect(page.getByRole('alert')).toContainText(t.errors.THROTTLED.signInTitle);
  await expectAccessible(page, 'sign-in, too many failed sign-ins (en)');

  await page.getByRole('alert').getByRole('button', { name: t.errors.actions.unlock }).click();
  await app.onScreen('reset-user-id', t.reset.unlockUserIdTitle);
  await expect(app.field(t.signIn.userId)).toHaveValue(ALAIN);
  await app.button(t.common.next).click();
  await app.onScreen('reset-verify', t.reset.unlockVerifyTitle);
  await expect(page.getByText(t.reset.unlockNeededOne)).toBeVisible();
  await passWith(app, { type: 'authenticatorApp', secret: DEMO_SECRET });
  await app.onScreen('unlock-done', t.reset.unlockedTitle);
  await expect(page.getByText(t.reset.unlockedBody)).toBeVisible();

  await app.button(t.reset.backToSignIn).click();
  await app.onScreen('sign-in', t.signIn.title);
  await expect(app.field(t.signIn.userId)).toHaveValue(ALAIN);
  await app.field(t.signIn.password).fill(DEMO_PASSWORD);
  await app.button(t.signIn.submit).click();
  // The password is accepted again: on to his second factor.
  await app.onScreen('second-factor');
});

test("an unlock from home of an account that is not locked says so, once alain proved who he is", async ({ page, host }) => {
  await page.goto(host.url);
  const app = new AppDriver(page);
  const t = app.t;
  await app.onScreen('home');
  await app.button(t.home.unlock).click();
  await app.onScreen('reset-user-id', t.reset.unlockUserIdTitle);
  await app.field(t.signIn.userId).fill(ALAIN);
  await app.button(t.common.next).click();
  await app.onScreen('reset-verify', t.reset.unlockVerifyTitle);
  await passWith(app, { type: 'authenticatorApp', secret: DEMO_SECRET });
  await app.onScreen('unlock-done', t.reset.notLockedTitle);
  await expect(page.getByText(t.reset.notLockedHint)).toBeVisible();
});

test('the administrator (a group that needs two methods) unlocks with the app, then a text message', async ({ page, host }) => {
  await page.goto(host.url);
  const app = new AppDriver(page);
  const t = app.t;
  await app.onScreen('home');
  await lockOut(app, 'admin@contoso.com');
  await page.getByRole('alert').getByRole('button', { name: t.errors.actions.unlock }).click();
  await app.onScreen('reset-user-id', t.reset.unlockUserIdTitle);
  await app.button(t.common.next).click();
  await app.onScreen('reset-verify', t.reset.unlockVerifyTitle);
  await expect(page.getByText(t.reset.unlockNeededTwo)).toBeVisible();
  await passWith(app, { type: 'authenticatorApp', secret: DEMO_SECRET });
  await expect(page.getByText(t.reset.stepPassed)).toBeVisible();
  await expect(methodRadio(app, 'authenticatorApp')).toBeDisabled();
  await passWith(app, { type: 'sms', directoryUrl: host.directoryUrl, to: '+14255550199' });
  await app.onScreen('unlock-done', t.reset.unlockedTitle);
  await app.button(t.reset.backToSignIn).click();
  await app.onScreen('sign-in', t.signIn.title);
  await app.field(t.signIn.password).fill(DEMO_PASSWORD);
  await app.button(t.signIn.submit).click();
  await app.onScreen('second-factor');
});

test('the unlock screens in zh-TW have no axe violations', async ({ page, host }) => {
  await page.goto(host.url);
  const app = new AppDriver(page);
  await app.onScreen('home');
  await app.chooseLanguage('zh-TW');
  const t = app.t;
  await lockOut(app);
  await expectAccessible(page, 'sign-in, too many failed sign-ins (zh-TW)');
  await page.getByRole('alert').getByRole('button', { name: t.errors.actions.unlock }).click();
  await app.onScreen('reset-user-id', t.reset.unlockUserIdTitle);
  await app.button(t.common.next).click();
  await app.onScreen('reset-verify', t.reset.unlockVerifyTitle);
  await passWith(app, { type: 'authenticatorApp', secret: DEMO_SECRET });
  await app.onScreen('unlock-done', t.reset.unlockedTitle);
});

test('keyboard only: unlock after a lockout', async ({ page, host }) => {
  await page.goto(host.url);
  const app = new AppDriver(page);
  const t = app.t;
  await app.onScreen('home');
  await press(page, app.button(t.home.signIn));
  await app.onScreen('sign-in', t.signIn.title);
  await typeInto(page, app.field(t.signIn.userId), ALAIN);
  await typeInto(page, app.field(t.signIn.password), 'Wrong-Passw0rd-1');
  for (let i = 0; i <= SIGN_IN_FAILURES; i++) await signInCall(app, () => page.keyboard.press('Enter'));
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(t.errors.THROTTLED.signInTitle);
  await press(page, alert.getByRole('button', { name: t.errors.actions.unlock }));
  await app.onScreen('reset-user-id', t.reset.unlockUserIdTitle);
  await press(page, app.button(t.common.next));
  await app.onScreen('reset-verify', t.reset.unlockVerifyTitle);
  await typeInto(page, app.field(t.method.common.code), oathtoolCode(DEMO_SECRET));
  await page.keyboard.press('Enter');
  await app.onScreen('unlock-done', t.reset.unlockedTitle);
  await press(page, app.button(t.reset.backToSignIn));
  await app.onScreen('sign-in', t.signIn.title);
  await typeInto(page, app.field(t.signIn.password), DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await app.onScreen('second-factor');
});

test('keyboard only: a reset with an oathtool code', async ({ page, host }) => {
  await page.goto(host.url);
  const app = new AppDriver(page);
  const t = app.t;
  await app.onScreen('home');
  await press(page, app.button(t.home.forgot));
  await app.onScreen('reset-user-id', t.reset.userIdTitle);
  await typeInto(page, app.field(t.signIn.userId), ALAIN);
  await page.keyboard.press('Enter');
  await app.onScreen('reset-verify', t.reset.verifyTitle);
  await typeInto(page, app.field(t.method.common.code), oathtoolCode(DEMO_SECRET));
  await page.keyboard.press('Enter');
  await app.onScreen('reset-new-password', t.reset.newPasswordTitle);
  await typeInto(page, app.field(t.reset.newPassword), 'Lantern-Harbor-1987');
  await typeInto(page, app.field(t.reset.confirm), 'Lantern-Harbor-1987');
  await page.keyboard.press('Enter');
  await app.onScreen('reset-done', t.reset.doneTitle);
  await expect(page.getByText(t.reset.doneHow)).toBeVisible();
  await press(page, app.button(t.reset.backToSignIn));
  await app.onScreen('sign-in', t.signIn.title);
});
