/**
 * What text message, phone call and alternate email share: a one-time code sent to an
 * address, at setup (to prove the new address) and at every challenge. The three modules
 * (./sms, ./voice, ./email) differ only in the address they take, its mask, and the policy
 * knobs they read (`channelPolicy`).
 */
import type { Challenge } from '../../contract/api.js';
import { err, ok, type Err, type Result } from '../../contract/errors.js';
import { sendCode } from '../api/notify-user.js';
import type { SsprPolicy } from '../policy/policy.js';
import { audit, auditedFailure, iso, newId, type ServiceContext } from '../service-context.js';
import type { SetupRecordOf, StoredMethodOf } from '../store/store.js';
import { newCode } from '../verifiers/one-time-code.js';
import { invalidCode, isRefused, reserveAttempt } from '../verifiers/throttle.js';
import { undeliveredBecause } from '../notify/notify-error.js';
import { challengeId } from './challenge-id.js';
import type { MethodOwner, SetupOwner, Verdict } from './method-module.js';

export type CodeChannel = 'sms' | 'voice' | 'email';
type CodeChallenge = Extract<Challenge, { kind: 'code' }>;

/** Digits, lifetime and send limits of a channel's codes: email has its own (POLICY.md). */
export function channelPolicy(policy: SsprPolicy, channel: CodeChannel): { digits: number; lifetimeMs: number; sends: SsprPolicy['codeSends'] } {
  return channel === 'email'
    ? { digits: policy.codes.emailDigits, lifetimeMs: policy.codes.emailLifetimeMs, sends: policy.emailSends }
    : { digits: policy.codes.smsDigits, lifetimeMs: policy.codes.smsLifetimeMs, sends: policy.codeSends };
}

/**
 * Send a code under the channel's send limit, reserved before sending. When the relay or the
 * provider fails, nothing was sent: the send is given back and the user's state is left as it
 * was (the caller stores the new code only after this succeeds, so the previous code stands).
 */
async function sendLimited(
  ctx: ServiceContext,
  sendKey: string,
  limit: SsprPolicy['codeSends'],
  message: { channel: CodeChannel; to: string; code: string; lifetimeMs: number; language: MethodOwner['language'] },
  audited: { userId: string; client?: string },
): Promise<Err | null> {
  const attempt = await reserveAttempt(ctx, sendKey, limit);
  if (isRefused(attempt)) return attempt;
  try {
    await sendCode(ctx, message.channel, message.to, message.code, message.lifetimeMs, message.language);
    return null;
  } catch (e) {
    await attempt.giveBack();
    return auditedFailure(ctx, { event: 'code.send', ...audited, detail: `${message.channel} not delivered: ${undeliveredBecause(e)}` }, err('DELIVERY_FAILED', `The ${message.channel} could not be sent; nothing was used up`));
  }
}

/**
 * Send a code to the address being added. The setup keeps the sealed address, the code's
 * hash and the masked label. Sends are counted per user (`send:setup:<user>`): trying many
 * new addresses cannot flood anyone.
 */
export async function beginCodeSetup(
  ctx: ServiceContext,
  owner: SetupOwner,
  channel: CodeChannel,
  address: string,
  hint: string,
): Promise<Result<{ setupId: string; sentTo: string; expiresAt: string; digits: number }>> {
  const { digits, lifetimeMs, sends } = channelPolicy(owner.policy, channel);
  const code = newCode(digits);
  const failed = await sendLimited(ctx, `send:setup:${owner.userId.toLowerCase()}`, sends, { channel, to: address, code, lifetimeMs, language: owner.language }, { userId: owner.userId, client: owner.client });
  if (failed) return failed;
  // Hashed once sent: a refused or failed send costs no Argon2id.
  const codeHash = await ctx.hasher.hash(code);
  const now = ctx.clock();
  const setupId = newId('setup');
  await ctx.store.putSetup({ id: setupId, userId: owner.userId, sessionTokenHash: owner.sessionTokenHash, type: channel, address: ctx.box.seal(address), codeHash, label: hint, expiresAt: now + lifetimeMs });
  await audit(ctx, { event: 'code.send', userId: owner.userId, outcome: 'success', detail: `${channel} for a new method` });
  return ok({ setupId, sentTo: hint, expiresAt: iso(now + lifetimeMs), digits });
}

/** Check the code the new address received; the setup is spent only by the right code. */
export async function proveCodeSetup(ctx: ServiceContext, owner: SetupOwner, setup: SetupRecordOf<CodeChannel>, code: string): Promise<Result<{ label: string; address: string }>> {
  const attempt = await reserveAttempt(ctx, `setup:${setup.id}`, owner.policy.verifyFailures);
  if (isRefused(attempt)) return attempt;
  if (!(await ctx.hasher.verify(setup.codeHash, code))) {
    await audit(ctx, { event: `registration.add.${setup.type}`, userId: owner.userId, client: owner.client, outcome: 'failure' });
    return invalidCode('The code is not valid', owner.policy, attempt);
  }
  if (!(await ctx.store.takeSetup(setup.id, ctx.clock()))) return err('SETUP_EXPIRED', 'Start again: ask for a new code');
  return ok({ label: setup.label, address: setup.address });
}

/** Send a code to a registered address (a resend replaces the previous code), counted per method. */
export async function sendCodeChallenge(ctx: ServiceContext, owner: MethodOwner, method: StoredMethodOf<CodeChannel>, hint: string): Promise<Result<CodeChallenge>> {
  const channel = method.type;
  const { digits, lifetimeMs, sends } = channelPolicy(owner.policy, channel);
  const code = newCode(digits);
  const failed = await sendLimited(ctx, `send:${method.id}`, sends, { channel, to: ctx.box.open(method.address), code, lifetimeMs, language: owner.language }, { userId: owner.userId });
  if (failed) return failed;
  const codeHash = await ctx.hasher.hash(code);
  // Stored only once sent: a failed resend leaves the previous code valid.
  const now = ctx.clock();
  await ctx.store.putChallenge({ id: challengeId(owner, method.id), ownerHash: owner.hash, userId: owner.userId, methodId: method.id, kind: 'code', codeHash, expiresAt: now + lifetimeMs });
  await audit(ctx, { event: 'code.send', userId: owner.userId, outcome: 'success', detail: `${channel} for ${method.id}` });
  return ok({ kind: 'code', channel, sentTo: hint, digits, expiresAt: iso(now + lifetimeMs) });
}

/** Check a code sent by `sendCodeChallenge`. */
export async function verifyCodeChallenge(ctx: ServiceContext, owner: MethodOwner, method: StoredMethodOf<CodeChannel>, code: string): Promise<Verdict> {
  const now = ctx.clock();
  const id = challengeId(owner, method.id);
  const challenge = await ctx.store.getChallenge(id, now);
  if (challenge?.kind !== 'code') return 'noChallenge';
  if (!(await ctx.hasher.verify(challenge.codeHash, code))) return 'failed';
  // Single use, even when two requests race with the right code. The loser of that race
  // held the right code: it is refused like a spent challenge, never counted as a guess
  // (a double-submitted form must not block the user's method for a day).
  return (await ctx.store.takeChallenge(id, now)) !== null ? 'passed' : 'noChallenge';
}

/** The code of an API proof, or null when it carries answers or an assertion instead. */
export const readCode = (input: { code?: string }): { code: string } | null => (input.code !== undefined ? { code: input.code } : null);
