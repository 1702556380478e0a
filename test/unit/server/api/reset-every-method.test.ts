/**
 * A reset through each method type: the challenge the user meets (totp, a code with masked
 * destination and digit count, drawn questions, WebAuthn options), the matching proof, and
 * the rules on top: questions never alone, a wrong answer re-draws, and administrators need
 * two methods and are never offered questions.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Challenge } from '../../../../contract/api.js';
import { passkeyFields } from '../../../../server/methods/securityKey/passkey-record.js';
import { ALAIN, ALAIN_APP, MEGAN, alainCode, failure, success, type ApiHarness } from '../../../support/api-harness.js';
import { ALAIN_EMAIL, ALAIN_EMAIL_ADDRESS, ALL_METHODS, ANSWERS, answerFor, codeIn, createFastHarness, elevatedSession, latestCodeTo, outbox, registerEmail, registerPhone, registerQuestions } from '../../../support/api-flows.js';
import { MINUTE } from '../../../support/fake-clock.js';

let h: ApiHarness;
beforeEach(async () => {
  h = await createFastHarness({ methodsEnabled: ALL_METHODS });
});
afterEach(() => h.close());

const NEW_PASSWORD = 'Correct-Horse-Battery-77';

async function challenge(resetToken: string, methodId: string): Promise<Challenge> {
  return success(await h.call('startResetChallenge', { methodId }, resetToken));
}
const rightAnswers = (c: Challenge) => {
  if (c.kind !== 'questions') throw new Error(`expected questions, got ${c.kind}`);
  return c.questions.map((q) => ({ questionId: q.id, answer: answerFor(q.id) }));
};

describe('each method: its challenge and its proof', () => {
  it('authenticator app: a totp challenge with 6 digits (nothing sent); the current code passes', async () => {
    const { resetToken } = success(await h.call('startReset', { userId: ALAIN }));
    expect(await challenge(resetToken, ALAIN_APP)).toEqual({ kind: 'totp', digits: 6 });
    expect(outbox(h)).toEqual([]);
    expect(success(await h.call('verifyReset', { methodId: ALAIN_APP, code: await alainCode(h) }, resetToken)).complete).toBe(true);
  });

  it('alternate email: an 8-digit code sent to the address, masked, valid 10 minutes', async () => {
    const { resetToken } = success(await h.call('startReset', { userId: ALAIN }));
    const c = await challenge(resetToken, ALAIN_EMAIL);
    expect(c).toEqual({ kind: 'code', channel: 'email', sentTo: 'a•••@example.net', digits: 8, expiresAt: new Date(h.clock() + 10 * MINUTE).toISOString() });
    success(await h.call('verifyReset', { methodId: ALAIN_EMAIL, code: latestCodeTo(h, ALAIN_EMAIL_ADDRESS) }, resetToken));
    success(await h.call('completeReset', { newPassword: NEW_PASSWORD }, resetToken));
  });

  it.each(['sms', 'voice'] as const)('%s: a 6-digit code on that channel, masked, valid 5 minutes; it passes and the password is set', async (type) => {
    const method = await registerPhone(h, await h.signIn(MEGAN), type, '+1 425 555 0142');
    const { resetToken, methods } = success(await h.call('startReset', { userId: MEGAN }));
    expect(methods).toEqual([{ id: method.id, type, hint: '+1 ••• ••• ••42' }]);
    const c = await challenge(resetToken, method.id);
    expect(c).toEqual({ kind: 'code', channel: type, sentTo: '+1 ••• ••• ••42', digits: 6, expiresAt: new Date(h.clock() + 5 * MINUTE).toISOString() });
    const sent = outbox(h).at(-1)!;
    expect(sent).toMatchObject({ channel: type, to: '+14255550142' });
    expect(success(await h.call('verifyReset', { methodId: method.id, code: codeIn(sent) }, resetToken))).toEqual({ passed: 1, required: 1, complete: true, directoryRules: { history: 3, source: 'demo directory' } });
    success(await h.call('completeReset', { newPassword: NEW_PASSWORD }, resetToken));
    await h.signIn(MEGAN, NEW_PASSWORD);
  });

  it('security key: WebAuthn options with a fresh challenge, the registered credential allowed and user verification required', async () => {
    const credentialId = 'AAECAwQFBgcICQoLDA0ODw';
    await h.ctx.store.addMethod({ id: 'm-megan-key', userId: MEGAN, type: 'securityKey', label: 'YubiKey', createdAt: new Date(h.clock()).toISOString(), ...passkeyFields(h.ctx, { credentialId, publicKey: 'pQECAyYgASFYIA', counter: 0 }) });
    const { resetToken } = success(await h.call('startReset', { userId: MEGAN }));
    const first = await challenge(resetToken, 'm-megan-key');
    const second = await challenge(resetToken, 'm-megan-key');
    if (first.kind !== 'webauthn' || second.kind !== 'webauthn') throw new Error('expected webauthn');
    expect(first.options).toMatchObject({ rpId: 'localhost', userVerification: 'required', allowCredentials: [expect.objectContaining({ id: credentialId, type: 'public-key' })] });
    expect(String(first.options.challenge).length).toBeGreaterThanOrEqual(11); // ≥ 64 bits, base64url
    expect(second.options.challenge).not.toBe(first.options.challenge);
  });
});

describe('security questions', () => {
  async function meganWithQuestionsAndEmail() {
    const token = await h.signIn(MEGAN);
    const questions = await registerQuestions(h, token);
    const email = await registerEmail(h, token, 'megan.bowen@example.org');
    return { questions, email };
  }

  it('the challenge asks toAnswer (3) of the registered questions, with their texts', async () => {
    const { questions } = await meganWithQuestionsAndEmail();
    const { resetToken } = success(await h.call('startReset', { userId: MEGAN }));
    const c = await challenge(resetToken, questions.id);
    if (c.kind !== 'questions') throw new Error('expected questions');
    expect(c.questions.map((q) => q.id).sort()).toEqual(ANSWERS.map((a) => a.questionId).sort());
    expect(c.questions.every((q) => q.text.en && q.text['zh-TW'])).toBe(true);
  });

  it('never alone: with 1 method required, questions leave complete=false and completeReset is refused; email then completes', async () => {
    const { questions, email } = await meganWithQuestionsAndEmail();
    const { resetToken, required } = success(await h.call('startReset', { userId: MEGAN }));
    expect(required).toBe(1);
    const c = await challenge(resetToken, questions.id);
    expect(success(await h.call('verifyReset', { methodId: questions.id, answers: rightAnswers(c) }, resetToken))).toEqual({ passed: 1, required: 1, complete: false });
    expect(failure(await h.call('completeReset', { newPassword: NEW_PASSWORD }, resetToken)).code).toBe('STEP_NOT_ALLOWED');
    await challenge(resetToken, email.id);
    expect(success(await h.call('verifyReset', { methodId: email.id, code: latestCodeTo(h, 'megan.bowen@example.org') }, resetToken))).toEqual({ passed: 2, required: 1, complete: true, directoryRules: { history: 3, source: 'demo directory' } });
    success(await h.call('completeReset', { newPassword: NEW_PASSWORD }, resetToken));
  });

  it('a user with only questions cannot start a reset (NOT_REGISTERED)', async () => {
    await registerQuestions(h, await h.signIn(MEGAN));
    expect(failure(await h.call('startReset', { userId: MEGAN })).code).toBe('NOT_REGISTERED');
  });

  it('answers are compared normalized (case, spaces)', async () => {
    const { questions } = await meganWithQuestionsAndEmail();
    const { resetToken } = success(await h.call('startReset', { userId: MEGAN }));
    const c = await challenge(resetToken, questions.id);
    const shouted = rightAnswers(c).map((a) => ({ ...a, answer: `  ${a.answer.toUpperCase().replace(/ /g, '   ')} ` }));
    success(await h.call('verifyReset', { methodId: questions.id, answers: shouted }, resetToken));
  });

  it('a wrong answer uses up the draw: verifying again without a new challenge is STEP_NOT_ALLOWED; a new draw with right answers passes', async () => {
    const { questions } = await meganWithQuestionsAndEmail();
    const { resetToken } = success(await h.call('startReset', { userId: MEGAN }));
    const c = await challenge(resetToken, questions.id);
    const wrong = rightAnswers(c).map((a, i) => (i === 0 ? { ...a, answer: 'not the answer' } : a));
    expect(failure(await h.call('verifyReset', { methodId: questions.id, answers: wrong }, resetToken)).code).toBe('INVALID_CODE');
    expect(failure(await h.call('verifyReset', { methodId: questions.id, answers: rightAnswers(c) }, resetToken)).code).toBe('STEP_NOT_ALLOWED');
    const again = await challenge(resetToken, questions.id);
    success(await h.call('verifyReset', { methodId: questions.id, answers: rightAnswers(again) }, resetToken));
  });

  it('answers to other questions than the drawn ones are refused', async () => {
    const custom = await createFastHarness({ methodsEnabled: ALL_METHODS, questions: { toRegister: 4, toAnswer: 3, minAnswerLength: 3, maxAnswerLength: 40, custom: [] } });
    try {
      const answers = [...ANSWERS, { questionId: 'q-first-car', answer: 'Volvo' }];
      const token = await custom.signIn(MEGAN);
      const q = await registerQuestions(custom, token, answers);
      await registerEmail(custom, token, 'megan.bowen@example.org');
      const { resetToken } = success(await custom.call('startReset', { userId: MEGAN }));
      const c = success(await custom.call('startResetChallenge', { methodId: q.id }, resetToken));
      if (c.kind !== 'questions') throw new Error('expected questions');
      expect(c.questions).toHaveLength(3);
      const skipped = answers.find((a) => !c.questions.some((d) => d.id === a.questionId))!;
      const swapped = [...c.questions.slice(1).map((d) => ({ questionId: d.id, answer: answerFor(d.id, answers) })), skipped];
      expect(failure(await custom.call('verifyReset', { methodId: q.id, answers: swapped }, resetToken)).code).toBe('INVALID_CODE');
    } finally {
      await custom.close();
    }
  });
});

describe('administrators: always 2 methods, never questions', () => {
  it('alain as an admin needs his app AND his email; the same method twice does not count', async () => {
    h.ctx.policy = { ...h.ctx.policy, adminGroups: ['sspr-users'] };
    const { resetToken, required } = success(await h.call('startReset', { userId: ALAIN }));
    expect(required).toBe(2);
    expect(success(await h.call('verifyReset', { methodId: ALAIN_APP, code: await alainCode(h) }, resetToken))).toEqual({ passed: 1, required: 2, complete: false });
    expect(failure(await h.call('completeReset', { newPassword: NEW_PASSWORD }, resetToken)).code).toBe('STEP_NOT_ALLOWED');
    h.clock.advance(30_000);
    expect(failure(await h.call('verifyReset', { methodId: ALAIN_APP, code: await alainCode(h) }, resetToken)).code).toBe('STEP_NOT_ALLOWED');
    await challenge(resetToken, ALAIN_EMAIL);
    expect(success(await h.call('verifyReset', { methodId: ALAIN_EMAIL, code: latestCodeTo(h, ALAIN_EMAIL_ADDRESS) }, resetToken)).complete).toBe(true);
    success(await h.call('completeReset', { newPassword: NEW_PASSWORD }, resetToken));
  });

  it('questions registered before becoming an admin are not offered, not challengeable, and cannot be re-registered', async () => {
    const token = await elevatedSession(h, ALAIN);
    const questions = await registerQuestions(h, token);
    h.ctx.policy = { ...h.ctx.policy, adminGroups: ['sspr-users'] };
    const { resetToken, methods } = success(await h.call('startReset', { userId: ALAIN }));
    expect(methods.map((m) => m.type)).not.toContain('questions');
    expect(failure(await h.call('startResetChallenge', { methodId: questions.id }, resetToken)).code).toBe('METHOD_NOT_AVAILABLE');
    expect(failure(await h.call('getQuestionPool', {}, token)).code).toBe('METHOD_NOT_AVAILABLE');
    expect(failure(await h.call('registerQuestions', { answers: ANSWERS }, token)).code).toBe('METHOD_NOT_AVAILABLE');
  });

  it('an admin with one usable method besides questions cannot reset (NOT_REGISTERED)', async () => {
    const token = await h.signIn(MEGAN);
    await registerQuestions(h, token);
    await registerEmail(h, token, 'megan.bowen@example.org');
    h.ctx.policy = { ...h.ctx.policy, adminGroups: ['sspr-users'] };
    expect(failure(await h.call('startReset', { userId: MEGAN })).code).toBe('NOT_REGISTERED');
  });
});
