/**
 * Step-up before security info opens (POLICY.md, PWM #454): the password alone never lets
 * anyone change methods once the user has one. A text-message phone steps up by its code,
 * an email-only user by their email, and a setup belongs to the session that began it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ALAIN, DEMO_PASSWORD, MEGAN, failure, success, type ApiHarness } from '../../../support/api-harness.js';
import { ALAIN_EMAIL, ALL_METHODS, answerFor, codeIn, createFastHarness, elevatedSession, otherCode, outbox, registerEmail, registerPhone, registerQuestions } from '../../../support/api-flows.js';

let h: ApiHarness;
beforeEach(async () => {
  h = await createFastHarness();
});
afterEach(() => h.close());

const PHONE = '+14255550142';

describe('a user whose only strong method is a text-message phone', () => {
  async function meganWithPhone() {
    const method = await registerPhone(h, await h.signIn(MEGAN), 'sms', '+1 425 555 0142');
    const signIn = success(await h.call('signIn', { userId: MEGAN, password: DEMO_PASSWORD }));
    return { method, signIn, token: signIn.sessionToken };
  }

  it('signs in with secondFactor required, offered only that phone (masked)', async () => {
    const { method, signIn } = await meganWithPhone();
    expect(signIn.secondFactor).toBe('required');
    expect(signIn.secondFactorMethods).toEqual([{ id: method.id, type: 'sms', hint: '+1 ••• ••• ••42' }]);
  });

  it('cannot open security info until an sms code sent by startSecondFactor is verified', async () => {
    const { method, token } = await meganWithPhone();
    expect(failure(await h.call('getSecurityInfo', {}, token)).code).toBe('SECOND_FACTOR_REQUIRED');
    expect(failure(await h.call('beginEmail', { address: 'attacker@example.org' }, token)).code).toBe('SECOND_FACTOR_REQUIRED');

    const challenge = success(await h.call('startSecondFactor', { methodId: method.id }, token));
    expect(challenge).toMatchObject({ kind: 'code', channel: 'sms', sentTo: '+1 ••• ••• ••42', digits: 6 });
    const text = outbox(h).at(-1)!;
    expect(text).toMatchObject({ channel: 'sms', to: PHONE });
    expect(failure(await h.call('verifySecondFactor', { methodId: method.id, code: otherCode(codeIn(text)) }, token)).code).toBe('INVALID_CODE');
    expect(failure(await h.call('getSecurityInfo', {}, token)).code).toBe('SECOND_FACTOR_REQUIRED');

    success(await h.call('verifySecondFactor', { methodId: method.id, code: codeIn(text) }, token));
    expect(success(await h.call('getSecurityInfo', {}, token)).methods.map((m) => m.id)).toEqual([method.id]);
  });

  it('verifying before asking for a code is STEP_NOT_ALLOWED', async () => {
    const { method, token } = await meganWithPhone();
    expect(failure(await h.call('verifySecondFactor', { methodId: method.id, code: '123456' }, token)).code).toBe('STEP_NOT_ALLOWED');
  });

  it("a code sent to one session does not elevate another session of the same user", async () => {
    const { method, token } = await meganWithPhone();
    const other = success(await h.call('signIn', { userId: MEGAN, password: DEMO_PASSWORD })).sessionToken;
    success(await h.call('startSecondFactor', { methodId: method.id }, token));
    const code = codeIn(outbox(h).at(-1)!);
    expect(failure(await h.call('verifySecondFactor', { methodId: method.id, code }, other)).code).toBe('STEP_NOT_ALLOWED');
    success(await h.call('verifySecondFactor', { methodId: method.id, code }, token));
    expect(failure(await h.call('getSecurityInfo', {}, other)).code).toBe('SECOND_FACTOR_REQUIRED');
  });
});

describe('an email-only user steps up with their email', () => {
  it('is offered the email, receives an 8-digit code there, and passes with it', async () => {
    const email = await registerEmail(h, await h.signIn(MEGAN), 'megan.bowen@example.org');
    const signIn = success(await h.call('signIn', { userId: MEGAN, password: DEMO_PASSWORD }));
    expect(signIn.secondFactor).toBe('required');
    expect(signIn.secondFactorMethods.map((m) => m.id)).toEqual([email.id]);
    const challenge = success(await h.call('startSecondFactor', { methodId: email.id }, signIn.sessionToken));
    expect(challenge).toMatchObject({ kind: 'code', channel: 'email', digits: 8 });
    const mail = outbox(h).at(-1)!;
    expect(mail.to).toBe('megan.bowen@example.org');
    success(await h.call('verifySecondFactor', { methodId: email.id, code: codeIn(mail) }, signIn.sessionToken));
    success(await h.call('getSecurityInfo', {}, signIn.sessionToken));
  });
});

describe('email is never a second factor when a strong method exists', () => {
  it("alain is offered only his app; his email is METHOD_NOT_AVAILABLE and no code is sent", async () => {
    const signIn = success(await h.call('signIn', { userId: ALAIN, password: DEMO_PASSWORD }));
    expect(signIn.secondFactorMethods.map((m) => m.type)).toEqual(['authenticatorApp']);
    expect(failure(await h.call('startSecondFactor', { methodId: ALAIN_EMAIL }, signIn.sessionToken)).code).toBe('METHOD_NOT_AVAILABLE');
    expect(outbox(h)).toEqual([]);
  });
});

describe('a setup belongs to the session that began it', () => {
  it("a phone setup's right code from another (elevated) session is SETUP_EXPIRED; the owner can still confirm", async () => {
    const a = await elevatedSession(h, MEGAN);
    const b = await elevatedSession(h, MEGAN);
    const { setupId } = success(await h.call('beginPhone', { type: 'sms', phoneNumber: '+1 425 555 0142' }, a));
    const code = codeIn(outbox(h).at(-1)!);
    const stolen = await h.call('confirmPhone', { setupId, code }, b);
    expect(stolen.status).toBe(410);
    expect(failure(stolen).code).toBe('SETUP_EXPIRED');
    success(await h.call('confirmPhone', { setupId, code }, a));
  });

  it("an email setup's code from another session is SETUP_EXPIRED", async () => {
    const a = await elevatedSession(h, MEGAN);
    const b = await elevatedSession(h, MEGAN);
    const { setupId } = success(await h.call('beginEmail', { address: 'megan.bowen@example.org' }, a));
    expect(failure(await h.call('confirmEmail', { setupId, code: codeIn(outbox(h).at(-1)!) }, b)).code).toBe('SETUP_EXPIRED');
  });
});

describe('a user whose only method is security questions', () => {
  it('must answer them before security info opens again; the password alone is not enough', async () => {
    const q = await createFastHarness({ methodsEnabled: ALL_METHODS });
    try {
      const first = await q.signIn(MEGAN); // nothing registered yet: the password opens it
      await registerQuestions(q, first);
      const session = success(await q.call('signIn', { userId: MEGAN, password: DEMO_PASSWORD }));
      expect(session.secondFactor).toBe('required');
      expect(session.secondFactorMethods.map((m) => m.type)).toEqual(['questions']);
      expect(failure(await q.call('getSecurityInfo', {}, session.sessionToken)).code).toBe('SECOND_FACTOR_REQUIRED');
      const methodId = session.secondFactorMethods[0]!.id;
      const challenge = success(await q.call('startSecondFactor', { methodId }, session.sessionToken));
      if (challenge.kind !== 'questions') throw new Error(`expected questions, got ${challenge.kind}`);
      const answers = challenge.questions.map((question) => ({ questionId: question.id, answer: answerFor(question.id) }));
      success(await q.call('verifySecondFactor', { methodId, answers }, session.sessionToken));
      expect(success(await q.call('getSecurityInfo', {}, session.sessionToken)).methods.map((m) => m.type)).toEqual(['questions']);
    } finally {
      await q.close();
    }
  });
});
