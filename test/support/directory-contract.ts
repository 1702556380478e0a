/**
 * The Directory contract: what every directory must do for SSPR, run against the memory
 * directory (the reference), a real slapd with ppolicy and a real Samba AD DC. The caller's
 * `setup` gives, per test, a directory and the server-side actions a test needs that are no
 * part of the interface — done as the server's administrator would (a real lockout by failed
 * binds, ppolicy's administrative lock, AD's userAccountControl…), never through our code —
 * and an independent check of a password: a fresh bind outside the Directory under test.
 *
 * A case that needs what a server does not have (an outage on a shared DC, a minimum age in
 * the demo directory) is not left out silently: the fixture says so, and the contract asserts
 * what that directory then promises instead (e.g. it declares no minimum age).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DirectoryUnavailableError, type Directory, type DirectoryPasswordRules, type DirectoryUser } from '../../server/directories/directory.js';

export interface ContractUser {
  /** What a person types to be found (the first id form). */
  id: string;
  password: string;
}

export interface FreshUser extends ContractUser {
  /** Every id form the directory is configured to find the account by (uid, mail; sAMAccountName, UPN, mail). */
  forms: string[];
  /** The id findUser answers: the directory's canonical spelling of the configured id attribute. */
  canonical: string;
}

export interface DirectoryFixture {
  directory: Directory;
  /** A seeded account in groups and with pre-filled contact, and what findUser must say of it. */
  reference: ContractUser & { expected: DirectoryUser };
  /** An account no other test touched: enabled, in no group, with a known password. */
  freshUser(): Promise<FreshUser>;
  /** Whether the server takes `password` for the account: a fresh bind outside our Directory. */
  passwordWorks(user: FreshUser, password: string): Promise<boolean>;
  /** Lock the account as the server does after too many failed sign-ins (real failed binds where there is a server). */
  lockByFailedBinds(user: FreshUser): Promise<void>;
  /** Disable the account as an administrator would. */
  disable(user: FreshUser): Promise<void>;
  /** The account (not the password) expired, as an administrator sets it. */
  expireAccount(user: FreshUser): Promise<void>;
  /** The password must be changed at next sign-in, as an administrator sets it. */
  requireChange(user: FreshUser): Promise<void>;
  /** The password is past the policy's maximum age, where the server can be made so in a test. */
  expirePassword?(user: FreshUser): Promise<void>;
  /** Put the account under a minimum password age, where the server has one. */
  makeTooYoung?(user: FreshUser): Promise<void>;
  /** What passwordRules() must read: the values the server was configured with. */
  rules: DirectoryPasswordRules;
  /** The directory's own words for its refusals. */
  words: { history: RegExp; tooShort?: { password: string; words: RegExp }; tooYoung?: RegExp };
  /** Stop and start the server (a real one, with its data kept). */
  outage?: { stop(): Promise<void>; start(): Promise<void> };
  close(): Promise<void>;
}

let serial = 0;
/** A new password each call that meets every configured rule (length 12+, 3 of 4 classes, no account name). */
const newPassword = () => `Lantern-Harbor-${++serial}q`;

