/**
 * Every method module's challenge and verify, through the real API (Fastify inject on the
 * demo context): the module the record holds is the one sign-in, step-up and reset use.
 * Codes are read from the demo outbox as a person reads their phone; alain's app codes come
 * from its fixed demo secret. Real WebAuthn assertions are proven in Chromium
 * (test/integration/api/passkey-api.test.ts); here the key's challenge and its refusals.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { passkeyFields } from '../../../../server/methods/securityKey/passkey-record.js';
import { ALAIN, ALAIN_APP, MEGAN, alainCode, failure, success, type ApiHarness } from '../../../support/api-harness.js';
import { ALL_METHODS, ANSWERS, answerFor, createFastHarness, elevatedSession, latestCodeTo, otherCode, registerEmail, registerPhone, registerQuestions } from '../../../support/api-flows.js';

let h: ApiHarness;
beforeEach(async () => {
  h = await createFastHarness({ methodsEnabled: ALL_METHODS });
});
afterEach(() => h.close());

const MEGAN_MOBILE = '+14255550142';
const MEGAN_MAIL = 'megan.bowen@example.net';

/** Megan signs in again after registering: the method is now her second factor. */
async function secondFactorSession(): Promise<string> {
  const { sessionToken, secondFactor } = success(await h.call('signIn', { userId: MEGAN, password: 'Demo-Passw0rd-2026' }));
  expect(secondFactor).toBe('required');
  return sessionToken;
}

describe('authenticatorApp', () => {
  it('challenge asks for nothing to be sent; verify takes the current code once; answers instead of a code are a counted failure', async () => {
    const token = await h.signIn(ALAIN);
    expect(success(await h.call('startSecondFactor', { methodId: ALAIN_APP }, token))).toEqual({ kind: 'totp', digits: 6 });
    expect(failure(await h.call('verifySecondFactor', { methodId: ALAIN_APP, answers: ANSWERS }, token)).code).toBe('INVALID_CODE');
    const code = await alainCode(h);
    success(await h.call('verifySecondFactor', { methodId: ALAIN_APP, code }, token));
    const again = await h.signIn(ALAIN);
    expect(failure(await h.call('verifySecondFactor', { methodId: ALAIN_APP, code }, again)).code).toBe('INVALID_CODE'); // the step is spent
    const audit = await h.ctx.store.listAudit();
    expect(audit.filter((e) => e.event === 'secondFactor' && e.outcome === 'failure' && e.detail === 'authenticatorApp')).toHaveLength(2);
  });
});

describe.each(['sms', 'voice'] as const)('%s', (type) => {
  it('challenge sends a fresh code to the phone; verify passes once; a replay is STEP_NOT_ALLOWED', async () => {
    const setupToken = await elevatedSession(h, MEGAN);
    const method = await registerPhone(h, setupToken, type, MEGAN_MOBILE);
    const token = await secondFactorSession();
    const challenge = success(await h.call('startSecondFactor', { methodId: method.id }, token));
    expect(challenge).toMatchObject({ kind: 'code', channel: type, sentTo: '+1 ••• ••• ••42', digits: 6 });
    const code = latestCodeTo(h, MEGAN_MOBILE);
    expect(failure(await h.call('verifySecondFactor', { methodId: method.id, code: otherCode(code) }, token)).code).toBe('INVALID_CODE');
    success(await h.call('verifySecondFactor', { methodId: method.id, code }, token));
    expect(failure(await h.call('verifySecondFactor', { methodId: method.id, code }, token)).code).toBe('STEP_NOT_ALLOWED');
  });
});

