import type { StartFlow } from './ipc.js';

/**
 * The page's address says, before the page can ask for AppInfo, that its first screen is the
 * reset (the lock screen, or a start in reset or unlock), so the page fetches that screen's code
 * alongside AppInfo instead of after it. A hint for fetching only: AppInfo still decides what
 * is shown, and a page opened without it (or with a forged one) just fetches later or in vain.
 */
const PARAM = 'first';

/** The query the host adds to the page's address (empty when the first screen is home). */
export function firstScreenQuery(launch: { lockScreen?: boolean; startFlow?: StartFlow }): string {
  const reset = launch.lockScreen === true || launch.startFlow === 'reset' || launch.startFlow === 'unlock';
  return reset ? `?${PARAM}=reset` : '';
}

/** What the page reads from its own address (`location.search`). */
export function firstScreenHint(search: string): 'reset' | null {
  return new URLSearchParams(search).get(PARAM) === 'reset' ? 'reset' : null;
}
