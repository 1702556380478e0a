import { ok } from '../../../contract/errors.js';
import { allQuestions } from '../../verifiers/question-pool.js';
import { drawQuestions, normalizeAnswer } from '../../verifiers/questions.js';
import { challengeId } from '../challenge-id.js';
import { decoyHash, seededRandom } from './decoys.js';
import type { HiddenMethod } from './hidden-method.js';

const QUESTIONS_CHALLENGE = 'typed-questions';

/**
 * Security questions by type. The draw is a keyed function of the user id — from the user's
 * registered questions, or from the whole pool for an account without them — so it is the
 * same at every ask and looks alike for both. Every drawn answer is verified (no early exit
 * at the first wrong one, which would time how many were right), against a decoy hash where
 * the account has none.
 */
export const hiddenQuestions: HiddenMethod<'questions'> = {
  readAddress: async () => null,
  async challenge(ctx, owner, candidates) {
    const pool = allQuestions(owner.shown);
    const registered = candidates[0]?.answers.map((a) => a.questionId) ?? pool.map((q) => q.id);
    const questionIds = drawQuestions(registered, owner.shown.questions.toAnswer, seededRandom(ctx, owner.userId));
    await ctx.store.putChallenge({ id: challengeId(owner, QUESTIONS_CHALLENGE), ownerHash: owner.hash, userId: owner.userId, methodId: QUESTIONS_CHALLENGE, kind: 'questions', questionIds, expiresAt: ctx.clock() + owner.shown.resetLifetimeMs });
    return ok({ kind: 'questions', questions: questionIds.map((id) => ({ id, text: pool.find((q) => q.id === id)?.text ?? {} })) });
  },
  async verify(ctx, owner, candidates, proof) {
    // One draw, one try.
    const challenge = await ctx.store.takeChallenge(challengeId(owner, QUESTIONS_CHALLENGE), ctx.clock());
    if (challenge?.kind !== 'questions') return null;
    const given = new Map(proof.answers.map((a) => [a.questionId, a.answer]));
    if (given.size !== challenge.questionIds.length || !challenge.questionIds.every((q) => given.has(q))) return null;
    const method = candidates[0];
    const decoy = await decoyHash(ctx.hasher);
    let right = method !== undefined;
    for (const questionId of challenge.questionIds) {
      const hash = method?.answers.find((a) => a.questionId === questionId)?.hash;
      right = (await ctx.hasher.verify(hash ?? decoy, normalizeAnswer(given.get(questionId)!))) && hash !== undefined && right;
    }
    return right ? method! : null;
  },
};
