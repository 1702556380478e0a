/**
 * Security questions are "one draw, one try": a wrong answer draws new questions, so each
 * draw should cost a counted try. But asking for the challenge again (startResetChallenge,
 * not counted) replaces the draw for free: an attacker who knows 3 of a user's 5 answers
 * re-draws, in parallel or in sequence, until the draw is exactly those 3, and passes with ONE
 * counted try — the verifyFailures limit no longer bounds the draws an attacker sees.
 *
 * Closed in server/methods/questions/questions-method.ts: a draw stands for the method until a
 * wrong answer (a counted try) replaces it.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Challenge } from '../../../contract/api.js';
import { MEGAN, success, type ApiHarness } from '../../support/api-harness.js';
import { ALL_METHODS, createFastHarness, registerEmail } from '../../support/api-flows.js';

const VERIFY_FAILURES = 5;
let h: ApiHarness;
beforeEach(async () => {
  h = await createFastHarness({
    methodsEnabled: ALL_METHODS,
    questions: { toRegister: 5, toAnswer: 3, minAnswerLength: 3, maxAnswerLength: 40, custom: [] },
    verifyFailures: { max: VERIFY_FAILURES, windowMs: 60 * 60_000, blockMs: 24 * 60 * 60_000 },
  });
});
afterEach(() => h.close());

it('40 parallel re-draws of one reset show at most verifyFailures different sets of questions', async () => {
  const token = await h.signIn(MEGAN);
  const pool = success(await h.call('getQuestionPool', {}, token));
  const answers = pool.questions.slice(0, 5).map((q, i) => ({ questionId: q.id, answer: `answer number ${i}` }));
  const questions = success(await h.call('registerQuestions', { answers }, token)).method;
  await registerEmail(h, token, 'megan.bowen@example.org'); // questions never stand alone
  const { resetToken } = success(await h.call('startReset', { userId: MEGAN }));

  const draws = await Promise.all(Array.from({ length: 40 }, () => h.call('startResetChallenge', { methodId: questions.id }, resetToken)));
  const seen = new Set(
    draws.flatMap((d) => {
      if (!d.body.ok) return []; // refused (counted, throttled): shows nothing
      const c = d.body.data as Challenge;
      return c.kind === 'questions' ? [c.questions.map((q) => q.id).sort().join(',')] : [];
    }),
  );
  // C(5,3) = 10 possible draws; free re-draws show nearly all of them.
  expect(seen.size).toBeLessThanOrEqual(VERIFY_FAILURES);
});
