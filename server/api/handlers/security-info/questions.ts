import { err, ok } from '../../../../contract/errors.js';
import { allQuestions } from '../../../verifiers/question-pool.js';
import { checkAnswers, normalizeAnswer } from '../../../verifiers/questions.js';
import type { Handler } from '../../handler.js';
import { finishRegistration } from './finish-registration.js';
import { elevated, isErr, mayAdd } from './guard.js';

export const getQuestionPool: Handler<'getQuestionPool'> = async (ctx, { token }) => {
  const e = await elevated(ctx, token);
  if (isErr(e)) return e;
  if (!e.policy.methodsEnabled.includes('questions')) return err('METHOD_NOT_AVAILABLE', 'Security questions are not enabled for you');
  const q = e.policy.questions;
  return ok({ questions: allQuestions(e.policy), toRegister: q.toRegister, minAnswerLength: q.minAnswerLength, maxAnswerLength: q.maxAnswerLength });
};

/** Save answers (hashed with Argon2id, normalized); registering again replaces the old answers. */
export const registerQuestions: Handler<'registerQuestions'> = async (ctx, { body, token, client }) => {
  const e = await elevated(ctx, token);
  if (isErr(e)) return e;
  const refused = mayAdd(e, 'questions');
  if (refused) return refused;
  const q = e.policy.questions;
  const problems = checkAnswers(allQuestions(e.policy), body.answers, { count: q.toRegister, minLength: q.minAnswerLength, maxLength: q.maxAnswerLength });
  if (problems.length > 0) {
    const first = problems[0]!;
    return err('BAD_REQUEST', first.index < 0 ? `Answer exactly ${q.toRegister} different questions` : `Answer ${first.index + 1}: ${first.problem}`);
  }
  const hashed = await Promise.all(body.answers.map(async (a) => ({ questionId: a.questionId, hash: await ctx.hasher.hash(normalizeAnswer(a.answer)) })));
  for (const old of e.methods.filter((m) => m.type === 'questions')) await ctx.store.removeMethod(e.session.userId, old.id);
  return finishRegistration(ctx, e.session.userId, { type: 'questions', label: `${body.answers.length}`, data: JSON.stringify(hashed) }, client);
};
