/**
 * "Unlock my account" lands in a REAL directory (slapd with ppolicy, pwdMaxFailure 3, locked
 * until unlocked): the service runs as its own process from a YAML file, the app (web host)
 * points at it. lee registers an authenticator app, then fails three binds outside our code
 * (as at a login screen), so ppolicy locks him: a bind with his right password is refused. In
 * the app his right password gets "Your account is locked" with the unlock as the way out;
 * the unlock passes his app's code and says he is unlocked (the directory said he was locked);
 * the same independent bind then succeeds, and the app signs him in.
 */
import { AppDriver } from './app-driver.js';
import { addAuthenticatorApp, expectAdded, signOut } from './support/add-methods.js';
import { passWith } from './support/gates.js';
import { expect, test } from './support/real-directory-fixtures.js';
import { AuthenticatorSteps } from './support/real-directory-totp.js';

test.describe.configure({ timeout: 180_000 });
test.use({ directoryKind: 'openldap' });

/** slapd-up.sh's default policy: pwdMaxFailure 3, pwdLockoutDuration 0 (until an unlock). */
const PPOLICY_MAX_FAILURE = 3;

test('lee, locked out by ppolicy after failed binds elsewhere, unlocks in the app with his authenticator app; his password binds again', async ({ page, stack }) => {
  const { directory, app: host } = stack;
  const { id, password } = directory.user;
  const app = new AppDriver(page);
  const t = app.t;

  // Security info first (he can still sign in): an authenticator app, its codes from oathtool.
  await page.goto(host.url);
  await app.onScreen('home');
  await app.signInFromHome(id, password);
  await app.onScreen('register-security-info', t.register.title);
  await app.button(t.methods.authenticatorApp).click();
  const secret = await addAuthenticatorApp(app);
  const steps = new AuthenticatorSteps();
  steps.spent(Math.floor(Date.now() / 30_000));
  await expectAdded(app);
  await signOut(app);

  // Wrong passwords at another door: ppolicy locks him, and then refuses even the right one.
  for (let i = 0; i < PPOLICY_MAX_FAILURE; i++) expect(await directory.bind(`Not-His-Password-${i}`)).toBe('invalid');
  expect(await directory.bind(password), 'ppolicy has locked him: the right password is refused').toBe('invalid');

  // In the app, the right password is told apart from a wrong one: locked, and the way out is the unlock.
  await page.goto('about:blank');
  await page.goto(host.url);
  await app.onScreen('home');
  await app.signInFromHome(id, password);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(t.errors.ACCOUNT_LOCKED.title);
  await expect(alert).toContainText(t.common.supportCode.split('{{')[0]!.trim());
  await alert.getByRole('button', { name: t.errors.actions.unlock }).click();
  await app.onScreen('reset-user-id', t.reset.unlockUserIdTitle);
  await expect(app.field(t.signIn.userId)).toHaveValue(id);
  await app.button(t.common.next).click();
  await app.onScreen('reset-verify', t.reset.unlockVerifyTitle);
  await passWith(app, { type: 'authenticatorApp', secret, offsetSeconds: await steps.nextOffset() });
  // The directory said he was locked: the unlocked screen, not "wasn't locked".
  await app.onScreen('unlock-done', t.reset.unlockedTitle);
  await expect(page.getByText(t.reset.notLockedTitle)).toHaveCount(0);

  expect(await directory.bind(password), 'unlocked in the directory: the same password binds again').toBe('ok');
  await app.button(t.reset.backToSignIn).click();
  await app.onScreen('sign-in', t.signIn.title);
  await app.field(t.signIn.password).fill(password);
  await app.button(t.signIn.submit).click();
  // Past the password: on to his second factor (his app), the directory accepted it.
  await app.onScreen('second-factor');
});
