/**
 * The concurrency property of every throttle (issue 7 item 1): N parallel wrong attempts at
 * one throttled action get at most `limit` of them EVALUATED (counted at the check itself),
 * the rest are refused without touching the check; the right proof is refused too while the
 * block lasts; after it, the right proof works and — where success clears the count — the
 * same key starts again from zero. The same property runs on every store, and over a fleet
 * of instances sharing one store.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { contosoUsers } from '../../server/demo/contoso.js';
import { MemoryDirectory } from '../../server/directories/memory-directory.js';
import type { SsprPolicy } from '../../server/policy/policy.js';
import type { Store } from '../../server/store/store.js';
import { Outbox } from '../../server/notify/outbox.js';
import { createApiHarness, harnessOver, type ApiHarness } from './api-harness.js';
import { ALL_METHODS, fastHasher } from './api-flows.js';
import { evaluationsOf } from './evaluation-counters.js';
import { HOUR, MINUTE } from './fake-clock.js';
import { outcome, type Fleet, type LimitName, type ThrottledAction } from './throttled-actions.js';

/** A window far longer than the block: after the block, the burst's events are still counted, so only a real clear resets them. */
export const WINDOW_MS = HOUR;
export const BLOCK_MS = MINUTE;
const limitOf = (max: number) => ({ max, windowMs: WINDOW_MS, blockMs: BLOCK_MS });
const LIMITS: readonly LimitName[] = ['verifyFailures', 'signInFailures', 'codeSends', 'emailSends', 'resetsPerAccount', 'helpdeskRequests', 'perAddress'];

/** Every throttle out of the way; each burst then sets the one it tests. */
export const quietPolicy = (): Partial<SsprPolicy> => ({
  methodsEnabled: ALL_METHODS,
  ...Object.fromEntries(LIMITS.map((name) => [name, limitOf(1_000_000)])),
});

/** The demo directory at a cheap scrypt cost: what is counted is how many password checks run, not what each costs. */
export const cheapDirectory = () => MemoryDirectory.create(contosoUsers, { scryptN: 2 ** 10 });

/** One harness for one action: the fast hasher, every method, the action's seeds, the counters wrapped. */
export async function actionHarness(action: ThrottledAction, store?: Store): Promise<ApiHarness> {
  const h = await createApiHarness({ hasher: fastHasher(), policy: quietPolicy(), ...(store ? { store } : {}) });
  h.ctx.directory = await cheapDirectory();
  evaluationsOf(h.ctx);
  await action.seed?.(h);
  return h;
}

/**
 * Another service instance next to `h`, as a second machine behind a load balancer: its own
 * Fastify app, directory (the same demo users) and outbox, on `store` — a second connection
 * to the same database — with the same secrets key (`box`, as every instance of one
 * deployment is configured), hasher settings, policy and clock.
 */
export async function secondInstance(h: ApiHarness, store: Store): Promise<ApiHarness> {
  const outbox = new Outbox(h.clock);
  const ctx = { ...h.ctx, policy: { ...h.ctx.policy }, store, directory: await cheapDirectory(), notifier: outbox, outbox };
  evaluationsOf(ctx);
  return harnessOver(ctx, h.clock);
}

export const single = (h: ApiHarness): Fleet => ({ main: h, all: [h], via: () => h });
/** Attempts alternate between the instances; arrangement goes through the first. */
export const spread = (all: readonly ApiHarness[]): Fleet => ({ main: all[0]!, all, via: (i) => all[i % all.length]! });

function setLimit(fleet: Fleet, name: LimitName, max: number): void {
  for (const h of fleet.all) h.ctx.policy = { ...h.ctx.policy, [name]: limitOf(max) };
}

const tally = (codes: readonly string[]) => codes.reduce<Record<string, number>>((t, c) => ({ ...t, [c]: (t[c] ?? 0) + 1 }), {});

