/**
 * Unlock (the reset's gates, then only the lockout is lifted) and change password (the old
 * password proves who you are) through the API.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MemoryDirectory } from '../../../../server/directories/memory-directory.js';
import { ALAIN, ALAIN_APP, DEMO_PASSWORD, LEE, MEGAN, alainCode, failure, success, type ApiHarness } from '../../../support/api-harness.js';
import { ALAIN_EMAIL_ADDRESS, createFastHarness, outbox } from '../../../support/api-flows.js';

let h: ApiHarness;
beforeEach(async () => {
  h = await createFastHarness();
});
afterEach(() => h.close());

const NEW_PASSWORD = 'Correct-Horse-Battery-77';
const directory = () => h.ctx.directory as MemoryDirectory;

async function verifiedAlain(mode: 'reset' | 'unlock') {
  const { resetToken } = success(await h.call('startReset', { userId: ALAIN, mode }));
  success(await h.call('verifyReset', { methodId: ALAIN_APP, code: await alainCode(h) }, resetToken));
  return resetToken;
}

describe('unlock', () => {
  it('a locked account cannot sign in (ACCOUNT_LOCKED); after the gates, unlockAccount lets the SAME password sign in, and alain is told', async () => {
    directory().lock(ALAIN);
    expect(failure(await h.call('signIn', { userId: ALAIN, password: DEMO_PASSWORD })).code).toBe('ACCOUNT_LOCKED');
    const token = await verifiedAlain('unlock');
    const unlocked = success(await h.call('unlockAccount', {}, token));
    expect(Date.parse(unlocked.unlockedAt)).toBe(h.clock());
    await h.signIn(ALAIN, DEMO_PASSWORD);
    expect(outbox(h).at(-1)).toMatchObject({ channel: 'email', to: ALAIN_EMAIL_ADDRESS });
    expect((await h.ctx.store.listAudit()).some((e) => e.event === 'unlock' && e.userId === ALAIN && e.outcome === 'success')).toBe(true);
  });

  it('says whether the account was locked, once the gates are passed: by the directory, by the sign-in block, or not at all', async () => {
    directory().lock(ALAIN);
    expect(success(await h.call('unlockAccount', {}, await verifiedAlain('unlock'))).wasLocked).toBe(true);
    h.clock.advance(30_000); // the next time step: a spent TOTP code is not accepted twice
    // Not locked anywhere: the person is told, so they try their password or reset it instead.
    expect(success(await h.call('unlockAccount', {}, await verifiedAlain('unlock'))).wasLocked).toBe(false);
    // The service's own block after failed sign-ins is a lockout too.
    for (let i = 0; i < 10; i++) await h.call('signIn', { userId: ALAIN, password: 'Wrong-password-1' });
    expect(failure(await h.call('signIn', { userId: ALAIN, password: DEMO_PASSWORD })).code).toBe('THROTTLED');
    h.clock.advance(30_000);
    expect(success(await h.call('unlockAccount', {}, await verifiedAlain('unlock'))).wasLocked).toBe(true);
    await h.signIn(ALAIN, DEMO_PASSWORD);
  });

  it('before the gates are passed, unlockAccount is STEP_NOT_ALLOWED and the account stays locked', async () => {
    directory().lock(ALAIN);
    const { resetToken } = success(await h.call('startReset', { userId: ALAIN, mode: 'unlock' }));
    expect(failure(await h.call('unlockAccount', {}, resetToken)).code).toBe('STEP_NOT_ALLOWED');
    expect(await directory().verifyPassword(ALAIN, DEMO_PASSWORD)).toBe('locked');
  });

  it('is single use: a second unlockAccount with the same token is RESET_EXPIRED', async () => {
    const token = await verifiedAlain('unlock');
    success(await h.call('unlockAccount', {}, token));
    directory().lock(ALAIN);
    expect(failure(await h.call('unlockAccount', {}, token)).code).toBe('RESET_EXPIRED');
    expect(await directory().verifyPassword(ALAIN, DEMO_PASSWORD)).toBe('locked');
  });

  it('an unlock session cannot set a password (completeReset → STEP_NOT_ALLOWED), and can still unlock', async () => {
    const token = await verifiedAlain('unlock');
    const reply = await h.call('completeReset', { newPassword: NEW_PASSWORD }, token);
    expect(reply.status).toBe(409);
    expect(failure(reply).code).toBe('STEP_NOT_ALLOWED');
    await h.signIn(ALAIN, DEMO_PASSWORD);
    success(await h.call('unlockAccount', {}, token));
  });

  it('a reset session cannot unlock (unlockAccount → STEP_NOT_ALLOWED), and can still set the password', async () => {
    const token = await verifiedAlain('reset');
    expect(failure(await h.call('unlockAccount', {}, token)).code).toBe('STEP_NOT_ALLOWED');
    success(await h.call('completeReset', { newPassword: NEW_PASSWORD }, token));
  });
});

describe('change password', () => {
  const change = (oldPassword: string, newPassword: string, userId = ALAIN) => h.call('changePassword', { userId, oldPassword, newPassword });

  it('with the right old password: changed; the new one signs in, the old one not; alain is told', async () => {
    const changed = success(await change(DEMO_PASSWORD, NEW_PASSWORD));
    expect(Date.parse(changed.changedAt)).toBe(h.clock());
    await h.signIn(ALAIN, NEW_PASSWORD);
    expect(failure(await h.call('signIn', { userId: ALAIN, password: DEMO_PASSWORD })).code).toBe('INVALID_CREDENTIALS');
    const notice = outbox(h).at(-1)!;
    expect(notice).toMatchObject({ channel: 'email', to: ALAIN_EMAIL_ADDRESS });
    expect(notice.body).not.toContain(NEW_PASSWORD);
  });

  it('a wrong old password is INVALID_CREDENTIALS (401) and changes nothing', async () => {
    const reply = await change('Wrong-Passw0rd-1', NEW_PASSWORD);
    expect(reply.status).toBe(401);
    expect(failure(reply).code).toBe('INVALID_CREDENTIALS');
    await h.signIn(ALAIN, DEMO_PASSWORD);
  });

  it('wrong old passwords count towards the sign-in throttle: after 10, sign-in with the right password is THROTTLED', async () => {
    for (let i = 0; i < 10; i++) expect(failure(await change(`Wrong-Passw0rd-${i}`, NEW_PASSWORD)).code).toBe('INVALID_CREDENTIALS');
    expect(failure(await h.call('signIn', { userId: ALAIN, password: DEMO_PASSWORD })).code).toBe('THROTTLED');
    expect(failure(await change(DEMO_PASSWORD, NEW_PASSWORD)).code).toBe('THROTTLED');
  });

  it.each([
    ['too short', 'Ab1-xyz', 'minLength'],
    ['containing the user name', 'alain-Autumn-2026!', 'containsUserName'],
    ['a common password', 'password123', 'commonPassword'],
  ])('a new password %s is POLICY_VIOLATION with rule %s', async (_what, newPassword, rule) => {
    const reply = await change(DEMO_PASSWORD, newPassword);
    expect(reply.status).toBe(422);
    expect(failure(reply)).toMatchObject({ code: 'POLICY_VIOLATION', rule });
    await h.signIn(ALAIN, DEMO_PASSWORD);
  });

  it("the directory's history rule comes back in its own words (rule 'directory')", async () => {
    success(await change(DEMO_PASSWORD, NEW_PASSWORD));
    const error = failure(await change(NEW_PASSWORD, DEMO_PASSWORD));
    expect(error).toMatchObject({ code: 'POLICY_VIOLATION', rule: 'directory' });
    expect(error.directoryMessage).toMatch(/history/i);
  });

  it('lee, whose password lives elsewhere, gets PASSWORD_NOT_MANAGED with the helpdesk contact', async () => {
    const error = failure(await change(DEMO_PASSWORD, NEW_PASSWORD, LEE));
    expect(error).toMatchObject({ code: 'PASSWORD_NOT_MANAGED', helpdesk: { email: 'helpdesk@contoso.com' } });
  });

  it('an unknown user gets INVALID_CREDENTIALS, like a wrong password', async () => {
    expect(failure(await change(DEMO_PASSWORD, NEW_PASSWORD, 'nobody@contoso.com')).code).toBe('INVALID_CREDENTIALS');
  });

  it('a wrong old password with a weak new one is INVALID_CREDENTIALS, not POLICY_VIOLATION (the rules do not reveal that the account exists)', async () => {
    expect(failure(await change('Wrong-Passw0rd-1', 'short')).code).toBe('INVALID_CREDENTIALS');
    expect(failure(await change('Wrong-Passw0rd-1', 'short', MEGAN)).code).toBe('INVALID_CREDENTIALS');
  });
});
