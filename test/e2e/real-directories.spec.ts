/**
 * A password reset through the app lands in a REAL directory: slapd with ppolicy, and a Samba
 * AD domain controller. The directory service runs as its own process from a YAML file, the
 * app (web host) points at its URL; lee signs in with his directory password, adds an
 * authenticator app (oathtool's codes) and an alternate email (a real SMTP relay), then
 * resets: a bind outside our code proves the new password is the directory's and the old one
 * is not, and the reset notice reaches his mailbox. Where the directory applies its history to
 * a reset (ppolicy), going back to a password he used before is refused in the directory's
 * own words on the new-password screen, and he can pick another there.
 *
 * Samba binds fixed ports: run this file under `flock /tmp/samba-ad.lock`. Its tests run in
 * order in one worker, so two Samba DCs never start at once.
 */
import type { RecordingRelay } from '../integration/notify/smtp-doubles.js';
import { AppDriver } from './app-driver.js';
import { addAuthenticatorApp, expectAdded, openAdd, signOut } from './support/add-methods.js';
import { passWith } from './support/gates.js';
import { expect, test } from './support/real-directory-fixtures.js';
import { mailTo, newCodeMailedTo, newMailTo } from './support/real-directory-mail.js';
import type { RealDirectoryKind } from './support/real-directory-servers.js';
import { AuthenticatorSteps } from './support/real-directory-totp.js';
import { chooseNewPassword } from './support/reset-steps.js';

test.describe.configure({ mode: 'default', timeout: 240_000 });

const ALTERNATE_EMAIL = 'lee.gu@example.net';
const FIRST = 'Garden-Lantern-Ocean-42';
const SECOND = 'Meadow-Copper-Violin-19';
const THIRD = 'Harbor-Willow-Stone-77';

/** Alternate email (type button already pressed), its code from the relay. */
async function addEmailThroughRelay(app: AppDriver, relay: RecordingRelay): Promise<void> {
  const m = app.t.method.email;
  await app.onScreen('add-email-address', m.addTitle);
  await app.field(m.address).fill(ALTERNATE_EMAIL);
  const seen = mailTo(relay, ALTERNATE_EMAIL).length;
  await app.button(m.sendCode).click();
  await app.onScreen('add-email-code', m.codeTitle);
  await app.field(app.t.method.common.code).fill(await newCodeMailedTo(relay, ALTERNATE_EMAIL, seen));
  await app.button(app.t.method.common.verify).click();
}

/** The app opened afresh (as from the launcher), "Forgot my password", the id, a fresh code: the new-password screen. */
async function passResetGate(app: AppDriver, url: string, userId: string, secret: string, steps: AuthenticatorSteps): Promise<void> {
  await app.page.goto('about:blank');
  await app.page.goto(url);
  await app.onScreen('home');
  await app.startReset(userId);
  await app.onScreen('reset-verify', app.t.reset.verifyTitle);
  await passWith(app, { type: 'authenticatorApp', secret, offsetSeconds: await steps.nextOffset() });
  await app.onScreen('reset-new-password', app.t.reset.newPasswordTitle);
}

/**
 * Whether the directory applies its password history to an ADMINISTRATIVE reset (the service
 * account's write, which is what a reset is). ppolicy does. Samba AD (4.17 here) does not: it
 * checks history only on the user's own change, and refuses the policy-hints control
 * (1.2.840.113556.1.4.2239 / .2066, unavailableCriticalExtension — probed on this DC) with
 * which Windows AD applies it to a reset. So on Samba a previous password is taken at reset,
 * and there is no history refusal to show.
 */
const directories: { kind: RealDirectoryKind; name: string; historyOnReset: boolean }[] = [
  { kind: 'openldap', name: 'OpenLDAP (slapd, ppolicy)', historyOnReset: true },
  { kind: 'activeDirectory', name: 'Active Directory (Samba AD)', historyOnReset: false },
];

for (const { kind, name, historyOnReset } of directories) {
  test.describe(name, () => {
    test.use({ directoryKind: kind });

    test(`lee registers an app with his directory password, resets through it, and only the new password binds${historyOnReset ? "; a password from his history is refused in the directory's words" : ''}`, async ({ page, stack }) => {
      const { directory, service, app: host } = stack;
      const { id, password: original } = directory.user;
      const app = new AppDriver(page);
      // The independent bind can say "ok": the seeded password is the directory's before anything.
      expect(await directory.bind(original)).toBe('ok');

      // Security info as a person would reach it: the directory password, then enforced registration.
      await page.goto(host.url);
      await app.onScreen('home');
      await app.signInFromHome(id, original);
      await app.onScreen('register-security-info', app.t.register.title);
      await app.button(app.t.methods.authenticatorApp).click();
      const secret = await addAuthenticatorApp(app);
      const steps = new AuthenticatorSteps();
      // The step just typed (or a later one, if the clock moved on since): never typed again.
      steps.spent(Math.floor(Date.now() / 30_000));
      await expectAdded(app);
      await openAdd(app, 'email');
      await addEmailThroughRelay(app, service.relay);
      await expectAdded(app);
      await signOut(app);

      // Forgot my password → the app's code → a new password → done.
      await passResetGate(app, host.url, id, secret, steps);
      const beforeReset = mailTo(service.relay, ALTERNATE_EMAIL).length;
      await chooseNewPassword(app, FIRST);
      expect(await directory.bind(FIRST), 'the new password binds').toBe('ok');
      expect(await directory.bind(original), 'the old password no longer binds').toBe('invalid');
      const notice = await newMailTo(service.relay, ALTERNATE_EMAIL, beforeReset, (m) => /password was reset/i.test(m.subject), 'the reset notice');
      expect(notice.text).toContain(`account ${directory.user.account} was reset`);
      if (!historyOnReset) return;

      // Once more, so FIRST is a previous password, not the current one.
      await passResetGate(app, host.url, id, secret, steps);
      await chooseNewPassword(app, SECOND);
      expect(await directory.bind(SECOND)).toBe('ok');

      // Back to FIRST: our own rules allow it (the service keeps no history); the directory's history refuses it.
      await passResetGate(app, host.url, id, secret, steps);
      await app.field(app.t.reset.newPassword).fill(FIRST);
      await app.field(app.t.reset.confirm).fill(FIRST);
      await app.button(app.t.reset.submit).click();
      const refusal = page.getByRole('alert').filter({ hasText: app.t.errors.POLICY_VIOLATION.title });
      await expect(refusal).toBeVisible();
      await expect(refusal).toContainText(app.t.policy.directoryHistory);
      const [before, after] = app.t.policy.directoryWords.split('{{message}}') as [string, string];
      // The directory's own sentence, between the quotes: it names the history.
      const words = (await refusal.textContent())!.split(before)[1]?.split(after)[0] ?? '';
      expect(words, "the directory's words are shown").toMatch(/history/i);
      await expect(page.getByTestId('screen-reset-new-password')).toBeVisible();
      expect(await directory.bind(SECOND), 'the refusal changed nothing').toBe('ok');
      expect(await directory.bind(FIRST)).toBe('invalid');

      // The same reset takes another password.
      await app.field(app.t.reset.newPassword).fill(THIRD);
      await app.field(app.t.reset.confirm).fill(THIRD);
      await app.button(app.t.reset.submit).click();
      await app.onScreen('reset-done', app.t.reset.doneTitle);
      expect(await directory.bind(THIRD)).toBe('ok');
      expect(await directory.bind(SECOND)).toBe('invalid');
    });
  });
}