export function directoryContract(name: string, setup: () => Promise<DirectoryFixture>): void {
  describe(`Directory contract: ${name}`, () => {
    let fx: DirectoryFixture;
    let dir: Directory;
    beforeEach(async () => {
      fx = await setup();
      dir = fx.directory;
    });
    afterEach(async () => {
      await fx?.close();
    });

    it('finds the account by every configured id form, under its canonical id; an unknown id or a filter is nobody', async () => {
      const user = await fx.freshUser();
      expect(user.forms.length).toBeGreaterThan(0);
      for (const form of user.forms) {
        expect((await dir.findUser(form))?.userId, form).toBe(user.canonical);
        expect((await dir.findUser(` ${form.toUpperCase()} `))?.userId, `${form} in capitals, spaced`).toBe(user.canonical);
      }
      expect(await dir.findUser('nobody-at-all')).toBeNull();
      expect(await dir.findUser('*')).toBeNull();
      expect(await dir.findUser(`${user.id.slice(0, 2)}*`)).toBeNull();
      expect(await dir.findUser(`${user.id})(objectClass=*`)).toBeNull();
      const found = await dir.findUser(user.id);
      expect(found).toMatchObject({ userId: user.canonical, groups: [], passwordManaged: true, state: { locked: false, disabled: false, expired: false, mustChange: false } });
    });

    it('tells display name, groups and the pre-filled contact of a seeded account', async () => {
      expect(await dir.findUser(fx.reference.id)).toEqual(fx.reference.expected);
    });

    it('verifies a password: right is ok, wrong and unknown account are invalid', async () => {
      const user = await fx.freshUser();
      expect(await dir.verifyPassword(user.id, user.password)).toBe('ok');
      expect(await dir.verifyPassword(user.id, `${user.password}x`)).toBe('invalid');
      expect(await dir.verifyPassword('nobody-at-all', user.password)).toBe('invalid');
      expect(await dir.verifyPassword(fx.reference.id, fx.reference.password)).toBe('ok');
    });

    it('an administrative reset: the server then takes the new password and refuses the old one', async () => {
      const user = await fx.freshUser();
      const next = newPassword();
      expect(await dir.resetPassword(user.id, next)).toEqual({ ok: true });
      expect(await fx.passwordWorks(user, next)).toBe(true);
      expect(await fx.passwordWorks(user, user.password)).toBe(false);
      expect(await dir.verifyPassword(user.id, next)).toBe('ok');
      expect(await dir.verifyPassword(user.id, user.password)).toBe('invalid');
    });

    it('a password too short for the directory is refused as tooShort, in its words', async () => {
      const user = await fx.freshUser();
      if (!fx.words.tooShort) {
        // No minimum: the directory says so, and takes a short password.
        expect((await dir.passwordRules?.())?.minLength).toBeFalsy();
        expect(await dir.resetPassword(user.id, 'Ab1!')).toEqual({ ok: true });
        return;
      }
      for (const refused of [await dir.resetPassword(user.id, fx.words.tooShort.password), await dir.changePassword(user.id, user.password, fx.words.tooShort.password)]) {
        expect(refused).toMatchObject({ ok: false, kind: 'tooShort', message: expect.stringMatching(fx.words.tooShort.words) });
      }
      expect(await fx.passwordWorks(user, user.password)).toBe(true);
    });

    it("the user's own change needs the right old password; the server then has the new one", async () => {
      const user = await fx.freshUser();
      const next = newPassword();
      expect(await dir.changePassword(user.id, `${user.password}x`, next)).toEqual({ ok: false, wrongPassword: true });
      expect(await fx.passwordWorks(user, user.password)).toBe(true);
      expect(await dir.changePassword(user.id, user.password, next)).toEqual({ ok: true });
      expect(await fx.passwordWorks(user, next)).toBe(true);
      expect(await fx.passwordWorks(user, user.password)).toBe(false);
    });

    it('a password in history is refused as history, in the directory\'s words', async () => {
      const user = await fx.freshUser();
      const next = newPassword();
      expect(await dir.changePassword(user.id, user.password, next)).toEqual({ ok: true });
      const back = await dir.changePassword(user.id, next, user.password);
      expect(back).toMatchObject({ ok: false, kind: 'history', message: expect.stringMatching(fx.words.history) });
      expect(await fx.passwordWorks(user, next)).toBe(true);
    });

    it('a password changed too recently is refused as tooYoung where the directory has a minimum age', async () => {
      const user = await fx.freshUser();
      const first = newPassword();
      expect(await dir.resetPassword(user.id, first)).toEqual({ ok: true });
      if (!fx.makeTooYoung) {
        expect((await dir.passwordRules?.(user.id))?.minAgeSeconds).toBeFalsy();
        expect(await dir.changePassword(user.id, first, newPassword())).toEqual({ ok: true });
        return;
      }
      await fx.makeTooYoung(user);
      expect((await dir.passwordRules?.(user.id))?.minAgeSeconds).toBeGreaterThan(0);
      expect(await dir.changePassword(user.id, first, newPassword())).toMatchObject({ ok: false, kind: 'tooYoung', message: expect.stringMatching(fx.words.tooYoung ?? /./) });
      expect(await fx.passwordWorks(user, first)).toBe(true);
    });

    const mustChangeCase = (what: string, make: (f: DirectoryFixture) => ((u: FreshUser) => Promise<void>) | undefined) =>
      it(`${what}: the state says must change, the right password is mustChange, and a change with it succeeds`, async (ctx) => {
        const action = make(fx);
        if (!action) return ctx.skip(`${name} cannot be put in this state in a test (see its fixture)`);
        const user = await fx.freshUser();
        await action(user);
        expect((await dir.findUser(user.id))?.state).toMatchObject({ mustChange: true, locked: false, disabled: false, expired: false });
        expect(await dir.verifyPassword(user.id, user.password)).toBe('mustChange');
        expect(await dir.verifyPassword(user.id, `${user.password}x`)).toBe('invalid');
        const next = newPassword();
        expect(await dir.changePassword(user.id, `${user.password}x`, next)).toEqual({ ok: false, wrongPassword: true });
        expect(await dir.changePassword(user.id, user.password, next)).toEqual({ ok: true });
        expect(await fx.passwordWorks(user, next)).toBe(true);
        expect(await fx.passwordWorks(user, user.password)).toBe(false);
        expect(await dir.verifyPassword(user.id, next)).toBe('ok');
        expect((await dir.findUser(user.id))?.state?.mustChange).toBe(false);
      });
    mustChangeCase('must change at next sign-in (set by an administrator)', (f) => f.requireChange.bind(f));
    mustChangeCase('an expired password', (f) => f.expirePassword?.bind(f));

    it('locked by real failed sign-ins: locked whatever the password; unlock lets the right one in', async () => {
      const user = await fx.freshUser();
      await fx.lockByFailedBinds(user);
      expect((await dir.findUser(user.id))?.state).toMatchObject({ locked: true, disabled: false });
      expect(await dir.verifyPassword(user.id, user.password)).toBe('locked');
      expect(await dir.changePassword(user.id, user.password, newPassword())).toMatchObject({ ok: false, kind: 'locked' });
      expect(await dir.unlock(user.id)).toEqual({ ok: true });
      expect((await dir.findUser(user.id))?.state?.locked).toBe(false);
      expect(await dir.verifyPassword(user.id, user.password)).toBe('ok');
      expect(await fx.passwordWorks(user, user.password)).toBe(true);
    });

    it('disabled by an administrator: the state says so, the right password is disabled, and unlock and change are refused as disabled', async () => {
      const user = await fx.freshUser();
      await fx.disable(user);
      expect((await dir.findUser(user.id))?.state).toMatchObject({ disabled: true, locked: false });
      expect(await dir.verifyPassword(user.id, user.password)).toBe('disabled');
      // A wrong password never passes; whether it tells "disabled" is the server's (ppolicy refuses before checking).
      expect(['invalid', 'disabled']).toContain(await dir.verifyPassword(user.id, `${user.password}x`));
      expect(await dir.unlock(user.id)).toMatchObject({ ok: false, kind: 'disabled', message: expect.any(String) });
      expect(await dir.changePassword(user.id, user.password, newPassword())).toMatchObject({ ok: false, kind: 'disabled' });
      expect(await fx.passwordWorks(user, user.password)).toBe(false);
    });

    it('an expired account: the state says so and the right password is expired', async () => {
      const user = await fx.freshUser();
      await fx.expireAccount(user);
      expect((await dir.findUser(user.id))?.state).toMatchObject({ expired: true, locked: false, disabled: false });
      expect(await dir.verifyPassword(user.id, user.password)).toBe('expired');
      expect(['invalid', 'expired']).toContain(await dir.verifyPassword(user.id, `${user.password}x`));
      expect(await dir.changePassword(user.id, user.password, newPassword())).toMatchObject({ ok: false, kind: 'disabled' });
    });

    it("reads the directory's password rules as the server is configured", async () => {
      expect(await dir.passwordRules?.()).toEqual(fx.rules);
      const user = await fx.freshUser();
      expect(await dir.passwordRules?.(user.id)).toEqual(fx.rules);
    });

    it('the directory down: reads throw DirectoryUnavailableError, writes answer unreachable; after a restart all works again', async (ctx) => {
      if (!fx.outage) return ctx.skip(`${name}: no outage in this suite (see its fixture)`);
      const user = await fx.freshUser();
      expect((await dir.findUser(user.id))?.userId).toBe(user.canonical); // a pooled connection is open
      await fx.outage.stop();
      await expect(dir.findUser(user.id)).rejects.toBeInstanceOf(DirectoryUnavailableError);
      await expect(dir.verifyPassword(user.id, user.password)).rejects.toBeInstanceOf(DirectoryUnavailableError);
      await expect(dir.passwordRules?.()).rejects.toBeInstanceOf(DirectoryUnavailableError);
      // Writes answer, they do not throw: the caller gives back what it claimed.
      const next = newPassword();
      expect(await dir.resetPassword(user.id, next)).toMatchObject({ ok: false, kind: 'unreachable', message: expect.any(String) });
      expect(await dir.changePassword(user.id, user.password, next)).toMatchObject({ ok: false, kind: 'unreachable' });
      expect(await dir.unlock(user.id)).toMatchObject({ ok: false, kind: 'unreachable' });
      await fx.outage.start();
      expect((await dir.findUser(user.id))?.userId).toBe(user.canonical);
      expect(await dir.resetPassword(user.id, next)).toEqual({ ok: true });
      expect(await fx.passwordWorks(user, next)).toBe(true);
    });
  });
}
