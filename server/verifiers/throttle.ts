/**
 * Limits on what can be tried or sent, shared by every route. The rule that makes them hold
 * under concurrency: an attempt is RESERVED in the store before the slow check runs
 * (Argon2id, a directory bind, a message sent), never counted after it. A burst of N
 * parallel wrong attempts — on one instance or spread over several sharing one store —
 * gets at most the limit evaluated; the rest are THROTTLED without touching the check.
 */
import { err, type Err } from '../../contract/errors.js';
import { iso, type ServiceContext } from '../service-context.js';
import { DirectoryUnavailableError } from '../directories/directory.js';
import type { Limit } from '../store/store.js';

/** THROTTLED with the time the user may try again. */
export const throttledUntil = (until: number): Err => err('THROTTLED', 'Too many attempts', { retryAfter: iso(until) });

/** THROTTLED when `key` is blocked now, else null. Reads only: for refusing before any work (a challenge of a blocked method). */
export async function throttled(ctx: ServiceContext, key: string): Promise<Err | null> {
  const until = await ctx.store.blockedUntil(key, ctx.clock());
  return until === null ? null : throttledUntil(until);
}

/**
 * One reserved attempt. Left alone, it stays counted: that is what a failed check does.
 */
export interface Attempt {
  /** The check passed: the owner proved who they are, so the key's count and block are cleared. */
  passed(): Promise<void>;
  /** What was reserved did not happen (nothing was sent, the check never ran): the attempt is given back. */
  giveBack(): Promise<void>;
  /** Tries left in the window if this one fails (0: the next is refused until the block ends). */
  readonly left: number;
}

/** Reserve one attempt under `key`, or THROTTLED when the limit is already reached (or reserved by attempts in flight). */
export async function reserveAttempt(ctx: ServiceContext, key: string, limit: Limit): Promise<Attempt | Err> {
  const reservation = await ctx.store.reserveAttempt(key, ctx.clock(), limit);
  if (!reservation.ok) return throttledUntil(reservation.until);
  return {
    passed: () => ctx.store.clearAttempts(key),
    giveBack: () => ctx.store.releaseAttempt(key, reservation.id),
    left: Math.max(0, limit.max - reservation.count),
  };
}

/**
 * Run the check of a reserved attempt; when the directory could not be asked, nothing was
 * checked, so the attempt is given back before the outage goes on to become
 * DIRECTORY_UNAVAILABLE. Any other throw keeps it counted: an input that makes a verifier
 * throw must not buy free tries.
 */
export async function checkedUnder<T>(attempt: Attempt, check: () => Promise<T>): Promise<T> {
  try {
    return await check();
  } catch (e) {
    if (e instanceof DirectoryUnavailableError) await attempt.giveBack();
    throw e;
  }
}

/** INVALID_CODE for a wrong proof under `attempt`; with the policy's `showTriesLeft`, the tries it leaves. */
export const invalidCode = (message: string, policy: { showTriesLeft: boolean }, attempt: Attempt): Err =>
  err('INVALID_CODE', message, policy.showTriesLeft ? { triesLeft: attempt.left } : {});

/** True for THROTTLED (an Err), false for a reserved Attempt. */
export const isRefused = (a: Attempt | Err): a is Err => 'ok' in a;

export const methodKey = (methodId: string) => `verify:${methodId}`;
export const signInKey = (userId: string) => `signin:${userId.toLowerCase()}`;
