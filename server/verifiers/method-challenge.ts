import { randomInt } from 'node:crypto';
import type { Challenge } from '../../contract/api.js';
import { err, ok, type Result } from '../../contract/errors.js';
import { sendCode } from '../api/notify-user.js';
import type { SsprPolicy } from '../policy/policy.js';
import { audit, iso, type ServiceContext } from '../service-context.js';
import type { StoredMethod } from '../store/store.js';
import { methodChoice } from './method-hint.js';
import { newCode } from './one-time-code.js';
import { allQuestions, storedAnswers } from './question-pool.js';
import { drawQuestions, normalizeAnswer } from './questions.js';
import { countTowardsLimit, methodKey, throttled } from './throttle.js';
import { verifyRegisteredTotp } from './totp.js';
import { authenticationOptions, verifyAuthentication } from './webauthn.js';
import { exactOrigins } from './webauthn-origin.js';
import { passkeyOf } from './passkey-record.js';

/** Who is verifying: a reset (token hash) or a signed-in session (token hash), under the user's own policy. */
export interface ChallengeOwner {
  hash: string;
  userId: string;
  /** The policy for this user (group overrides applied): code digits, lifetimes, questions asked. */
  policy: SsprPolicy;
}

export interface Proof {
  code?: string;
  answers?: { questionId: string; answer: string }[];
  assertion?: Record<string, unknown>;
}

const challengeId = (owner: ChallengeOwner, methodId: string) => `${owner.hash}:${methodId}`;
const codeChannel = (type: StoredMethod['type']) => (type === 'sms' || type === 'voice' || type === 'email' ? type : null);

/**
 * Begin verifying one registered method: send a code (text, call, email; a resend replaces
 * the previous code), draw security questions, or make WebAuthn options. An authenticator
 * app needs nothing sent.
 */
export async function startChallenge(ctx: ServiceContext, owner: ChallengeOwner, method: StoredMethod): Promise<Result<Challenge>> {
  const policy = owner.policy;
  const blocked = await throttled(ctx, methodKey(method.id));
  if (blocked) return blocked;
  const now = ctx.clock();
  const channel = codeChannel(method.type);
  if (method.type === 'authenticatorApp') return ok({ kind: 'totp', digits: policy.totp.digits });
  if (channel) {
    const email = channel === 'email';
    const limits = email ? policy.emailSends : policy.codeSends;
    const sendKey = `send:${method.id}`;
    const sendBlocked = await throttled(ctx, sendKey);
    if (sendBlocked) return sendBlocked;
    await countTowardsLimit(ctx, sendKey, limits);
    const digits = email ? policy.codes.emailDigits : policy.codes.smsDigits;
    const lifetime = email ? policy.codes.emailLifetimeMs : policy.codes.smsLifetimeMs;
    const code = newCode(digits);
    await ctx.store.putChallenge({ id: challengeId(owner, method.id), ownerHash: owner.hash, userId: owner.userId, methodId: method.id, codeHash: await ctx.hasher.hash(code), expiresAt: now + lifetime });
    await sendCode(ctx, channel, ctx.box.open(method.address!), code, lifetime);
    await audit(ctx, { event: 'code.send', userId: owner.userId, outcome: 'success', detail: `${channel} for ${method.id}` });
    return ok({ kind: 'code', channel, sentTo: methodChoice(method, ctx.box).hint, digits, expiresAt: iso(now + lifetime) });
  }
  if (method.type === 'questions') {
    const ids = storedAnswers(method).map((a) => a.questionId);
    const questionIds = drawQuestions(ids, policy.questions.toAnswer, randomInt);
    await ctx.store.putChallenge({ id: challengeId(owner, method.id), ownerHash: owner.hash, userId: owner.userId, methodId: method.id, questionIds, expiresAt: now + policy.resetLifetimeMs });
    const pool = allQuestions(policy);
    return ok({ kind: 'questions', questions: questionIds.map((id) => ({ id, text: pool.find((q) => q.id === id)?.text ?? {} })) });
  }
  // securityKey
  const passkey = passkeyOf(ctx, method);
  const { options, challenge } = await authenticationOptions(ctx.webauthn, [passkey]);
  await ctx.store.putChallenge({ id: challengeId(owner, method.id), ownerHash: owner.hash, userId: owner.userId, methodId: method.id, webauthnChallenge: challenge, expiresAt: now + policy.setupLifetimeMs });
  return ok({ kind: 'webauthn', options: options as unknown as Record<string, unknown> });
}

