import { err, type Err } from '../../contract/errors.js';
import type { SsprPolicy } from '../policy/policy.js';
import { iso, type ServiceContext } from '../service-context.js';

type Limits = SsprPolicy['verifyFailures']; // every Throttle has this shape

/** THROTTLED with the time the user may try again, or null when `key` is not blocked. */
export async function throttled(ctx: ServiceContext, key: string): Promise<Err | null> {
  const until = await ctx.store.blockedUntil(key, ctx.clock());
  return until === null ? null : err('THROTTLED', 'Too many attempts', { retryAfter: iso(until) });
}

/**
 * Count one event under `key` (a failed check, a code sent, a reset started, a helpdesk
 * request); the one that reaches the limit blocks `key` for the block period.
 */
export async function countTowardsLimit(ctx: ServiceContext, key: string, limits: Limits): Promise<void> {
  const now = ctx.clock();
  const failures = await ctx.store.recordFailure(key, now, limits.windowMs);
  if (failures >= limits.max) await ctx.store.setBlock(key, now + limits.blockMs);
}

export const methodKey = (methodId: string) => `verify:${methodId}`;
export const signInKey = (userId: string) => `signin:${userId.toLowerCase()}`;
