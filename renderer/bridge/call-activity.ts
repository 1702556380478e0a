/**
 * The renderer's view of the core's idle clock: when the last IPC call was made and how
 * many are in flight. The core restarts its clock on every call, so the idle warning
 * (renderer/shell/idle-warning.tsx) counts from here. Every call goes through `api()`
 * (./api.ts), which records it here — stores and method wizards alike.
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
  /** Runs one call and records it: in flight until it settles, however it settles. */
  async around<T>(request: () => Promise<T>): Promise<T> {
    update({ lastCallAt: Date.now(), inFlight: activity.inFlight + 1 });
    try {
      return await request();
    } finally {
      // The core's clock restarts when it handles the call; its answer is the closest we see.
      update({ lastCallAt: Date.now(), inFlight: activity.inFlight - 1 });
    }
  },
};
