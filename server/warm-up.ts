/**
 * Work a started service does right after it listens, so that the start itself stays short
 * (issue 10: start → listening) while the first request still finds things ready: the
 * common-password list and its index, the WebAuthn library. /readyz answers 503 with what is
 * still warming up; a request that needs a part first simply waits for the same load.
 */
const pending = new Set<string>();

/** Run `task` after the current turn of the event loop; `name` is pending until it settles. */
export function warmUp(name: string, task: () => Promise<unknown>, onError: (error: unknown) => void = () => undefined): void {
  pending.add(name);
  setImmediate(() => {
    task()
      .catch(onError)
      .finally(() => pending.delete(name));
  });
}

/** What is still warming up (empty once ready). */
export const warmingUp = (): string[] => [...pending];
