/**
 * What the directory says reaches the person as one error code per kind, on every route:
 * account states at sign-in and change, refused writes at reset, and the directory's own
 * password rules in the checklist. On the demo directory, which answers as AD does (locked
 * whatever the password; disabled, expired and "must change" only to the right one).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { refusalKinds, type RefusalKind } from '../../../../server/directories/directory.js';
import type { MemoryDirectory } from '../../../../server/directories/memory-directory.js';
import { ALAIN, ALAIN_APP, DEMO_PASSWORD, alainCode, failure, success, type ApiHarness } from '../../../support/api-harness.js';
import { createFastHarness } from '../../../support/api-flows.js';

let h: ApiHarness;
afterEach(() => h.close());
const directory = () => h.ctx.directory as MemoryDirectory;
const NEW_PASSWORD = 'Correct-Horse-Battery-77';

async function verifiedReset(): Promise<string> {
  const { resetToken } = success(await h.call('startReset', { userId: ALAIN }));
  success(await h.call('verifyReset', { methodId: ALAIN_APP, code: await alainCode(h) }, resetToken));
  return resetToken;
}

describe('account states at sign-in', () => {
  it('locked → ACCOUNT_LOCKED; disabled or expired (with the right password) → ACCOUNT_DISABLED; a wrong password stays INVALID_CREDENTIALS', async () => {
    h = await createFastHarness();
    directory().setState(ALAIN, { disabled: true });
    expect(failure(await h.call('signIn', { userId: ALAIN, password: DEMO_PASSWORD })).code).toBe('ACCOUNT_DISABLED');
    expect(failure(await h.call('signIn', { userId: ALAIN, password: 'Not-The-Password-1' })).code).toBe('INVALID_CREDENTIALS');
    directory().setState(ALAIN, { disabled: false, expired: true });
    expect(failure(await h.call('signIn', { userId: ALAIN, password: DEMO_PASSWORD })).code).toBe('ACCOUNT_DISABLED');
    directory().setState(ALAIN, { expired: false, locked: true });
    const locked = failure(await h.call('signIn', { userId: ALAIN, password: DEMO_PASSWORD }));
    expect(locked.code).toBe('ACCOUNT_LOCKED');
    expect(locked.supportCode).toMatch(/\S/);
  });

  it('a password that must change is PASSWORD_EXPIRED, and does not count towards the sign-in limit', async () => {
    h = await createFastHarness();
    directory().setState(ALAIN, { mustChange: true });
    for (let i = 0; i <= h.ctx.policy.signInFailures.max; i++) {
      expect(failure(await h.call('signIn', { userId: ALAIN, password: DEMO_PASSWORD })).code).toBe('PASSWORD_EXPIRED');
    }
  });

  it('with hideAccountState every state is INVALID_CREDENTIALS, like a wrong password', async () => {
    h = await createFastHarness({ hideAccountState: true });
    for (const state of [{ locked: true }, { disabled: true }, { expired: true }, { mustChange: true }]) {
      directory().setState(ALAIN, { locked: false, disabled: false, expired: false, mustChange: false, ...state });
      expect(failure(await h.call('signIn', { userId: ALAIN, password: DEMO_PASSWORD })).code, JSON.stringify(state)).toBe('INVALID_CREDENTIALS');
    }
  });
});

describe('change password from an expired one', () => {
  it('the expired password is still the old password: the change goes through and the new one signs in', async () => {
    h = await createFastHarness();
    directory().setState(ALAIN, { mustChange: true });
    success(await h.call('changePassword', { userId: ALAIN, oldPassword: DEMO_PASSWORD, newPassword: NEW_PASSWORD }));
    await h.signIn(ALAIN, NEW_PASSWORD);
  });

  it('a locked account is ACCOUNT_LOCKED at change too (unlock it first), and a wrong old password INVALID_CREDENTIALS', async () => {
    h = await createFastHarness();
    expect(failure(await h.call('changePassword', { userId: ALAIN, oldPassword: 'Not-The-Password-1', newPassword: NEW_PASSWORD })).code).toBe('INVALID_CREDENTIALS');
    directory().lock(ALAIN);
    expect(failure(await h.call('changePassword', { userId: ALAIN, oldPassword: DEMO_PASSWORD, newPassword: NEW_PASSWORD })).code).toBe('ACCOUNT_LOCKED');
  });
});

describe('a refused write, by kind', () => {
  const expected: Record<RefusalKind, { code: string; directoryReason?: string }> = {
    tooShort: { code: 'POLICY_VIOLATION', directoryReason: 'tooShort' },
    quality: { code: 'POLICY_VIOLATION', directoryReason: 'quality' },
    history: { code: 'POLICY_VIOLATION', directoryReason: 'history' },
    tooYoung: { code: 'POLICY_VIOLATION', directoryReason: 'tooYoung' },
    other: { code: 'POLICY_VIOLATION', directoryReason: 'other' },
    locked: { code: 'ACCOUNT_LOCKED' },
    disabled: { code: 'ACCOUNT_DISABLED' },
    rights: { code: 'PASSWORD_NOT_MANAGED' },
    unreachable: { code: 'DIRECTORY_UNAVAILABLE' },
  };

  it.each(refusalKinds)('%s: its error code with the directory\'s words and a support code; the reset stays usable and then succeeds', async (kind) => {
    h = await createFastHarness();
    const token = await verifiedReset();
    const real = directory().resetPassword.bind(directory());
    directory().resetPassword = async () => ({ ok: false, kind, message: `the directory's words for ${kind}` });
    const refused = failure(await h.call('completeReset', { newPassword: NEW_PASSWORD }, token));
    expect(refused).toMatchObject({ code: expected[kind].code, directoryMessage: `the directory's words for ${kind}` });
    expect(refused.directoryReason).toBe(expected[kind].directoryReason);
    expect(refused.supportCode).toMatch(/\S/);
    if (kind === 'rights') expect(refused.helpdesk).toEqual(h.ctx.tenant.helpdesk);
    const audited = (await h.ctx.store.listAudit()).find((e) => e.supportCode === refused.supportCode);
    expect(audited).toMatchObject({ event: 'reset.password', outcome: 'failure', detail: `directory: ${kind}` });
    directory().resetPassword = real;
    success(await h.call('completeReset', { newPassword: NEW_PASSWORD }, token));
    await h.signIn(ALAIN, NEW_PASSWORD);
  });
});

describe("the directory's password rules in the checklist", () => {
  it('getPasswordPolicy carries them beside ours; a directory that fails to answer leaves ours alone', async () => {
    h = await createFastHarness();
    expect(success(await h.call('getPasswordPolicy', {})).directory).toEqual({ history: 3, source: 'demo directory' });
    h.close();
    h = await createFastHarness();
    directory().passwordRules = async () => {
      throw new Error('down');
    };
    const policy = success(await h.call('getPasswordPolicy', {}));
    expect(policy.directory).toBeUndefined();
    expect(policy.minLength).toBe(h.ctx.policy.password.minLength);
  });

  it("the account's own rules come with the last gate of a reset (a fine-grained policy may be stricter), not with an unlock", async () => {
    h = await createFastHarness();
    directory().passwordRules = async (userId?: string) => (userId === ALAIN ? { minLength: 14, complexity: true, source: 'fine-grained policy sspr-pso' } : { history: 3 });
    const { resetToken } = success(await h.call('startReset', { userId: ALAIN }));
    expect(success(await h.call('verifyReset', { methodId: ALAIN_APP, code: await alainCode(h) }, resetToken)).directoryRules).toEqual({ minLength: 14, complexity: true, source: 'fine-grained policy sspr-pso' });
    h.clock.advance(31_000);
    const unlock = success(await h.call('startReset', { userId: ALAIN, mode: 'unlock' }));
    expect(success(await h.call('verifyReset', { methodId: ALAIN_APP, code: await alainCode(h) }, unlock.resetToken)).directoryRules).toBeUndefined();
  });
});

describe('a reset writes the directory no more than it must', () => {
  it('an account that is not locked gets its password and no unlock write; a locked one is unlocked after it', async () => {
    h = await createFastHarness();
    const unlocks: string[] = [];
    const real = directory().unlock.bind(directory());
    directory().unlock = async (userId: string) => {
      unlocks.push(userId);
      return real(userId);
    };
    success(await h.call('completeReset', { newPassword: NEW_PASSWORD }, await verifiedReset()));
    expect(unlocks).toEqual([]);
    directory().lock(ALAIN);
    h.clock.advance(31_000);
    success(await h.call('completeReset', { newPassword: 'Another-Lantern-Orbit-43' }, await verifiedReset()));
    expect(unlocks).toEqual([ALAIN]);
    await h.signIn(ALAIN, 'Another-Lantern-Orbit-43');
  });
});
