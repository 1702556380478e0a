/**
 * More time for a reset the app warned about (WCAG 2.2.1: the user is warned and may extend
 * with one simple action, at least ten times). Each extension is one event reserved in the
 * store under the token's hash, so the cap holds across parallel requests and instances
 * sharing the store; the new expiry is a conditional write, so an extension never revives a
 * reset that ran out or was completed meanwhile.
 */
import { err, ok } from '../../../contract/errors.js';
import { audit, auditedFailure, iso, type ServiceContext } from '../../service-context.js';
import type { Limit } from '../../store/store.js';
import { isRefused, reserveAttempt } from '../../verifiers/throttle.js';
import { isErr, type Handler } from '../handler.js';
import { currentReset } from './reset-handlers.js';

/** How often one reset may be extended: WCAG 2.2.1's "at least ten times", and no more (a stolen token lives at most 11 lifetimes). */
export const MAX_RESET_EXTENSIONS = 10;

export const extendKey = (tokenHash: string) => `reset-extend:${tokenHash}`;

/**
 * The count must outlive the token, or an old extension would be forgotten while the token is
 * still usable: a reset lives at most its first lifetime plus one per extension.
 */
const extensionLimit = (ctx: ServiceContext): Limit => {
  const longestLife = ctx.policy.resetLifetimeMs * (MAX_RESET_EXTENSIONS + 1);
  return { max: MAX_RESET_EXTENSIONS, windowMs: longestLife, blockMs: longestLife };
};

export const extendReset: Handler<'extendReset'> = async (ctx, { token, client }) => {
  // A dead or unknown token is refused before anything is counted: no counters for guessed tokens.
  const live = await currentReset(ctx, token);
  if (isErr(live)) return live;
  // A hidden reset of an unknown id is extended alike; only the audit leaves out the id it never had.
  const event = { event: `${live.reset.mode ?? 'reset'}.extend`, ...(live.known ? { userId: live.reset.userId } : {}), client };
  const attempt = await reserveAttempt(ctx, extendKey(live.reset.tokenHash), extensionLimit(ctx));
  if (isRefused(attempt)) return auditedFailure(ctx, { ...event, detail: 'THROTTLED: extended too often' }, attempt);
  const now = ctx.clock();
  const expiresAt = now + ctx.policy.resetLifetimeMs;
  if (!(await ctx.store.extendReset(live.reset.tokenHash, expiresAt, now))) {
    // Completed or run out since it was read: nothing was extended, so nothing is counted.
    await attempt.giveBack();
    return err('RESET_EXPIRED', 'Start the reset again');
  }
  await audit(ctx, { ...event, outcome: 'success' });
  // The store keeps the later of this and an expiry a parallel extension wrote: never earlier than answered.
  return ok({ expiresAt: iso(expiresAt) });
};
