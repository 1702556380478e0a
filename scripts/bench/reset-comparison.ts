/**
 * One administrative password reset, four ways, in alternating repetitions on one directory:
 * - raw, pooled: ldapts alone, one connection bound once as the service account (the service pools too);
 * - raw, fresh bind: ldapts alone, connect (+TLS) + bind + reset + unbind per reset;
 * - the Directory class: `resetPassword` of the service's own directory object (find + write);
 * - the service over HTTP: POST /reset/password on a verified reset token (the whole
 *   completeReset path: token, directory look-ups, password rules, write, unlock, audit).
 * Each repetition runs the four one at a time (latency), then raw pooled against the
 * service with several resets in flight (throughput); the order rotates between repetitions.
 * Tokens for the service are verified before the timed part (start and verify are not timed here).
 */
import type { BenchService } from './bench-service.js';
import { freshPassword } from './bench-service.js';
import type { DirectoryAccount } from './directory-servers.js';
import { serviceResetBreakdown } from './directory-calls.js';
import { batchSpread, loadNow, spread, timedBatch, type Batch } from './stats.js';

export interface RawReset {
  /** One reset on the pooled, already bound connection. */
  pooled(dn: string, password: string): Promise<void>;
  /** One reset on a connection of its own: connect, bind, reset, unbind. */
  freshBind(dn: string, password: string): Promise<void>;
  close(): Promise<void>;
}

export interface ComparisonCounts {
  reps: number;
  /** Resets per way, one at a time. */
  sequential: number;
  /** Resets per throughput batch, `concurrency` in flight. */
  concurrent: number;
  concurrency: number;
  /** Resets through the service with each Directory call timed (after the repetitions). */
  breakdown: number;
}

const rotate = <T>(xs: readonly T[], by: number): T[] => xs.map((_, i) => xs[(i + by) % xs.length]!);

/** Verified reset tokens for `n` fresh users (not timed). */
async function verifiedTokens(service: BenchService, n: number): Promise<string[]> {
  const users = service.take(n);
  const tokens: string[] = [];
  const prepared = await timedBatch(n, 4, async (i) => {
    tokens[i] = await service.verified(users[i]!);
  });
  if (prepared.failures > 0) throw new Error(`preparing verified resets: ${prepared.failures} failed (${prepared.firstFailure})`);
  return tokens;
}

