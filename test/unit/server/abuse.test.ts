/**
 * Abuse through the API (POLICY.md): a TOTP code is accepted once; 5 wrong codes block a
 * method for 24 h — the right code included — until the block ends; 10 wrong passwords
 * throttle sign-in; a successful reset clears the sign-in lockout.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ALAIN, ALAIN_APP, DEMO_PASSWORD, DEMO_TOTP_SECRET, alainCode, createApiHarness, failure, success, type ApiHarness } from '../../support/api-harness.js';
import { HOUR, MINUTE } from '../../support/fake-clock.js';
import { wrongCode } from '../../support/totp.js';

let h: ApiHarness;
beforeEach(async () => {
  h = await createApiHarness();
});
afterEach(() => h.close());

const STEP = 30_000;

describe('replay: a code is accepted once', () => {
  it('at the second factor: the same code again is INVALID_CODE, even in a new session', async () => {
    const first = await h.signIn(ALAIN);
    const code = await alainCode(h);
    success(await h.call('verifySecondFactor', { methodId: ALAIN_APP, code }, first));
    const second = await h.signIn(ALAIN);
    expect(failure(await h.call('verifySecondFactor', { methodId: ALAIN_APP, code }, second)).code).toBe('INVALID_CODE');
  });

  it('at reset verify: a code already used cannot pass a second reset', async () => {
    const code = await alainCode(h);
    const a = success(await h.call('startReset', { userId: ALAIN })).resetToken;
    success(await h.call('verifyReset', { methodId: ALAIN_APP, code }, a));
    const b = success(await h.call('startReset', { userId: ALAIN })).resetToken;
    expect(failure(await h.call('verifyReset', { methodId: ALAIN_APP, code }, b)).code).toBe('INVALID_CODE');
  });

  it('a code used at reset is refused at the second factor (one counter per method)', async () => {
    const code = await alainCode(h);
    await h.verifiedAlainReset();
    const session = await h.signIn(ALAIN);
    expect(failure(await h.call('verifySecondFactor', { methodId: ALAIN_APP, code }, session)).code).toBe('INVALID_CODE');
  });

  it('the code of the next time step is still accepted after one was used', async () => {
    await h.verifiedAlainReset();
    h.clock.advance(STEP);
    const b = success(await h.call('startReset', { userId: ALAIN })).resetToken;
    success(await h.call('verifyReset', { methodId: ALAIN_APP, code: await alainCode(h) }, b));
  });
});

describe('brute force: 5 wrong codes block the method for 24 hours', () => {
  async function fiveWrongCodes(resetToken: string) {
    for (let i = 0; i < 5; i++) {
      expect(failure(await h.call('verifyReset', { methodId: ALAIN_APP, code: await wrongCode(DEMO_TOTP_SECRET, h.clock()) }, resetToken)).code).toBe('INVALID_CODE');
    }
  }

  it('the 6th attempt is THROTTLED (429) with retryAfter 24 h later, and the right code is refused too', async () => {
    const { resetToken } = success(await h.call('startReset', { userId: ALAIN }));
    await fiveWrongCodes(resetToken);
    const reply = await h.call('verifyReset', { methodId: ALAIN_APP, code: await alainCode(h) }, resetToken);
    expect(reply.status).toBe(429);
    const error = failure(reply);
    expect(error.code).toBe('THROTTLED');
    expect(Date.parse(error.retryAfter!) - h.clock()).toBe(24 * HOUR);
  });

  it('the block covers the same method at the second factor', async () => {
    const { resetToken } = success(await h.call('startReset', { userId: ALAIN }));
    await fiveWrongCodes(resetToken);
    const session = await h.signIn(ALAIN);
    expect(failure(await h.call('verifySecondFactor', { methodId: ALAIN_APP, code: await alainCode(h) }, session)).code).toBe('THROTTLED');
  });

  it('holds just before the window ends and lifts after it: then the right code works', async () => {
    const { resetToken } = success(await h.call('startReset', { userId: ALAIN }));
    await fiveWrongCodes(resetToken);
    h.clock.advance(24 * HOUR - 1_000);
    const session = await h.signIn(ALAIN);
    expect(failure(await h.call('verifySecondFactor', { methodId: ALAIN_APP, code: await alainCode(h) }, session)).code).toBe('THROTTLED');
    h.clock.advance(2_000);
    success(await h.call('verifySecondFactor', { methodId: ALAIN_APP, code: await alainCode(h) }, session));
  });

  it('4 wrong codes do not block: the right code still works', async () => {
    const { resetToken } = success(await h.call('startReset', { userId: ALAIN }));
    for (let i = 0; i < 4; i++) await h.call('verifyReset', { methodId: ALAIN_APP, code: await wrongCode(DEMO_TOTP_SECRET, h.clock()) }, resetToken);
    success(await h.call('verifyReset', { methodId: ALAIN_APP, code: await alainCode(h) }, resetToken));
  });
});

describe('sign-in throttling', () => {
  async function wrongPasswords(n: number) {
    for (let i = 0; i < n; i++) expect(failure(await h.call('signIn', { userId: ALAIN, password: `wrong-${i}` })).code).toBe('INVALID_CREDENTIALS');
  }

  it('after 10 wrong passwords the account is THROTTLED, even with the right password, until the block time ends', async () => {
    await wrongPasswords(10);
    const reply = await h.call('signIn', { userId: ALAIN.toUpperCase(), password: DEMO_PASSWORD });
    expect(reply.status).toBe(429);
    expect(failure(reply).code).toBe('THROTTLED');
    expect(Date.parse(failure(reply).retryAfter!)).toBe(h.clock() + MINUTE);
    h.clock.advance(MINUTE + 1);
    success(await h.call('signIn', { userId: ALAIN, password: DEMO_PASSWORD }));
  });

  it('a successful reset clears the failure counter: 9 failures, a reset, 1 more failure is not throttled', async () => {
    await wrongPasswords(9);
    const token = await h.verifiedAlainReset();
    success(await h.call('completeReset', { newPassword: 'Correct-Horse-Battery-77' }, token));
    await wrongPasswords(1);
    success(await h.call('signIn', { userId: ALAIN, password: 'Correct-Horse-Battery-77' }));
  });

  it('a successful reset lifts a sign-in lockout already in force: the new password works at once', async () => {
    await wrongPasswords(10);
    const token = await h.verifiedAlainReset();
    success(await h.call('completeReset', { newPassword: 'Correct-Horse-Battery-77' }, token));
    success(await h.call('signIn', { userId: ALAIN, password: 'Correct-Horse-Battery-77' }));
  });
});
