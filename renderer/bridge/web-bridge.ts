import type { Err } from '../../contract/errors';
import { ipcEvents, ipcMethods, type IpcEventSubscription, type IpcMethodName } from '../../contract/ipc-methods';
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

type Listener = (payload: unknown) => void;

/** Splits a server-sent event stream into (event, data) frames; comments (keep-alives) are skipped. */
export function parseEventFrames(buffer: string): { frames: { event: string; data: string }[]; rest: string } {
  const frames: { event: string; data: string }[] = [];
  const parts = buffer.split('\n\n');
  const rest = parts.pop() ?? '';
  for (const part of parts) {
    let event = 'message';
    const data: string[] = [];
    for (const line of part.split('\n')) {
      if (line.startsWith('event:')) event = line.slice(6).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
    }
    if (data.length) frames.push({ event, data: data.join('\n') });
  }
  return { frames, rest };
}

/**
 * The web host's `/events` stream, read with fetch (EventSource cannot send the token). Opened
 * on the first subscription, closed after the last; reconnects after a drop, waiting longer
 * each time (1 s doubling to 30 s), so a restarted web host is picked up again.
 */
export class EventStream {
  private readonly listeners = new Map<string, Set<Listener>>();
  private abort: AbortController | null = null;
  private retryMs = 1000;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly open: (signal: AbortSignal) => Promise<Response> = (signal) => fetch('/events', { headers: { authorization: 'Bearer ' + (sessionStorage.getItem(TOKEN_KEY) ?? '') }, signal })) {}

  subscribe(channel: string, listener: Listener): () => void {
    const set = this.listeners.get(channel) ?? new Set<Listener>();
    set.add(listener);
    this.listeners.set(channel, set);
    if (!this.abort) this.connect();
    return () => {
      set.delete(listener);
      if ([...this.listeners.values()].every((s) => s.size === 0)) this.close();
    };
  }

  private close(): void {
    this.abort?.abort();
    this.abort = null;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private connect(): void {
    const abort = new AbortController();
    this.abort = abort;
    void this.read(abort).finally(() => {
      // Dropped (not closed by us): try again later. A 401 is not retried — the token is wrong for good.
      if (this.abort !== abort || abort.signal.aborted) return;
      this.retryTimer = setTimeout(() => this.connect(), this.retryMs);
      this.retryMs = Math.min(this.retryMs * 2, 30_000);
    });
  }

  private async read(abort: AbortController): Promise<void> {
    let response: Response;
    try {
      response = await this.open(abort.signal);
    } catch {
      return;
    }
    if (response.status === 401) {
      this.abort = null;
      return;
    }
    if (!response.ok || !response.body) return;
    this.retryMs = 1000;
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        const parsed = parseEventFrames((buffer + value).replace(/\r\n/g, '\n'));
        buffer = parsed.rest;
        for (const frame of parsed.frames) this.deliver(frame.event, frame.data);
      }
    } catch {
      // Aborted or dropped: connect() decides.
    }
  }

  private deliver(channel: string, data: string): void {
    let payload: unknown;
    try {
      payload = JSON.parse(data);
    } catch {
      return;
    }
    for (const listener of this.listeners.get(channel) ?? []) listener(payload);
  }
}

/** Builds a SigninApi over HTTP with the same named methods and subscriptions as the Electron preload. */
export function createWebBridge(events: EventStream = new EventStream()): SigninApi {
  const bridge: Record<string, unknown> = {};
  for (const name of Object.keys(ipcMethods) as IpcMethodName[]) {
    const channel = ipcMethods[name];
    bridge[name] = (request: unknown) => call(channel, request);
  }
  for (const name of Object.keys(ipcEvents) as IpcEventSubscription[]) {
    const channel = ipcEvents[name];
    bridge[name] = (listener: Listener) => events.subscribe(channel, listener);
  }
  return bridge as unknown as SigninApi;
}

/** Installs the bridge when not running under Electron (no preload api present). */
export function installWebBridge(): void {
  if (typeof window.signin !== 'undefined') return;
  takeTokenFromUrl();
  window.signin = createWebBridge();
}