describe('email', () => {
  it('is never a second factor beside a phone, and passes a reset gate with the 8-digit code it receives', async () => {
    const setupToken = await elevatedSession(h, MEGAN);
    const mail = await registerEmail(h, setupToken, MEGAN_MAIL);
    const phone = await registerPhone(h, setupToken, 'sms', MEGAN_MOBILE);
    const signIn = success(await h.call('signIn', { userId: MEGAN, password: 'Demo-Passw0rd-2026' }));
    expect(signIn.secondFactorMethods.map((m) => m.id)).toEqual([phone.id]);
    const { resetToken, methods } = success(await h.call('startReset', { userId: MEGAN }));
    expect(methods).toContainEqual({ id: mail.id, type: 'email', hint: 'm•••@example.net' });
    expect(success(await h.call('startResetChallenge', { methodId: mail.id }, resetToken))).toMatchObject({ kind: 'code', channel: 'email', sentTo: 'm•••@example.net', digits: 8 });
    const code = latestCodeTo(h, MEGAN_MAIL);
    expect(code).toHaveLength(8);
    expect(success(await h.call('verifyReset', { methodId: mail.id, code }, resetToken))).toEqual({ passed: 1, required: 1, complete: true, directoryRules: { history: 3, source: 'demo directory' } });
  });
});

describe('questions', () => {
  it('challenge draws the registered questions in both languages; the right answers pass, and the draw is spent either way', async () => {
    const setupToken = await elevatedSession(h, MEGAN);
    await registerEmail(h, setupToken, MEGAN_MAIL);
    const q = await registerQuestions(h, setupToken);
    const { resetToken } = success(await h.call('startReset', { userId: MEGAN }));
    const drawn = success(await h.call('startResetChallenge', { methodId: q.id }, resetToken));
    if (drawn.kind !== 'questions') throw new Error('expected questions');
    expect(drawn.questions.map((x) => x.id).sort()).toEqual(ANSWERS.map((a) => a.questionId).sort());
    for (const x of drawn.questions) expect(Object.keys(x.text).sort()).toEqual(['en', 'zh-TW']);
    const wrong = drawn.questions.map((x) => ({ questionId: x.id, answer: 'not it at all' }));
    expect(failure(await h.call('verifyReset', { methodId: q.id, answers: wrong }, resetToken)).code).toBe('INVALID_CODE');
    const right = drawn.questions.map((x) => ({ questionId: x.id, answer: answerFor(x.id) }));
    expect(failure(await h.call('verifyReset', { methodId: q.id, answers: right }, resetToken)).code).toBe('STEP_NOT_ALLOWED'); // a new draw is needed
    const again = success(await h.call('startResetChallenge', { methodId: q.id }, resetToken));
    if (again.kind !== 'questions') throw new Error('expected questions');
    const passed = success(await h.call('verifyReset', { methodId: q.id, answers: again.questions.map((x) => ({ questionId: x.id, answer: ` ${answerFor(x.id).toUpperCase()} ` })) }, resetToken));
    expect(passed).toEqual({ passed: 1, required: 1, complete: false }); // questions never alone
  });
});

describe('securityKey', () => {
  it('challenge gives WebAuthn options for the registered key; a forged assertion is a counted failure; without a challenge it is STEP_NOT_ALLOWED', async () => {
    const credentialId = 'AAECAwQFBgcICQoLDA0ODw';
    await h.ctx.store.addMethod({ id: 'm-megan-key', userId: MEGAN, type: 'securityKey', label: 'YubiKey', createdAt: new Date(h.clock()).toISOString(), ...passkeyFields(h.ctx, { credentialId, publicKey: 'pQECAyYgASFYIA', counter: 0 }) });
    const token = await secondFactorSession();
    const assertion = { id: credentialId, rawId: credentialId, type: 'public-key' as const, response: { clientDataJSON: 'e30', authenticatorData: 'AA', signature: 'AA' } };
    expect(failure(await h.call('verifySecondFactor', { methodId: 'm-megan-key', assertion }, token)).code).toBe('STEP_NOT_ALLOWED');
    const challenge = success(await h.call('startSecondFactor', { methodId: 'm-megan-key' }, token));
    expect(challenge).toMatchObject({ kind: 'webauthn', options: { rpId: 'localhost', userVerification: 'required', allowCredentials: [expect.objectContaining({ id: credentialId })] } });
    expect(failure(await h.call('verifySecondFactor', { methodId: 'm-megan-key', assertion }, token)).code).toBe('INVALID_CODE');
    expect((await h.ctx.store.listAudit()).filter((e) => e.event === 'secondFactor' && e.detail === 'securityKey' && e.outcome === 'failure')).toHaveLength(2);
  });
});
