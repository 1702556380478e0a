/**
 * What the command line asks of this launch. Pure, so it is tested without Electron.
 *
 * - `--reset` or the deep link `sign-in-helper://reset` (lock-screen helper) opens straight into reset.
 * - `--directory-url=URL` points the app at a directory service (above user prefs, below policy).
 */
export interface LaunchOptions {
  startFlow: 'home' | 'reset';
  directoryUrl?: string;
}

/** The custom URL scheme the installers register (electron-builder `protocols`). */
export const DEEP_LINK_SCHEME = 'sign-in-helper';

/** True for `sign-in-helper://reset` (with or without a trailing slash). */
export function isResetDeepLink(arg: string): boolean {
  try {
    const url = new URL(arg);
    return url.protocol === `${DEEP_LINK_SCHEME}:` && url.host === 'reset' && (url.pathname === '' || url.pathname === '/');
  } catch {
    return false;
  }
}

/**
 * Read launch flags from `argv` (process.argv or a second instance's argv).
 * Unknown arguments are ignored: Chromium and the OS add their own.
 * A `--directory-url` that is not an http(s) URL is dropped rather than passed on.
 */
export function parseLaunchOptions(argv: readonly string[]): LaunchOptions {
  const options: LaunchOptions = { startFlow: 'home' };
  for (const arg of argv) {
    if (arg === '--reset' || isResetDeepLink(arg)) {
      options.startFlow = 'reset';
    } else if (arg.startsWith('--directory-url=')) {
      const value = arg.slice('--directory-url='.length);
      if (isHttpUrl(value)) options.directoryUrl = value;
    }
  }
  return options;
}

function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}