/**
 * Check a proof for one registered method. A blocked method refuses even the right proof;
 * every wrong proof counts towards the block; a code, a question draw and a WebAuthn
 * challenge are each used once.
 */
export async function verifyProof(ctx: ServiceContext, owner: ChallengeOwner, method: StoredMethod, proof: Proof): Promise<Result<true>> {
  const blocked = await throttled(ctx, methodKey(method.id));
  if (blocked) return blocked;
  const passed = await check(ctx, owner, method, proof);
  if (passed === 'no-challenge') return err('STEP_NOT_ALLOWED', 'Ask for a code (or questions, or a security key prompt) first');
  if (!passed) {
    await countTowardsLimit(ctx, methodKey(method.id), owner.policy.verifyFailures);
    return err('INVALID_CODE', method.type === 'questions' ? 'The answers are not right' : 'The code is not valid');
  }
  await ctx.store.clearFailures(methodKey(method.id));
  return ok(true);
}

async function check(ctx: ServiceContext, owner: ChallengeOwner, method: StoredMethod, proof: Proof): Promise<boolean | 'no-challenge'> {
  const now = ctx.clock();
  const id = challengeId(owner, method.id);
  switch (method.type) {
    case 'authenticatorApp':
      return proof.code !== undefined && verifyRegisteredTotp(ctx, method, proof.code, now);
    case 'sms':
    case 'voice':
    case 'email': {
      if (proof.code === undefined) return false;
      const challenge = await ctx.store.getChallenge(id, now);
      if (!challenge?.codeHash) return 'no-challenge';
      if (!(await ctx.hasher.verify(challenge.codeHash, proof.code))) return false;
      // Single use, even when two requests race with the right code. The loser of that race
      // held the right code: it is refused like a spent challenge, never counted as a guess
      // (a double-submitted form must not block the user's method for a day).
      return (await ctx.store.takeChallenge(id, now)) !== null ? true : 'no-challenge';
    }
    case 'questions': {
      if (!proof.answers) return false;
      // One draw, one try: a wrong answer draws new questions (POLICY.md).
      const challenge = await ctx.store.takeChallenge(id, now);
      if (!challenge?.questionIds) return 'no-challenge';
      const given = new Map(proof.answers.map((a) => [a.questionId, a.answer]));
      if (given.size !== challenge.questionIds.length || !challenge.questionIds.every((q) => given.has(q))) return false;
      const stored = storedAnswers(method);
      for (const questionId of challenge.questionIds) {
        const hash = stored.find((a) => a.questionId === questionId)?.hash;
        if (!hash || !(await ctx.hasher.verify(hash, normalizeAnswer(given.get(questionId)!)))) return false;
      }
      return true;
    }
    case 'securityKey': {
      if (!proof.assertion) return false;
      const challenge = await ctx.store.takeChallenge(id, now);
      if (!challenge?.webauthnChallenge) return 'no-challenge';
      const config = { ...ctx.webauthn, origins: exactOrigins(ctx.webauthn.origins, proof.assertion) };
      const result = await verifyAuthentication(config, challenge.webauthnChallenge, passkeyOf(ctx, method), proof.assertion);
      return result.ok && (await ctx.store.advanceCounter(method.id, result.newCounter));
    }
  }
}
