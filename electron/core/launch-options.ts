/**
 * What the command line (or a deep link) asks of this launch. Pure, so it is tested without Electron.
 *
 * - `--reset`, `--unlock`, `--change` or the deep links `sign-in-helper://reset?user=ID`
 *   (`unlock`, `change`) open straight into that flow; `--user ID` pre-fills the user id.
 * - `--lock-screen` (what the lock-screen helper launches): reset and unlock only; a change
 *   asked for there opens reset instead, since nobody at a lock screen knows their password.
 * - `--directory-url=URL` points the app at a directory service (above user prefs, below policy).
 *
 * A user id from outside is only a pre-fill: bounded, no control characters, never trusted
 * for anything but the text in the field.
 */
import type { StartFlow } from '../../contract/ipc.js';

export type { StartFlow };

/** Where to go now: the launch's first screen, or a later deep link / second launch. */
export interface Navigation {
  flow: StartFlow;
  userId?: string;
}

export interface LaunchOptions extends Navigation {
  /** Alias of `flow` kept for the core's option name. */
  startFlow: StartFlow;
  lockScreen: boolean;
  directoryUrl?: string;
}

/** The custom URL scheme the installers register (electron-builder `protocols`). */
export const DEEP_LINK_SCHEME = 'sign-in-helper';

const FLOWS = new Set<StartFlow>(['reset', 'unlock', 'change']);
const MAX_USER_ID = 256;
// eslint-disable-next-line no-control-regex -- the point is to refuse them
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** A user id fit to pre-fill the field, or undefined. */
export function prefillUserId(value: string | null | undefined): string | undefined {
  const id = value?.trim();
  if (!id || [...id].length > MAX_USER_ID || CONTROL.test(id)) return undefined;
  return id;
}

/** `sign-in-helper://reset?user=ID` (also unlock, change; a trailing slash allowed), else null. */
export function parseDeepLink(arg: string): Navigation | null {
  let url: URL;
  try {
    url = new URL(arg);
  } catch {
    return null;
  }
  if (url.protocol !== `${DEEP_LINK_SCHEME}:` || !FLOWS.has(url.host as StartFlow) || (url.pathname !== '' && url.pathname !== '/')) return null;
  const userId = prefillUserId(url.searchParams.get('user'));
  return { flow: url.host as StartFlow, ...(userId ? { userId } : {}) };
}

/** True for `sign-in-helper://reset` (with or without a trailing slash or a user). */
export const isResetDeepLink = (arg: string): boolean => parseDeepLink(arg)?.flow === 'reset';

/**
 * Read launch flags from `argv` (process.argv or a second instance's argv).
 * Unknown arguments are ignored: Chromium and the OS add their own.
 * A `--directory-url` that is not an http(s) URL is dropped rather than passed on.
 */
export function parseLaunchOptions(argv: readonly string[]): LaunchOptions {
  let flow: StartFlow = 'home';
  let userId: string | undefined;
  let lockScreen = false;
  let directoryUrl: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const link = parseDeepLink(arg);
    if (link) {
      flow = link.flow;
      userId = link.userId ?? userId;
    } else if (arg === '--reset' || arg === '--unlock' || arg === '--change') {
      flow = arg.slice(2) as StartFlow;
    } else if (arg === '--lock-screen') {
      lockScreen = true;
    } else if (arg === '--user' || arg.startsWith('--user=')) {
      const value = arg === '--user' ? argv[++i] : arg.slice('--user='.length);
      userId = prefillUserId(value) ?? userId;
    } else if (arg.startsWith('--directory-url=')) {
      const value = arg.slice('--directory-url='.length);
      if (isHttpUrl(value)) directoryUrl = value;
    }
  }
  if (lockScreen && (flow === 'home' || flow === 'change')) flow = 'reset';
  return { flow, startFlow: flow, lockScreen, ...(userId ? { userId } : {}), ...(directoryUrl ? { directoryUrl } : {}) };
}

/** A second launch or a deep link into a running app: where it asks to go, if anywhere. */
export function navigationOf(argv: readonly string[], lockScreen: boolean): Navigation | null {
  const asked = parseLaunchOptions(argv);
  if (asked.flow === 'home' && !asked.userId) return null;
  // A running lock-screen app stays one: a link cannot open change there.
  const flow = lockScreen && (asked.flow === 'change' || asked.flow === 'home') ? 'reset' : asked.flow;
  return { flow, ...(asked.userId ? { userId: asked.userId } : {}) };
}

function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}
