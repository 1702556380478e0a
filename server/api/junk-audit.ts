/**
 * Junk is cheap: failures at the protocol level — a body that fails its schema or is not JSON,
 * an unknown path, a missing, unknown or expired token, a THROTTLED refusal — are audited in
 * aggregate, never one row per request. An attacker can send them as fast as the network
 * carries them; meaningful failures (a wrong code, a wrong password, a policy refusal) stay
 * one row each: their own limits bound them.
 *
 * How (all counting is in the store, atomic across instances sharing it — no new store
 * method, only reserveAttempt/blockedUntil under keys of their own):
 * - Time is cut into windows aligned on the epoch, `perAddress.windowMs` long, the same on
 *   every instance.
 * - Per kind of junk and per client scope (an IPv4 address, the /64 of an IPv6 address: one
 *   host picks freely inside its /64), the first junk request of a window writes ONE row; the
 *   reservation of that row blocks its key until the window ends, so every later one is
 *   refused by the store and writes nothing.
 * - Across all scopes, at most JUNK_ROWS_PER_WINDOW such rows per window (a budget, blocked
 *   until the window ends once spent); past it, one more row says the budget ran out.
 * - Every junk answer still carries a support code the helpdesk finds in the audit log: the
 *   code of the row that stands for it, derived from the row's key and the end of its window
 *   (the end of the block the store holds), so every instance computes the same code.
 * So the audit grows by at most 3 × (scopes) rows per window, and never by more than
 * JUNK_ROWS_PER_WINDOW + 1 per window, whatever the number of requests or addresses.
 */
import { createHash } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';
import type { Err, ErrorCode } from '../../contract/errors.js';
import { audit, iso, type ServiceContext } from '../service-context.js';
import type { Limit } from '../store/store.js';

/** Rows of junk, over all addresses, that one window may add to the audit log (plus one saying it is spent). */
export const JUNK_ROWS_PER_WINDOW = 100;

export type JunkKind = 'malformed' | 'unauthorized' | 'throttled';

/**
 * Which failures are junk. Everything else a handler returns unaudited (SSPR_NOT_ENABLED,
 * STEP_NOT_ALLOWED…) stays one row per request: it says something about an account or a flow.
 * THROTTLED is junk because a refusal evaluated nothing: the attempt that reached the limit
 * was audited by its own handler, and a blocked client hammering must not write a row each time.
 */
const junkKinds: Partial<Record<ErrorCode, JunkKind>> = {
  BAD_REQUEST: 'malformed',
  NOT_FOUND: 'malformed',
  UNAUTHORIZED: 'unauthorized',
  RESET_EXPIRED: 'unauthorized',
  SETUP_EXPIRED: 'unauthorized',
  THROTTLED: 'throttled',
};
export const junkKindOf = (code: ErrorCode): JunkKind | null => junkKinds[code] ?? null;

/** The eight 16-bit groups of an IPv6 address (a trailing dotted IPv4 becomes two groups). */
function ipv6Groups(ip: string): number[] {
  const [head = '', tail] = ip.split('::');
  const part = (s: string | undefined) =>
    (s ? s.split(':') : []).flatMap((g) => {
      if (!isIPv4(g)) return [parseInt(g, 16)];
      const [a, b, c, d] = g.split('.').map(Number) as [number, number, number, number];
      return [(a << 8) | b, (c << 8) | d];
    });
  const left = part(head);
  const right = part(tail);
  return tail === undefined ? left : [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
}

/**
 * The scope junk is counted under: an IPv4 address as it is (an IPv4-mapped IPv6 address as
 * its IPv4), an IPv6 address as its /64 (the part a single host or network is given to
 * choose from), anything else as given (bounded).
 */
export function addressScope(ip: string): string {
  if (!isIPv6(ip)) return ip.slice(0, 64);
  const groups = ipv6Groups(ip.split('%')[0]!);
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) return `${groups[6]! >> 8}.${groups[6]! & 255}.${groups[7]! >> 8}.${groups[7]! & 255}`;
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(':')}::/64`;
}

/** The same support code on every instance for the row standing for `key` until `until`. */
const aggregateCode = (key: string, until: number): string => createHash('sha256').update(`${key}|${until}`).digest('hex').slice(0, 10).toUpperCase();

/**
 * Reserve `key` at most `max` times in the aligned window that ends at `windowEnd`: the
 * reservation that reaches `max` blocks the key until the window ends, so later ones are
 * refused (with that end) and write nothing. Only this window's reservations count.
 */
async function reserveInWindow(ctx: ServiceContext, key: string, now: number, windowEnd: number, max = 1): Promise<{ first: boolean; until: number }> {
  const windowStart = windowEnd - ctx.policy.perAddress.windowMs;
  const limit: Limit = { max, windowMs: now - windowStart + 1, blockMs: windowEnd - now };
  const reservation = await ctx.store.reserveAttempt(key, now, limit);
  return reservation.ok ? { first: true, until: windowEnd } : { first: false, until: reservation.until };
}

export interface JunkEvent {
  kind: JunkKind;
  /** The client's address as the service sees it. */
  client: string;
  /** Route (or path) and error code, as `api.error` rows have it. */
  detail: string;
}

/**
 * Audit a junk failure in aggregate and hand it back with the support code of the row that
 * stands for it (written now, or earlier in this window by this or another instance).
 */
export async function auditedJunk(ctx: ServiceContext, event: JunkEvent, failure: Err): Promise<Err> {
  const now = ctx.clock();
  const windowMs = ctx.policy.perAddress.windowMs;
  const windowEnd = now - (now % windowMs) + windowMs;
  const scope = addressScope(event.client);
  const key = `junk:${event.kind}:${scope}`;
  const withCode = (supportCode: string): Err => ({ ok: false, error: { ...failure.error, supportCode } });

  const row = await reserveInWindow(ctx, key, now, windowEnd);
  if (row.first) {
    // A row for this scope, if the window's budget has one left.
    const budget = await reserveInWindow(ctx, 'junk:budget', now, windowEnd, JUNK_ROWS_PER_WINDOW);
    if (budget.first) {
      const supportCode = aggregateCode(key, row.until);
      await audit(ctx, { event: 'api.error', client: event.client, outcome: 'failure', supportCode, detail: `${event.detail}; first ${event.kind} request from ${scope} in this window, later ones until ${iso(row.until)} get this support code and are not written one by one` });
      return withCode(supportCode);
    }
  } else if ((await ctx.store.blockedUntil('junk:budget', now)) === null) {
    // The budget is not spent now, so it was not when this scope's first request came (a spent
    // budget stays spent until the window ends): that request wrote the row this code names.
    // One narrow race is left: that first request, still between its two reservations, may yet
    // find the budget spent by others — then this code names no row. Taking the budget first
    // would close it, but a parallel burst from one address would then hold the whole budget
    // for a moment and push every other address's junk onto the over-budget row.
    return withCode(aggregateCode(key, row.until));
  }
  // The budget is spent: one row says so, and every junk request until the window ends gets its code.
  const over = await reserveInWindow(ctx, 'junk:over-budget', now, windowEnd);
  const supportCode = aggregateCode('junk:over-budget', over.until);
  if (over.first) {
    await audit(ctx, { event: 'api.error', client: event.client, outcome: 'failure', supportCode, detail: `${event.detail}; ${JUNK_ROWS_PER_WINDOW} junk rows written in this window: junk from any address until ${iso(over.until)} gets this support code and is not written` });
  }
  return withCode(supportCode);
}
