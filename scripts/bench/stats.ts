/**
 * The arithmetic of the directory benchmarks: percentiles of one run, the spread of repeated
 * runs, and the load average taken before each — the figures issue 10 asks every bench to carry.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';

/** Nearest-rank percentile (p in 0–100) of a sample; NaN for an empty one. */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return Number.NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export const round = (x: number, digits = 2): number => Math.round(x * 10 ** digits) / 10 ** digits;

/** Median, min, max and every run of repeated measurements (rounded for the results file). */
export interface Spread {
  median: number;
  min: number;
  max: number;
  runs: number[];
}

export function spread(runs: readonly number[], digits = 2): Spread {
  return { median: round(percentile(runs, 50), digits), min: round(Math.min(...runs), digits), max: round(Math.max(...runs), digits), runs: runs.map((r) => round(r, digits)) };
}

/** The 1-, 5- and 15-minute load averages, rounded: recorded before each repetition. */
export const loadNow = (): number[] => loadavg().map((l) => round(l));

/** One timed batch: operations per second over its wall time, and each operation's latency. */
export interface Batch {
  perSec: number;
  p50Ms: number;
  p99Ms: number;
  ops: number;
  failures: number;
  /** The first failure's message, so a broken run says why. */
  firstFailure?: string;
}

/**
 * Run `ops` operations, `concurrency` at a time, each `op(i)` timed on its own; a throw is a
 * failure (counted, its time excluded from the latencies). The batch's wall time gives perSec.
 */
export async function timedBatch(ops: number, concurrency: number, op: (i: number) => Promise<void>): Promise<Batch> {
  const latencies: number[] = [];
  let failures = 0;
  let firstFailure: string | undefined;
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    for (let i = next++; i < ops; i = next++) {
      const t = performance.now();
      try {
        await op(i);
        latencies.push(performance.now() - t);
      } catch (e) {
        failures++;
        firstFailure ??= e instanceof Error ? e.message : String(e);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, ops) }, worker));
  const seconds = (performance.now() - started) / 1000;
  return { perSec: round(latencies.length / seconds, 1), p50Ms: round(percentile(latencies, 50)), p99Ms: round(percentile(latencies, 99)), ops, failures, ...(firstFailure ? { firstFailure } : {}) };
}

/** Batches repeated: the spread of each figure, and the failures summed (a bench with failures says so). */
export function batchSpread(batches: readonly Batch[]) {
  const failures = batches.reduce((n, b) => n + b.failures, 0);
  const firstFailure = batches.find((b) => b.firstFailure)?.firstFailure;
  return { perSec: spread(batches.map((b) => b.perSec), 1), p50Ms: spread(batches.map((b) => b.p50Ms)), p99Ms: spread(batches.map((b) => b.p99Ms)), opsPerRun: batches[0]?.ops ?? 0, failures, ...(firstFailure ? { firstFailure } : {}) };
}

/**
 * CPU time (user + system, ms) a process has used so far, from /proc (Linux; null elsewhere).
 * Taken around a batch, it gives CPU per request: what a path costs whatever the concurrency
 * or the client, where requests per second at a fixed number of connections also measures
 * waiting (a latency-bound run leaves a core idle).
 */
export function cpuMsOf(pid: number): number | null {
  try {
    // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th, in clock ticks (100 Hz on Linux).
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return null;
  }
}
