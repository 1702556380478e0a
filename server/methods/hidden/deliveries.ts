/**
 * Codes sent by a hidden reset go out in the background: the answer must not wait for the
 * mail relay or the SMS provider only when the address matched (that delay would tell it
 * matched), nor report a failed or throttled send (same reason). Failures are audited.
 */
import { audit, type ServiceContext } from '../../service-context.js';

const inFlight = new WeakMap<ServiceContext, Set<Promise<void>>>();

/** Run `send` without awaiting it; its failure (an Err or a throw) is audited, never thrown. */
export function deliverInBackground(ctx: ServiceContext, what: { userId: string; detail: string }, send: () => Promise<{ ok: boolean; error?: { code: string } }>): void {
  const pending = inFlight.get(ctx) ?? new Set<Promise<void>>();
  inFlight.set(ctx, pending);
  const job: Promise<void> = (async () => {
    // Started after the answer is on its way: even the code's hashing must not delay it.
    await new Promise((resolve) => setImmediate(resolve));
    try {
      const result = await send();
      // DELIVERY_FAILED is audited where it happens; a refused send (THROTTLED) is audited here.
      if (!result.ok && result.error?.code !== 'DELIVERY_FAILED') await audit(ctx, { event: 'code.send', userId: what.userId, outcome: 'failure', detail: `${what.detail}: ${result.error?.code ?? 'failed'}` });
    } catch (e) {
      await audit(ctx, { event: 'code.send', userId: what.userId, outcome: 'failure', detail: `${what.detail}: ${e instanceof Error ? e.name : 'unknown'}` }).catch(() => undefined);
    }
  })().finally(() => pending.delete(job));
  pending.add(job);
}

/** Resolves when every background send of `ctx` has finished: for a graceful shutdown, and for tests. */
export async function deliveriesSettled(ctx: ServiceContext): Promise<void> {
  while ((inFlight.get(ctx)?.size ?? 0) > 0) await Promise.allSettled([...inFlight.get(ctx)!]);
}
