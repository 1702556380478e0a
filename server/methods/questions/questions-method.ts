import { createHash, randomInt } from 'node:crypto';
import { err, ok } from '../../../contract/errors.js';
import { allQuestions } from '../../verifiers/question-pool.js';
import { checkAnswers, drawQuestions, normalizeAnswer } from '../../verifiers/questions.js';
import { challengeId } from '../challenge-id.js';
import type { MethodModule } from '../method-module.js';
import { traitsOf } from '../traits.js';

/** The draw that stands for a method until a wrong answer replaces it (one per method, whoever asks). */
const standingDrawId = (methodId: string) => `questions-draw:${methodId}`;
/** How long a redraw stands; after it, the method's first draw applies again. */
const STANDING_DRAW_MS = 30 * 24 * 60 * 60_000;

/**
 * A method's first draw, the same at every ask: seeded by its answers' hashes, whose salts
 * only the store knows — so it cannot be predicted from outside, and asking again (in
 * parallel, or with a new reset) shows nothing new.
 */
function firstDraw(answers: readonly { questionId: string; hash: string }[], count: number): string[] {
  let block = createHash('sha256').update(answers.map((a) => a.hash).join('\n')).digest();
  let at = 0;
  const random = (max: number): number => {
    if (at + 4 > block.length) {
      block = createHash('sha256').update(block).digest();
      at = 0;
    }
    const n = block.readUInt32BE(at);
    at += 4;
    return n % max;
  };
  return drawQuestions(answers.map((a) => a.questionId), count, random);
}

/**
 * Security questions: answers normalized and hashed with Argon2id, never shown again. Reset
 * only, never alone, never for administrators (counted where gates are). One draw, one try:
 * the draw stands until a wrong answer (a counted attempt) draws new questions, so asking
 * for the challenge again never shows more questions than the failure limit allows.
 */
export const questions: MethodModule<'questions'> = {
  ...traitsOf('questions'),
  userNamed: false,
  name: { en: 'Security questions', 'zh-TW': '安全性問題' },
  // Registering questions again replaces the previous answers, in the same store step.
  replacesExisting: true,
  maxPerUser: () => Infinity,
  setup: {
    async begin(_ctx, owner) {
      const q = owner.policy.questions;
      return ok({ questions: allQuestions(owner.policy), toRegister: q.toRegister, minAnswerLength: q.minAnswerLength, maxAnswerLength: q.maxAnswerLength });
    },
    // One step: nothing was held between showing the pool and saving the answers.
    async prove(ctx, owner, _setup, input) {
      const q = owner.policy.questions;
      const problems = checkAnswers(allQuestions(owner.policy), input.answers, { count: q.toRegister, minLength: q.minAnswerLength, maxLength: q.maxAnswerLength });
      if (problems.length > 0) {
        const first = problems[0]!;
        return err('BAD_REQUEST', first.index < 0 ? `Answer exactly ${q.toRegister} different questions` : `Answer ${first.index + 1}: ${first.problem}`);
      }
      const answers = await Promise.all(input.answers.map(async (a) => ({ questionId: a.questionId, hash: await ctx.hasher.hash(normalizeAnswer(a.answer)) })));
      return ok({ type: 'questions', label: `${answers.length}`, answers });
    },
  },
  async challenge(ctx, owner, method) {
    const count = owner.policy.questions.toAnswer;
    const standing = await ctx.store.getChallenge(standingDrawId(method.id), ctx.clock());
    const questionIds = standing?.kind === 'questions' && standing.questionIds.length === count ? standing.questionIds : firstDraw(method.answers, count);
    await ctx.store.putChallenge({ id: challengeId(owner, method.id), ownerHash: owner.hash, userId: owner.userId, methodId: method.id, kind: 'questions', questionIds, expiresAt: ctx.clock() + owner.policy.resetLifetimeMs });
    const pool = allQuestions(owner.policy);
    return ok({ kind: 'questions', questions: questionIds.map((id) => ({ id, text: pool.find((q) => q.id === id)?.text ?? {} })) });
  },
  readProof: (input) => (input.answers !== undefined ? { answers: input.answers } : null),
  async verify(ctx, owner, method, proof) {
    // One draw, one try: a wrong answer draws new questions (POLICY.md).
    const challenge = await ctx.store.takeChallenge(challengeId(owner, method.id), ctx.clock());
    if (challenge?.kind !== 'questions') return 'noChallenge';
    const given = new Map(proof.answers.map((a) => [a.questionId, a.answer]));
    const right = async (): Promise<boolean> => {
      if (given.size !== challenge.questionIds.length || !challenge.questionIds.every((q) => given.has(q))) return false;
      for (const questionId of challenge.questionIds) {
        const hash = method.answers.find((a) => a.questionId === questionId)?.hash;
        if (!hash || !(await ctx.hasher.verify(hash, normalizeAnswer(given.get(questionId)!)))) return false;
      }
      return true;
    };
    if (await right()) return 'passed';
    // The wrong answer was a counted attempt: it, and only it, buys a new draw (POLICY.md).
    const redraw = drawQuestions(method.answers.map((a) => a.questionId), owner.policy.questions.toAnswer, randomInt);
    await ctx.store.putChallenge({ id: standingDrawId(method.id), ownerHash: 'standing-draw', userId: owner.userId, methodId: method.id, kind: 'questions', questionIds: redraw, expiresAt: ctx.clock() + STANDING_DRAW_MS });
    return 'failed';
  },
  hint: (method) => method.label,
};
