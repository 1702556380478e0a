import { afterEach, describe, expect, it, vi } from 'vitest';
import { ipcEvents, ipcMethods } from '../../../../contract/ipc-methods';
import { createWebBridge, EventStream, installWebBridge, parseEventFrames, TOKEN_KEY } from '../../../../renderer/bridge/web-bridge';

afterEach(() => {
  vi.unstubAllGlobals();
  delete (window as Partial<Window>).signin;
  window.history.replaceState(null, '', '/');
});

describe('web bridge', () => {
  it('takes the token from the fragment, keeps it in sessionStorage and removes it from the address', () => {
    window.history.replaceState(null, '', '/index.html?x=1#token=abc%20123');
    installWebBridge();
    expect(sessionStorage.getItem(TOKEN_KEY)).toBe('abc 123');
    expect(window.location.hash).toBe('');
    expect(window.location.search).toBe('?x=1');
    expect(Object.keys(window.signin).sort()).toEqual([...Object.keys(ipcMethods), ...Object.keys(ipcEvents)].sort());
  });

  it('leaves an existing window.signin (Electron preload) alone', () => {
    const preload = {} as Window['signin'];
    window.signin = preload;
    installWebBridge();
    expect(window.signin).toBe(preload);
  });

  it('POSTs JSON with the bearer token to /ipc/<channel> and returns the parsed result', async () => {
    sessionStorage.setItem(TOKEN_KEY, 'tok');
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ ok: true, data: { supportCode: 'X' } }), { status: 200 }));
    vi.stubGlobal('fetch', fetchMock);
    const result = await createWebBridge().contactHelpdesk({ userId: 'a', reason: 'OTHER' });
    expect(result).toEqual({ ok: true, data: { supportCode: 'X' } });
    expect(fetchMock).toHaveBeenCalledWith('/ipc/helpdesk.contact', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer tok' },
      body: JSON.stringify({ userId: 'a', reason: 'OTHER' }),
    });
  });

  it('turns a network failure into DIRECTORY_UNREACHABLE', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    const result = await createWebBridge().getAppInfo({});
    expect(result).toEqual({ ok: false, error: { code: 'DIRECTORY_UNREACHABLE', message: 'Failed to fetch' } });
  });

  it('turns a 401 into FORBIDDEN_SENDER (open the launch link again)', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('nope', { status: 401 })));
    const result = await createWebBridge().getAppInfo({});
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('FORBIDDEN_SENDER');
  });
});

/** A /events response whose body the test writes to, frame by frame. */
function eventResponse() {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
  const encoder = new TextEncoder();
  return {
    response: new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } }),
    write: (text: string) => controller.enqueue(encoder.encode(text)),
    end: () => controller.close(),
  };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('web bridge events (the web host\'s /events stream)', () => {
  it('splits frames, skips comments, and keeps a partial frame for the next chunk', () => {
    const { frames, rest } = parseEventFrames(': connected\n\nevent: app.navigate\ndata: {"flow":"reset"}\n\nevent: session.wi');
    expect(frames).toEqual([{ event: 'app.navigate', data: '{"flow":"reset"}' }]);
    expect(rest).toBe('event: session.wi');
  });

  it('opens the stream with the token on the first subscription and hands each listener its own channel\'s payloads', async () => {
    sessionStorage.setItem(TOKEN_KEY, 'tok');
    const stream = eventResponse();
    const fetchMock = vi.fn(async () => stream.response);
    vi.stubGlobal('fetch', fetchMock);
    const bridge = createWebBridge(new EventStream());
    const navigate = vi.fn();
    const wiped = vi.fn();
    bridge.onNavigate(navigate);
    bridge.onSessionWiped(wiped);
    await settle();
    expect(fetchMock).toHaveBeenCalledOnce();
    expect(fetchMock.mock.calls[0]).toEqual(['/events', expect.objectContaining({ headers: { authorization: 'Bearer tok' } })]);
    // A frame split across two chunks arrives once, whole.
    stream.write(': connected\n\nevent: app.navigate\ndata: {"flow":"unlock",');
    stream.write('"userId":"alain@contoso.com"}\n\nevent: session.wiped\ndata: {"reason":"idle"}\n\n');
    await vi.waitFor(() => expect(wiped).toHaveBeenCalled());
    expect(navigate).toHaveBeenCalledExactlyOnceWith({ flow: 'unlock', userId: 'alain@contoso.com' });
    expect(wiped).toHaveBeenCalledExactlyOnceWith({ reason: 'idle' });
  });

  it('closes the stream after the last unsubscribe, and a dropped stream is opened again', async () => {
    vi.useFakeTimers();
    try {
      const first = eventResponse();
      const second = eventResponse();
      const opened: AbortSignal[] = [];
      const responses = [first.response, second.response];
      const events = new EventStream(async (signal) => {
        opened.push(signal);
        return responses.shift()!;
      });
      const listener = vi.fn();
      const unsubscribe = events.subscribe('app.navigate', listener);
      await vi.advanceTimersByTimeAsync(0);
      first.end(); // the web host restarted
      await vi.advanceTimersByTimeAsync(1000);
      expect(opened).toHaveLength(2);
      second.write('event: app.navigate\ndata: {"flow":"reset"}\n\n');
      await vi.advanceTimersByTimeAsync(0);
      expect(listener).toHaveBeenCalledExactlyOnceWith({ flow: 'reset' });
      unsubscribe();
      expect(opened[1]!.aborted).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('does not retry a stream the web host refused (wrong token)', async () => {
    vi.useFakeTimers();
    try {
      const open = vi.fn(async () => new Response('no', { status: 401 }));
      new EventStream(open).subscribe('app.navigate', () => {});
      await vi.advanceTimersByTimeAsync(60_000);
      expect(open).toHaveBeenCalledOnce();
    } finally {
      vi.useRealTimers();
    }
  });
});
