/**
 * The password-reset slice through the API, with the seed's error cases: who may reset, how
 * the gates work, the new-password rules, and that a reset token works once and not for long.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../server/demo/contoso.js';
import { ADELE, ALAIN, ALAIN_APP, DEMO_TOTP_SECRET, LEE, MEGAN, alainCode, createApiHarness, failure, success, type ApiHarness } from '../../support/api-harness.js';
import { MINUTE } from '../../support/fake-clock.js';
import { totpCode, wrongCode } from '../../support/totp.js';

let h: ApiHarness;
beforeEach(async () => {
  h = await createApiHarness();
});
afterEach(() => h.close());

describe('who may start a reset (the seed\'s error table)', () => {
  it('adele, outside the SSPR group, gets 403 SSPR_NOT_ENABLED', async () => {
    const reply = await h.call('startReset', { userId: ADELE });
    expect(reply.status).toBe(403);
    expect(failure(reply).code).toBe('SSPR_NOT_ENABLED');
  });

  it("lee, whose password lives elsewhere, gets PASSWORD_NOT_MANAGED with the helpdesk's contact", async () => {
    const reply = await h.call('startReset', { userId: LEE });
    expect(reply.status).toBe(403);
    expect(failure(reply)).toMatchObject({ code: 'PASSWORD_NOT_MANAGED', helpdesk: { email: 'helpdesk@contoso.com' } });
  });

  it('megan, with no method registered, gets NOT_REGISTERED', async () => {
    expect(failure(await h.call('startReset', { userId: MEGAN })).code).toBe('NOT_REGISTERED');
  });

  it('an unknown user gets NOT_REGISTERED too, with no helpdesk details that would confirm anything', async () => {
    const error = failure(await h.call('startReset', { userId: 'nobody@contoso.com' }));
    expect(error.code).toBe('NOT_REGISTERED');
    expect(error.helpdesk).toBeUndefined();
  });

  it('every refusal carries a support code that is in the audit log', async () => {
    const error = failure(await h.call('startReset', { userId: ADELE }));
    const audit = await h.ctx.store.listAudit();
    expect(audit.some((e) => e.supportCode === error.supportCode)).toBe(true);
  });
});

describe('the reset slice for alain', () => {
  it('offers his two methods (authenticator app, masked alternate email), requires 1, verifies a TOTP code, sets the password; the new one signs in, the old one no longer does', async () => {
    const start = success(await h.call('startReset', { userId: ` ${ALAIN.toUpperCase()} ` }));
    expect(start.required).toBe(1);
    expect(start.methods).toEqual([
      { id: ALAIN_APP, type: 'authenticatorApp', hint: expect.any(String) },
      { id: 'm-alain-email', type: 'email', hint: 'a•••@example.net' },
    ]);
    expect(Date.parse(start.expiresAt) - h.clock()).toBe(15 * MINUTE);

    const verify = success(await h.call('verifyReset', { methodId: ALAIN_APP, code: await alainCode(h) }, start.resetToken));
    expect(verify).toEqual({ passed: 1, required: 1, complete: true, directoryRules: { history: 3, source: 'demo directory' } });

    success(await h.call('completeReset', { newPassword: 'Correct-Horse-Battery-77' }, start.resetToken));
    expect(success(await h.call('signIn', { userId: ALAIN, password: 'Correct-Horse-Battery-77' })).user.userId).toBe(ALAIN);
    const old = await h.call('signIn', { userId: ALAIN, password: DEMO_PASSWORD });
    expect(old.status).toBe(401);
    expect(failure(old).code).toBe('INVALID_CREDENTIALS');
  });

  it('tells alain his password was reset, at his alternate email', async () => {
    const token = await h.verifiedAlainReset();
    success(await h.call('completeReset', { newPassword: 'Correct-Horse-Battery-77' }, token));
    expect(h.ctx.outbox!.list().map((m) => m.to)).toContain('alain.charon@example.net');
  });

  it('refuses a code for a method that was not offered (METHOD_NOT_AVAILABLE)', async () => {
    const { resetToken } = success(await h.call('startReset', { userId: ALAIN }));
    // Another user's method, and one that does not exist: neither was offered to this reset.
    const megan = await h.signIn(MEGAN);
    const setup = success(await h.call('beginAuthenticatorApp', {}, megan));
    const meganApp = success(await h.call('confirmAuthenticatorApp', { setupId: setup.setupId, code: await totpCode(setup.secret, h.clock()), name: 'Phone' }, megan)).method.id;
    expect(failure(await h.call('verifyReset', { methodId: meganApp, code: '123456' }, resetToken)).code).toBe('METHOD_NOT_AVAILABLE');
    expect(failure(await h.call('verifyReset', { methodId: 'm-nobody', code: '123456' }, resetToken)).code).toBe('METHOD_NOT_AVAILABLE');
  });

  it('refuses a wrong code with INVALID_CODE and does not pass the gate', async () => {
    const { resetToken } = success(await h.call('startReset', { userId: ALAIN }));
    const wrong = await wrongCode(DEMO_TOTP_SECRET, h.clock());
    expect(failure(await h.call('verifyReset', { methodId: ALAIN_APP, code: wrong }, resetToken)).code).toBe('INVALID_CODE');
    expect(failure(await h.call('completeReset', { newPassword: 'Correct-Horse-Battery-77' }, resetToken)).code).toBe('STEP_NOT_ALLOWED');
  });
});

describe('the new password must meet the policy (POLICY_VIOLATION names the rule)', () => {
  it.each([
    ['too short', 'Ab1!xyz', { rule: 'minLength', ruleValue: 8 }],
    ['contains the user name', 'xx-Alain-Summer-2026', { rule: 'containsUserName' }],
    ['contains the display name', 'my-charon-pass-2026', { rule: 'containsUserName' }],
    ['a common password', 'password1', { rule: 'commonPassword' }],
    ['a common password in other case', 'PassWord1', { rule: 'commonPassword' }],
  ] as const)('%s → 422 POLICY_VIOLATION %o', async (_label, newPassword, expected) => {
    const token = await h.verifiedAlainReset();
    const reply = await h.call('completeReset', { newPassword }, token);
    expect(reply.status).toBe(422);
    expect(failure(reply)).toMatchObject({ code: 'POLICY_VIOLATION', ...expected });
    // A refused password does not use up the reset: a good one still works.
    success(await h.call('completeReset', { newPassword: 'Correct-Horse-Battery-77' }, token));
  });

  it("the current password is refused by the directory, in the directory's own words", async () => {
    const token = await h.verifiedAlainReset();
    const error = failure(await h.call('completeReset', { newPassword: DEMO_PASSWORD }, token));
    expect(error).toMatchObject({ code: 'POLICY_VIOLATION', rule: 'directory' });
    expect(error.directoryMessage).toMatch(/history/i);
  });
});

describe('the reset token', () => {
  it('cannot set a password before the gates are passed (STEP_NOT_ALLOWED)', async () => {
    const { resetToken } = success(await h.call('startReset', { userId: ALAIN }));
    const reply = await h.call('completeReset', { newPassword: 'Correct-Horse-Battery-77' }, resetToken);
    expect(reply.status).toBe(409);
    expect(failure(reply).code).toBe('STEP_NOT_ALLOWED');
  });

  it('is single use: a second completeReset gets RESET_EXPIRED and the first password stays', async () => {
    const token = await h.verifiedAlainReset();
    success(await h.call('completeReset', { newPassword: 'Correct-Horse-Battery-77' }, token));
    expect(failure(await h.call('completeReset', { newPassword: 'Another-Horse-Battery-88' }, token)).code).toBe('RESET_EXPIRED');
    expect(failure(await h.call('signIn', { userId: ALAIN, password: 'Another-Horse-Battery-88' })).code).toBe('INVALID_CREDENTIALS');
  });

  it('expires after 15 minutes (RESET_EXPIRED), at verify and at complete', async () => {
    const { resetToken } = success(await h.call('startReset', { userId: ALAIN }));
    const verified = await h.verifiedAlainReset();
    h.clock.advance(15 * MINUTE + 1);
    const code = await totpCode(DEMO_TOTP_SECRET, h.clock());
    expect(failure(await h.call('verifyReset', { methodId: ALAIN_APP, code }, resetToken)).code).toBe('RESET_EXPIRED');
    const reply = await h.call('completeReset', { newPassword: 'Correct-Horse-Battery-77' }, verified);
    expect(reply.status).toBe(410);
    expect(failure(reply).code).toBe('RESET_EXPIRED');
  });

  it('is still good just before 15 minutes', async () => {
    const token = await h.verifiedAlainReset();
    h.clock.advance(15 * MINUTE - 1);
    success(await h.call('completeReset', { newPassword: 'Correct-Horse-Battery-77' }, token));
  });

  it('a made-up token gets RESET_EXPIRED; no token at all gets UNAUTHORIZED', async () => {
    expect(failure(await h.call('completeReset', { newPassword: 'Correct-Horse-Battery-77' }, 'A'.repeat(43))).code).toBe('RESET_EXPIRED');
    expect(failure(await h.call('completeReset', { newPassword: 'Correct-Horse-Battery-77' })).code).toBe('UNAUTHORIZED');
  });

  it('a session token is not a reset token', async () => {
    const session = await h.signIn(MEGAN);
    expect(failure(await h.call('verifyReset', { methodId: ALAIN_APP, code: await alainCode(h) }, session)).code).toBe('RESET_EXPIRED');
  });
});