export async function compareResets(key: string, raw: RawReset, service: BenchService, accounts: readonly DirectoryAccount[], counts: ComparisonCounts): Promise<Record<string, unknown>> {
  const { reps, sequential, concurrent, concurrency } = counts;
  if (accounts.length < sequential) throw new Error(`compareResets: ${sequential} accounts needed`);
  // Raw and class resets need no gate: they reuse the first accounts, each time with a new password.
  const account = (i: number) => accounts[i % sequential]!;
  const ways = ['raw', 'rawFreshBind', 'directoryClass', 'service'] as const;
  const batches: Record<(typeof ways)[number] | 'rawConcurrent' | 'serviceConcurrent', Batch[]> = { raw: [], rawFreshBind: [], directoryClass: [], service: [], rawConcurrent: [], serviceConcurrent: [] };
  const loadavgBefore: number[][] = [];
  for (let rep = 0; rep < reps; rep++) {
    const sequentialTokens = await verifiedTokens(service, sequential);
    const concurrentTokens = await verifiedTokens(service, concurrent);
    loadavgBefore.push(loadNow());
    const run: Record<(typeof ways)[number], () => Promise<Batch>> = {
      raw: () => timedBatch(sequential, 1, (i) => raw.pooled(account(i).dn, freshPassword())),
      rawFreshBind: () => timedBatch(sequential, 1, (i) => raw.freshBind(account(i).dn, freshPassword())),
      directoryClass: () =>
        timedBatch(sequential, 1, async (i) => {
          const outcome = await service.context.directory.resetPassword(account(i).userId, freshPassword());
          if (!outcome.ok) throw new Error(`directory class reset refused: ${outcome.kind} ${outcome.message}`);
        }),
      service: () => timedBatch(sequential, 1, (i) => service.complete(sequentialTokens[i]!)),
    };
    for (const way of rotate(ways, rep)) batches[way].push(await run[way]());
    const concurrentRuns = [
      async () => batches.rawConcurrent.push(await timedBatch(concurrent, concurrency, (i) => raw.pooled(account(i).dn, freshPassword()))),
      async () => batches.serviceConcurrent.push(await timedBatch(concurrent, concurrency, (i) => service.complete(concurrentTokens[i]!))),
    ];
    for (const r of rotate(concurrentRuns, rep)) await r();
    console.log(`directories.${key} rep ${rep + 1}/${reps}: p50 ms raw ${batches.raw[rep]!.p50Ms}, fresh bind ${batches.rawFreshBind[rep]!.p50Ms}, class ${batches.directoryClass[rep]!.p50Ms}, service ${batches.service[rep]!.p50Ms}; per s raw ${batches.rawConcurrent[rep]!.perSec}, service ${batches.serviceConcurrent[rep]!.perSec}`);
  }
  const breakdown = await serviceResetBreakdown(service, await verifiedTokens(service, counts.breakdown));
  console.log(`directories.${key}.serviceResetBreakdown`, JSON.stringify(breakdown));
  // Ratios within each repetition (same load), then their spread.
  const ratio = (of: Batch[], over: Batch[], pick: (b: Batch) => number) => spread(of.map((b, i) => pick(b) / pick(over[i]!)));
  const p50 = (b: Batch) => b.p50Ms;
  const out: Record<string, unknown> = {};
  const k = `directories.${key}`;
  for (const way of ways) {
    out[`${k}.${way}ResetMs`] = spread(batches[way].map(p50));
    out[`${k}.${way}ResetP99Ms`] = spread(batches[way].map((b) => b.p99Ms));
  }
  out[`${k}.ratio`] = {
    directoryClassOverRaw: ratio(batches.directoryClass, batches.raw, p50),
    serviceOverRaw: ratio(batches.service, batches.raw, p50),
    serviceOverRawFreshBind: ratio(batches.service, batches.rawFreshBind, p50),
    rawPerSecOverServicePerSec: ratio(batches.rawConcurrent, batches.serviceConcurrent, (b) => b.perSec),
  };
  out[`${k}.rawResetPerSec`] = batchSpread(batches.rawConcurrent);
  out[`${k}.serviceResetPerSec`] = batchSpread(batches.serviceConcurrent);
  out[`${k}.serviceResetBreakdown`] = breakdown;
  out[`${k}.loadavgBefore`] = loadavgBefore;
  out[`${k}.failures`] = Object.values(batches).flat().reduce((n, b) => n + b.failures, 0);
  const firstFailure = Object.values(batches).flat().find((b) => b.firstFailure)?.firstFailure;
  if (firstFailure) out[`${k}.firstFailure`] = firstFailure;
  out[`${k}.resetNote`] = `ms = median latency of ${sequential} resets one at a time per way, per repetition (${reps} alternating repetitions, order rotated; median/min/max over repetitions). raw = ldapts alone on one connection bound once as the service account; rawFreshBind = connect + bind + reset + unbind per reset; directoryClass = the service's Directory.resetPassword (find + write); service = POST /reset/password over HTTP on a verified token (the whole completeReset). ratio = per-repetition quotient of medians. PerSec: ${concurrent} resets with ${concurrency} in flight (raw on its one connection, the service on its pool of 4). serviceResetBreakdown: ${counts.breakdown} more resets through the service, one at a time, each Directory call counted and timed (OpenLDAP's findUser is 2 searches: the user, their groups). Client and service share this process and the machine's 2 cores with the directory server.`;
  return out;
}
