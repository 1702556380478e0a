import { afterEach, describe, expect, it, vi } from 'vitest';
import { ipcMethods } from '../../../../contract/ipc-methods';
import { createWebBridge, installWebBridge, TOKEN_KEY } from '../../../../renderer/bridge/web-bridge';

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
    expect(Object.keys(window.signin).sort()).toEqual(Object.keys(ipcMethods).sort());
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
