import { beforeEach, describe, expect, it, vi } from 'vitest';

const shell = vi.hoisted(() => ({ openExternal: vi.fn() }));
vi.mock('electron', () => ({ shell }));

const { hardenWebContents } = await import('../../../../electron/main/web-contents-guards.js');
const { createAppOrigin } = await import('../../../../electron/main/app-origin.js');
const origin = createAppOrigin('sign-in-helper.sspr.contoso.com');

type Listener = (event: { url: string; preventDefault: () => void }) => void;

function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = {
    setWindowOpenHandler: vi.fn((fn: typeof openHandler) => (openHandler = fn)),
    on: vi.fn((name: string, fn: Listener) => listeners.set(name, fn)),
  };
  hardenWebContents(contents as never, origin);
  const fire = (name: string, url = '') => {
    const event = { url, preventDefault: vi.fn() };
    listeners.get(name)?.(event);
    return event.preventDefault;
  };
  return { open: (url: string) => openHandler?.({ url }), fire };
}

beforeEach(() => {
  shell.openExternal.mockReset().mockResolvedValue(undefined);
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});

describe('hardenWebContents', () => {
  it('denies every window.open; https links go to the browser instead', async () => {
    const { open } = fakeContents();
    expect(open('https://support.example.com/help')).toEqual({ action: 'deny' });
    expect(open('https://sign-in-helper.sspr.contoso.com/index.html')).toEqual({ action: 'deny' });
    expect(open('file:///etc/passwd')).toEqual({ action: 'deny' });
    await Promise.resolve();
    expect(shell.openExternal).toHaveBeenCalledExactlyOnceWith('https://support.example.com/help');
  });

  it.each([
    'https://evil.example/',
    'https://sspr.contoso.com/',
    'https://sign-in-helper.sspr.contoso.com.evil.example/',
    'https://sign-in-helper.sspr.contoso.com:8443/index.html',
    'http://sign-in-helper.sspr.contoso.com/index.html',
    'https://localhost/index.html',
    'http://localhost:1234/',
    'file:///etc/passwd',
    'app://sign-in-helper/index.html',
    'not a url',
  ])(
    'prevents navigation to %s',
    (url) => {
      const { fire } = fakeContents();
      expect(fire('will-navigate', url)).toHaveBeenCalled();
      expect(fire('will-redirect', url)).toHaveBeenCalled();
    },
  );

  it('lets in-app navigation through', () => {
    const { fire } = fakeContents();
    expect(fire('will-navigate', 'https://sign-in-helper.sspr.contoso.com/index.html#reset')).not.toHaveBeenCalled();
    expect(fire('will-redirect', 'https://sign-in-helper.sspr.contoso.com/')).not.toHaveBeenCalled();
  });

  it('blocks <webview>', () => {
    const { fire } = fakeContents();
    expect(fire('will-attach-webview')).toHaveBeenCalled();
  });
});
