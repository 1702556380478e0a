/**
 * Whole resets on fresh users with the app's right, current code: POST /reset → /reset/verify
 * → /reset/password, timed end to end (against the directories; their floor-compared twin on
 * the memory directory is in verify-vs-floor.ts).
 */
import type { BenchService } from './bench-service.js';
import { batchSpread, loadNow, timedBatch, type Batch } from './stats.js';

export async function wholeResets(label: string, service: BenchService, reps: number, perRep: number, concurrency: number) {
  const batches: Batch[] = [];
  const loadavgBefore: number[][] = [];
  for (let rep = 0; rep < reps; rep++) {
    const users = service.take(perRep);
    loadavgBefore.push(loadNow());
    batches.push(await timedBatch(perRep, concurrency, async (i) => service.complete(await service.verified(users[i]!))));
    console.log(`service.wholeReset.${label} rep ${rep + 1}/${reps}: ${batches[rep]!.perSec}/s p50 ${batches[rep]!.p50Ms} ms p99 ${batches[rep]!.p99Ms} ms`);
  }
  return { ...batchSpread(batches), loadavgBefore };
}
