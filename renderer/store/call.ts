import type { Result } from '../../contract/errors';

/**
 * The renderer's view of the core's idle clock: when the last IPC call was made and how
 * many are in flight. The core restarts its clock on every call, so the idle warning
 * (renderer/shell/idle-warning.tsx) counts from here.
 */
interface Activity {
  lastCallAt: number;
  inFlight: number;
}

let activity: Activity = { lastCallAt: Date.now(), inFlight: 0 };
const listeners = new Set<() => void>();

function update(next: Partial<Activity>): void {
  activity = { ...activity, ...next };
  for (const listener of listeners) listener();
}

export const callActivity = {
  /** An immutable snapshot (new object on each change: useSyncExternalStore compares by identity). */
  snapshot: (): Activity => activity,
  subscribe: (listener: () => void): (() => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

/**
 * Awaits an api call and never throws: a rejected promise (a preload that threw, a bug)
 * becomes an INTERNAL error result, so every store handles exactly one shape.
 */
export async function call<T>(request: () => Promise<Result<T>>): Promise<Result<T>> {
  update({ lastCallAt: Date.now(), inFlight: activity.inFlight + 1 });
  try {
    return await request();
  } catch (e) {
    return { ok: false, error: { code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) } };
  } finally {
    // The core's clock restarts when it handles the call; its answer is the closest we see.
    update({ lastCallAt: Date.now(), inFlight: activity.inFlight - 1 });
  }
}
