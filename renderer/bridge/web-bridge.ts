import type { Err } from '../../contract/errors';
import { ipcMethods, type IpcMethodName } from '../../contract/ipc-methods';
import type { SigninApi } from '../../contract/ipc';

/** Where the per-launch token of the web host is kept for this tab. */
export const TOKEN_KEY = 'signin.token';

/**
 * Reads `#token=…` from the address once, keeps it in sessionStorage and removes it from the
 * address bar (and so from history and from anything a user might copy and paste).
 */
export function takeTokenFromUrl(): string | null {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(match[1]));
    window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

const failure = (code: Err['error']['code'], message: string): Err => ({ ok: false, error: { code, message } });

/** One POST to the web host's loopback bridge; never throws, always resolves to a Result. */
async function call(channel: string, request: unknown): Promise<unknown> {
  const token = sessionStorage.getItem(TOKEN_KEY) ?? '';
  let response: Response;
  try {
    response = await fetch('/ipc/' + channel, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer ' + token },
      body: JSON.stringify(request ?? {}),
    });
  } catch (e) {
    return failure('DIRECTORY_UNREACHABLE', e instanceof Error ? e.message : 'Network request failed');
  }
  // The web host refuses a page that was not opened with its launch link: reopening is the fix.
  if (response.status === 401) return failure('FORBIDDEN_SENDER', 'The web host refused the token');
  try {
    return await response.json();
  } catch {
    return failure('DIRECTORY_BAD_RESPONSE', `Unreadable response (HTTP ${response.status})`);
  }
}

/** Builds a SigninApi over HTTP with the same named methods as the Electron preload. */
export function createWebBridge(): SigninApi {
  const bridge: Record<string, (request: unknown) => Promise<unknown>> = {};
  for (const name of Object.keys(ipcMethods) as IpcMethodName[]) {
    const channel = ipcMethods[name];
    bridge[name] = (request) => call(channel, request);
  }
  return bridge as unknown as SigninApi;
}

/** Installs the bridge when not running under Electron (no preload api present). */
export function installWebBridge(): void {
  if (typeof window.signin !== 'undefined') return;
  takeTokenFromUrl();
  window.signin = createWebBridge();
}
