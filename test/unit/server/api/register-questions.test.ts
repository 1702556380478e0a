/**
 * Security questions through the API (policy with questions enabled): the pool in en and
 * zh-TW, exactly `toRegister` answers, the answer rules of POLICY.md, and that registering
 * again replaces the old answers.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MEGAN, failure, success, type ApiHarness } from '../../../support/api-harness.js';
import { ALL_METHODS, ANSWERS, createFastHarness, registerQuestions } from '../../../support/api-flows.js';

let h: ApiHarness;
let token: string;
beforeEach(async () => {
  h = await createFastHarness({ methodsEnabled: ALL_METHODS });
  token = await h.signIn(MEGAN);
});
afterEach(() => h.close());

const withAnswer = (index: number, answer: string, questionId = ANSWERS[index]!.questionId) => ANSWERS.map((a, i) => (i === index ? { questionId, answer } : a));

async function refusal(answers: { questionId: string; answer: string }[]) {
  const reply = await h.call('registerQuestions', { answers }, token);
  expect(reply.status).toBe(400);
  return failure(reply);
}

describe('the question pool', () => {
  it('lists the predefined questions in English and Traditional Chinese, asks for 3 answers of 3–40 characters', async () => {
    const pool = success(await h.call('getQuestionPool', {}, token));
    expect(pool).toMatchObject({ toRegister: 3, minAnswerLength: 3, maxAnswerLength: 40 });
    expect(pool.questions.length).toBeGreaterThanOrEqual(3);
    for (const q of pool.questions) {
      expect(q.text.en).toMatch(/\?$/);
      expect(q.text['zh-TW']).toMatch(/？$/);
    }
    expect(pool.questions.map((q) => q.id)).toEqual(expect.arrayContaining(ANSWERS.map((a) => a.questionId)));
  });

  it("includes the organization's custom questions", async () => {
    const custom = await createFastHarness({ methodsEnabled: ALL_METHODS, questions: { toRegister: 3, toAnswer: 3, minAnswerLength: 3, maxAnswerLength: 40, custom: [{ id: 'c-badge', text: { en: 'What was your first badge number?' } }] } });
    try {
      const pool = success(await custom.call('getQuestionPool', {}, await custom.signIn(MEGAN)));
      expect(pool.questions.map((q) => q.id)).toContain('c-badge');
    } finally {
      await custom.close();
    }
  });
});

describe('exactly toRegister different questions', () => {
  it('two answers are refused', async () => {
    expect((await refusal(ANSWERS.slice(0, 2))).message).toContain('exactly 3');
  });
  it('four answers are refused', async () => {
    await refusal([...ANSWERS, { questionId: 'q-first-car', answer: 'Volvo' }]);
  });
  it('the same question twice is refused', async () => {
    await refusal(withAnswer(2, 'Something else', ANSWERS[0]!.questionId));
  });
  it('three valid answers register one questions method', async () => {
    const method = await registerQuestions(h, token);
    expect(method).toMatchObject({ type: 'questions', label: '3' });
  });
});

describe('answer rules', () => {
  it('too short (under 3 characters after trimming)', async () => {
    expect((await refusal(withAnswer(1, '  ab  '))).message).toContain('tooShort');
  });
  it('too long (over 40 characters)', async () => {
    expect((await refusal(withAnswer(1, 'x'.repeat(41)))).message).toContain('tooLong');
  });
  it('duplicate answers, ignoring case and spaces', async () => {
    expect((await refusal(withAnswer(2, '  lincoln   ELEMENTARY '))).message).toContain('Answer 3: duplicate');
  });
  it('an answer that repeats the question (either language, any case)', async () => {
    expect((await refusal(withAnswer(0, 'First  SCHOOL'))).message).toContain('Answer 1: containsQuestion');
    expect((await refusal(withAnswer(0, '第一所學校'))).message).toContain('Answer 1: containsQuestion');
  });
  it('an unknown question id', async () => {
    expect((await refusal(withAnswer(0, 'Lincoln', 'q-does-not-exist'))).message).toContain('unknownQuestion');
  });
  it('no answer is stored in the clear', async () => {
    await registerQuestions(h, token);
    const stored = await h.ctx.store.listMethods(MEGAN);
    expect(JSON.stringify(stored).toLowerCase()).not.toContain('lincoln');
  });
});

describe('registering again', () => {
  it('replaces the earlier answers: still one questions method, with a new id', async () => {
    const first = await registerQuestions(h, token);
    const second = await registerQuestions(h, token, withAnswer(0, 'Tokyo', 'q-parents-met'));
    expect(second.id).not.toBe(first.id);
    const methods = success(await h.call('getSecurityInfo', {}, token)).methods.filter((m) => m.type === 'questions');
    expect(methods.map((m) => m.id)).toEqual([second.id]);
  });

  it('questions alone do not complete registration (never alone)', async () => {
    await registerQuestions(h, token);
    expect(success(await h.call('getSecurityInfo', {}, token)).registrationComplete).toBe(false);
  });
});
