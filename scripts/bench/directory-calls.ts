/**
 * Where a reset through the service spends its time: the Directory calls one POST
 * /reset/password makes, how many and how long each, measured on a few extra resets after
 * the timed repetitions (the wrapper is removed before anything else is measured).
 */
import type { BenchService } from './bench-service.js';
import { round } from './stats.js';

const METHODS = ['findUser', 'verifyPassword', 'resetPassword', 'changePassword', 'unlock', 'passwordRules'] as const;

export async function serviceResetBreakdown(service: BenchService, tokens: readonly string[]) {
  // Method by method, whatever the class: a plain record of its methods.
  const directory = service.context.directory as unknown as Record<string, unknown>;
  const spent: Record<string, { calls: number; ms: number }> = {};
  for (const name of METHODS) {
    const original = directory[name] as ((...args: unknown[]) => Promise<unknown>) | undefined;
    if (typeof original !== 'function') continue;
    // An own property shadows the class's method for this object only; deleted below.
    directory[name] = async (...args: unknown[]) => {
      const t = performance.now();
      try {
        return await original.apply(directory, args);
      } finally {
        const s = (spent[name] ??= { calls: 0, ms: 0 });
        s.calls++;
        s.ms += performance.now() - t;
      }
    };
  }
  let total = 0;
  try {
    for (const token of tokens) {
      const t = performance.now();
      await service.complete(token);
      total += performance.now() - t;
    }
  } finally {
    for (const name of METHODS) delete directory[name];
  }
  const n = tokens.length;
  const inDirectory = Object.values(spent).reduce((sum, s) => sum + s.ms, 0);
  return {
    resets: n,
    meanResetMs: round(total / n),
    meanInDirectoryMs: round(inDirectory / n),
    callsPerReset: Object.fromEntries(Object.entries(spent).map(([name, s]) => [name, { calls: round(s.calls / n), meanMs: round(s.ms / s.calls) }])),
  };
}
