/**
 * The paths a real user takes, each on fresh users with the app's right, current code:
 * - a verify accepted (POST /reset/verify on a started reset; the start is timed on its own);
 * - a whole reset: POST /reset → /reset/verify → /reset/password, timed end to end.
 */
import { totpCode } from '../../test/support/totp.js';
import type { BenchService } from './bench-service.js';
import { dataOf } from './json-client.js';
import { batchSpread, loadNow, timedBatch, type Batch } from './stats.js';

export async function verifyCodeOk(service: BenchService, reps: number, perRep: number, connections: number) {
  const starts: Batch[] = [];
  const verifies: Batch[] = [];
  const loadavgBefore: number[][] = [];
  for (let rep = 0; rep < reps; rep++) {
    const users = service.take(perRep);
    const started: { token: string; methodId: string }[] = [];
    loadavgBefore.push(loadNow());
    starts.push(
      await timedBatch(perRep, connections, async (i) => {
        const data = dataOf(await service.client.post('/reset', { userId: users[i]!.userId }), 'start') as { resetToken: string; methods: { id: string }[] };
        started[i] = { token: data.resetToken, methodId: data.methods[0]!.id };
      }),
    );
    // The codes an app shows now, made before the timed part (a code from the step before stays valid, ±1 step).
    const now = Date.now();
    const codes = await Promise.all(users.map((u) => totpCode(u.secret, now)));
    verifies.push(
      await timedBatch(perRep, connections, async (i) => {
        const s = started[i];
        if (!s) throw new Error('the reset did not start');
        const data = dataOf(await service.client.post('/reset/verify', { methodId: s.methodId, code: codes[i] }, s.token), 'verify');
        if (data.complete !== true) throw new Error('verify: accepted but not complete');
      }),
    );
    console.log(`service.verifyCodeOk rep ${rep + 1}/${reps}: ${verifies[rep]!.perSec}/s p99 ${verifies[rep]!.p99Ms} ms (start ${starts[rep]!.perSec}/s)`);
  }
  return { verify: batchSpread(verifies), start: batchSpread(starts), loadavgBefore };
}

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
