/**
 * Counting the expensive checks themselves, not the answers: a limit holds only if the
 * check behind it (Argon2id, a password bind, a TOTP or WebAuthn verification, a message
 * sent) ran at most `limit` times. Each counted method of a service context is wrapped
 * (calls still go to the real component) and every call's arguments are logged.
 */
import type { OutgoingMessage } from '../../server/notify/outbox.js';
import type { ServiceContext } from '../../server/service-context.js';

/** The arguments of every call made to one method since it was wrapped. */
export interface CallLog<A extends unknown[]> {
  readonly calls: readonly A[];
}

// One log per (object, method): a box or hasher shared by two service instances is wrapped
// once, so a call is never counted twice.
const logs = new WeakMap<object, Map<PropertyKey, CallLog<unknown[]>>>();

function logCalls<A extends unknown[]>(target: object, name: string): CallLog<A> {
  const mine = logs.get(target) ?? new Map<PropertyKey, CallLog<unknown[]>>();
  logs.set(target, mine);
  const known = mine.get(name);
  if (known) return known as unknown as CallLog<A>;
  const calls: A[] = [];
  const holder = target as Record<string, (...args: A) => unknown>;
  const original = holder[name];
  if (typeof original !== 'function') throw new Error(`${name} is not a method`);
  // An own property shadows the class's method; `this` stays the real component.
  holder[name] = function (this: unknown, ...args: A) {
    calls.push(args);
    return original.apply(this, args);
  };
  const log: CallLog<A> = { calls };
  mine.set(name, log as unknown as CallLog<unknown[]>);
  return log;
}

/** The checks a throttled action may reach, logged on one service instance. */
export interface Evaluations {
  /** Argon2id verifications: one-time codes and security answers (hash, plain). */
  hasherVerify: CallLog<[hash: string, plain: string]>;
  /** Password checks against the directory (sign-in, the old password at change). */
  verifyPassword: CallLog<[userId: string, password: string]>;
  /** Unsealing a secret: a TOTP secret is opened once per TOTP check, a key's public key once per WebAuthn verification. */
  boxOpen: CallLog<[sealed: string]>;
  /** Messages handed to the notifier (codes, helpdesk mails). */
  notifierSend: CallLog<[message: OutgoingMessage]>;
  /** Directory look-ups (the work a reset start does). */
  findUser: CallLog<[userId: string]>;
}

/** Wrap (once) the counted components of `ctx` and return their logs. */
export function evaluationsOf(ctx: ServiceContext): Evaluations {
  return {
    hasherVerify: logCalls(ctx.hasher, 'verify'),
    verifyPassword: logCalls(ctx.directory, 'verifyPassword'),
    boxOpen: logCalls(ctx.box, 'open'),
    notifierSend: logCalls(ctx.notifier, 'send'),
    findUser: logCalls(ctx.directory, 'findUser'),
  };
}

/**
 * How many calls matching `when`, over every instance of a fleet: `pick` chooses the log;
 * a log shared by instances (one box, one hasher) is counted once.
 */
export function countOver<K extends keyof Evaluations>(contexts: readonly ServiceContext[], pick: K, when: (...args: Evaluations[K]['calls'][number]) => boolean = () => true): number {
  const distinct = new Set(contexts.map((c) => evaluationsOf(c)[pick] as CallLog<unknown[]>));
  let n = 0;
  for (const log of distinct) for (const args of log.calls) if ((when as (...a: unknown[]) => boolean)(...args)) n++;
  return n;
}
