/**
 * The demo users that show the hard cases (README: Demo users) really have those methods, and
 * a method is never removed below what a reset needs — the service's own word, whatever the app shows.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_ANSWERS } from '../../../../server/demo/contoso.js';
import { MEGAN, failure, success, type ApiHarness } from '../../../support/api-harness.js';
import { codeIn, createFastHarness, outbox, registerEmail } from '../../../support/api-flows.js';

let h: ApiHarness;
beforeEach(async () => {
  h = await createFastHarness();
});
afterEach(async () => h.close());

describe('demo users', () => {
  it('pradeep has only a text-message phone and resets with it', async () => {
    const start = success(await h.call('startReset', { userId: 'pradeep@contoso.com' }));
    expect(start.methods.map((m) => m.type)).toEqual(['sms']);
    const methodId = start.methods[0]!.id;
    success(await h.call('startResetChallenge', { methodId }, start.resetToken));
    const code = codeIn(outbox(h).at(-1)!);
    expect(success(await h.call('verifyReset', { methodId, code }, start.resetToken)).complete).toBe(true);
  });

  it('isaiah has an email and questions: the questions alone never complete a reset', async () => {
    const start = success(await h.call('startReset', { userId: 'isaiah@contoso.com' }));
    expect(start.methods.map((m) => m.type).sort()).toEqual(['email', 'questions']);
    const questions = start.methods.find((m) => m.type === 'questions')!;
    const challenge = success(await h.call('startResetChallenge', { methodId: questions.id }, start.resetToken));
    if (challenge.kind !== 'questions') throw new Error('expected questions');
    const answers = challenge.questions.map((q) => ({ questionId: q.id, answer: DEMO_ANSWERS[q.id]! }));
    expect(success(await h.call('verifyReset', { methodId: questions.id, answers }, start.resetToken)).complete).toBe(false);
  });

  it('the administrator needs two methods', async () => {
    const start = success(await h.call('startReset', { userId: 'admin@contoso.com' }));
    expect(start.required).toBe(2);
    expect(start.methods.map((m) => m.type).sort()).toEqual(['authenticatorApp', 'sms']);
  });
});

describe('removing a method', () => {
  it('is refused when it would leave a working registration without enough methods, allowed once another exists', async () => {
    const token = await h.signIn(MEGAN);
    const email = await registerEmail(h, token, 'megan.b@example.net');
    expect(failure(await h.call('removeMethod', { methodId: email.id }, token)).code).toBe('STEP_NOT_ALLOWED');
    const { setupId } = success(await h.call('beginPhone', { type: 'sms', phoneNumber: '+1 425 555 0142' }, token));
    success(await h.call('confirmPhone', { setupId, code: codeIn(outbox(h).at(-1)!) }, token));
    success(await h.call('removeMethod', { methodId: email.id }, token));
  });
});