/** One burst of `n` attempts against `limit`, and what follows it. Throws (via expect) when the limit gave way. */
export async function burstHolds(fleet: Fleet, action: ThrottledAction, limit: number, n: number): Promise<void> {
  const clock = fleet.main.clock;
  // A clean slate: every earlier window, block, session and code is over.
  clock.advance(WINDOW_MS + BLOCK_MS + HOUR);
  setLimit(fleet, action.limit, limit);
  const burst = await action.arrange(fleet, n);
  const before = burst.evaluations();

  const replies = await Promise.all(Array.from({ length: n }, (_, i) => burst.wrong(i)));
  const evaluated = burst.evaluations() - before;
  const what = `${action.name}: ${n} parallel attempts, limit ${limit}`;
  // The claim: never more checks than the limit ...
  expect(evaluated, `${what}: checks run`).toBeLessThanOrEqual(limit);
  // ... and not vacuously: exactly `limit` were let through and each of them was checked.
  expect(evaluated, `${what}: checks run`).toBe(limit);
  const expected = action.evaluated === action.refused ? { [action.evaluated]: n } : { [action.evaluated]: limit, [action.refused]: n - limit };
  expect(tally(replies.map(outcome)), `${what}: answers`).toEqual(expected);
  if (action.refused === 'THROTTLED') {
    for (const r of replies) if (outcome(r) === 'THROTTLED') expect(r.status).toBe(429);
  }

  // While blocked, the right proof is refused as well, and nothing is checked (or sent).
  const blocked = await burst.right();
  expect(outcome(blocked), `${what}: the right proof while blocked`).toBe(action.refused);
  expect(burst.evaluations() - before, `${what}: checks run by the right proof while blocked`).toBe(limit);

  // The burst does not repeat when the block ends (the attack: "a burst of any size can
  // repeat every minute"): while the window still holds it, a new burst gets ONE check.
  clock.advance(BLOCK_MS + 1_000);
  const repeat = action.again ? action.again(burst) : await action.arrange(fleet, n);
  const repeatStart = repeat.evaluations();
  const repeated = await Promise.all(Array.from({ length: n }, (_, i) => repeat.wrong(i)));
  expect(repeat.evaluations() - repeatStart, `${what}: checks run by a second burst after the block`).toBe(1);
  expect(tally(repeated.map(outcome)), `${what}: answers to a second burst after the block`).toEqual(action.evaluated === action.refused ? { [action.evaluated]: n } : { [action.evaluated]: 1, [action.refused]: n - 1 });

  // After that block too, the right proof is checked and passes.
  clock.advance(BLOCK_MS + 1_000);
  const passed = await burst.right();
  expect(outcome(passed), `${what}: the right proof after the block`).toBe('ok');
  expect(burst.evaluations() - before, `${what}: the right proof after the block was checked`).toBeGreaterThan(limit);

  if (action.clearedByRight) {
    // The burst's events are still in the window: only the clear on success lets `limit`
    // new wrong attempts all be checked; without it the first would be THROTTLED.
    const again = await action.arrange(fleet, limit);
    const start = again.evaluations();
    const next = await Promise.all(Array.from({ length: limit }, (_, i) => again.wrong(i)));
    expect(tally(next.map(outcome)), `${what}: after a passed proof the count starts again`).toEqual({ [action.evaluated]: limit });
    expect(again.evaluations() - start).toBe(limit);
  }
}

/** Limits drawn small (helpdesk: 1–3), bursts of 2×limit..maxN. */
export const burstSizes = (maxLimit: number, maxN = 60) => fc.integer({ min: 1, max: maxLimit }).chain((limit) => fc.tuple(fc.constant(limit), fc.integer({ min: 2 * limit, max: maxN })));

/** The property over one action, `numRuns` bursts (each after a clean slate, so runs and shrinks are independent). */
export async function assertBurstsHold(fleet: Fleet, action: ThrottledAction, options: { numRuns: number; maxLimit?: number; maxN?: number }): Promise<void> {
  const maxLimit = options.maxLimit ?? (action.limit === 'helpdeskRequests' ? 3 : 8);
  await fc.assert(
    fc.asyncProperty(burstSizes(maxLimit, options.maxN), async ([limit, n]) => burstHolds(fleet, action, limit, n)),
    { numRuns: options.numRuns },
  );
}
