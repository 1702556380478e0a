import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const m = vi.hoisted(() => {
  const listeners = new Map<string, (...args: unknown[]) => void>();
  return {
    listeners,
    lock: true,
    app: {
      requestSingleInstanceLock: vi.fn(() => m.lock),
      enableSandbox: vi.fn(),
      whenReady: vi.fn(() => Promise.resolve()),
      on: vi.fn((name: string, fn: (...args: unknown[]) => void) => listeners.set(name, fn)),
      getVersion: () => '1.2.3',
      getLocale: () => 'zh-TW',
      getPath: (name: string) => `/home/u/.config/${name}`,
      getAppPath: () => '/opt/app/resources/app.asar',
      isPackaged: true,
      quit: vi.fn(),
      exit: vi.fn(),
    },
    createCore: vi.fn(),
    dispose: vi.fn(() => Promise.resolve()),
    handle: vi.fn(),
    protocolHandle: vi.fn(),
    windows: [] as Array<Record<string, unknown>>,
    loaded: [] as string[],
    contentsCreated: [] as unknown[],
    protections: [] as boolean[],
    navigate: vi.fn(),
    sent: [] as Array<[string, unknown]>,
    eventListeners: [] as Array<(channel: string, payload: unknown) => void>,
  };
});

vi.mock('electron', () => ({
  app: m.app,
  session: { defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), protocol: { handle: m.protocolHandle } } },
  ipcMain: { handle: m.handle, removeHandler: vi.fn() },
  shell: { openExternal: vi.fn() },
  BrowserWindow: class {
    webContents = { id: 1, send: (channel: string, payload: unknown) => m.sent.push([channel, payload]) };
    loadURL = vi.fn((url: string) => {
      m.loaded.push(url);
      return Promise.resolve();
    });
    once = vi.fn();
    isDestroyed = () => false;
    isMinimized = () => false;
    show = vi.fn();
    focus = vi.fn();
    setContentProtection = (on: boolean) => m.protections.push(on);
    constructor(public options: Record<string, unknown>) {
      m.windows.push(options);
    }
  },
}));
vi.mock('../../../../electron/core/create-core.js', () => ({ createCore: m.createCore }));
vi.mock('../../../../electron/core/vault/keytar-vault.js', () => ({
  KeytarVault: class {
    constructor(public options: unknown) {}
  },
}));

const originalArgv = process.argv;

/** What every fake core has: dispatch, dispose, navigation and the events the host forwards. */
const coreBase = () => ({
  dispatch: vi.fn(),
  dispose: m.dispose,
  navigate: m.navigate,
  events: { on: (listener: (channel: string, payload: unknown) => void) => m.eventListeners.push(listener) },
});

async function launch(...args: string[]): Promise<void> {
  process.argv = ['/opt/app/sign-in-helper', ...args];
  vi.resetModules();
  await import('../../../../electron/main/main.js');
  await vi.waitFor(() => expect(m.windows.length + m.app.quit.mock.calls.length + m.app.exit.mock.calls.length).toBeGreaterThan(0));
}

beforeEach(() => {
  m.lock = true;
  m.listeners.clear();
  m.windows.length = 0;
  m.protections.length = 0;
  m.loaded.length = 0;
  for (const fn of [m.app.quit, m.app.exit, m.app.on, m.handle, m.protocolHandle, m.dispose]) fn.mockClear();
  m.navigate.mockClear();
  m.sent.length = 0;
  m.eventListeners.length = 0;
  m.createCore.mockReset().mockResolvedValue({ ...coreBase(), directoryUrl: 'http://127.0.0.1:1', demo: true });
});
afterEach(() => {
  process.argv = originalArgv;
});

describe('main', () => {
  it('builds the core with the host facts and launch flags', async () => {
    await launch('--reset', '--directory-url=https://sspr.example.com');
    expect(m.createCore).toHaveBeenCalledOnce();
    const options = m.createCore.mock.calls[0]?.[0];
    expect(options).toMatchObject({
      host: 'electron',
      version: '1.2.3',
      systemLocale: 'zh-TW',
      userPrefsPath: join('/home/u/.config/userData', 'preferences.json'),
      overrides: { directoryUrl: 'https://sspr.example.com' },
      startFlow: 'reset',
      vault: { options: { service: 'sign-in-helper' } },
    });
  });

  it('gives the core the OS presence check (none on Linux) and a content-protection hook on its windows', async () => {
    await launch();
    const options = m.createCore.mock.calls[0]?.[0] as { presence: { isAvailable(): Promise<boolean> }; hostHooks: { protectContent(on: boolean): void } };
    // The mocked electron has no Touch ID: whatever the platform, that reads as unavailable.
    expect(await options.presence.isAvailable()).toBe(false);
    // The window starts unprotected; the core's hook reaches every open window.
    expect(m.protections).toEqual([false]);
    options.hostHooks.protectContent(true);
    options.hostHooks.protectContent(false);
    expect(m.protections).toEqual([false, true, false]);
  });

  it('opens reset from the deep link, with the user id pre-filled', async () => {
    await launch('sign-in-helper://reset?user=alain');
    expect(m.createCore.mock.calls[0]?.[0]).toMatchObject({ startFlow: 'reset', startUserId: 'alain', lockScreen: false });
  });

  it('--lock-screen reaches the core', async () => {
    await launch('--lock-screen', '--unlock');
    expect(m.createCore.mock.calls[0]?.[0]).toMatchObject({ startFlow: 'unlock', lockScreen: true });
  });

  it('a second launch with a deep link switches the running app to that flow; a plain one only focuses', async () => {
    await launch();
    const secondInstance = m.listeners.get('second-instance')!;
    secondInstance({}, ['/opt/app/sign-in-helper']);
    expect(m.navigate).not.toHaveBeenCalled();
    secondInstance({}, ['/opt/app/sign-in-helper', 'sign-in-helper://unlock?user=megan']);
    expect(m.navigate).toHaveBeenCalledExactlyOnceWith({ flow: 'unlock', userId: 'megan' });
    const openUrl = m.listeners.get('open-url')!;
    openUrl({ preventDefault: vi.fn() }, 'sign-in-helper://change');
    expect(m.navigate).toHaveBeenLastCalledWith({ flow: 'change' });
  });

  it("the core's events reach the app's own windows on their channel", async () => {
    await launch();
    expect(m.eventListeners).toHaveLength(1);
    m.eventListeners[0]!('session.wiped', { reason: 'idle' });
    expect(m.sent).toEqual([['session.wiped', { reason: 'idle' }]]);
  });

  it('registers IPC, serves dist/renderer on https in the default session and opens one secure window', async () => {
    await launch();
    expect(m.handle).toHaveBeenCalled();
    expect(m.protocolHandle).toHaveBeenCalledExactlyOnceWith('https', expect.any(Function));
    expect(m.windows).toHaveLength(1);
    expect(m.windows[0]?.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      devTools: false,
      preload: join('/opt/app/resources/app.asar', 'dist', 'electron', 'preload.cjs'),
    });
    expect(m.app.enableSandbox).toHaveBeenCalled();
  });

  it('serves and loads https://localhost for the embedded demo (a loopback directory, rpId localhost)', async () => {
    await launch();
    expect(m.loaded).toEqual(['https://localhost/index.html']);
    const handler = m.protocolHandle.mock.calls[0]?.[1] as (request: Request) => Promise<Response>;
    expect((await handler(new Request('https://sign-in-helper.sspr.contoso.com/index.html'))).status).toBe(403);
  });

  it('puts the page under a configured directory: https://sign-in-helper.<directory host>', async () => {
    m.createCore.mockResolvedValue({ ...coreBase(), directoryUrl: 'https://sspr.contoso.com', demo: false });
    await launch();
    expect(m.loaded).toEqual(['https://sign-in-helper.sspr.contoso.com/index.html']);
    const handler = m.protocolHandle.mock.calls[0]?.[1] as (request: Request) => Promise<Response>;
    expect((await handler(new Request('https://localhost/index.html'))).status).toBe(403);
  });

  it("uses the configured appHost over the derived one, and guards navigation with that origin", async () => {
    m.createCore.mockResolvedValue({ ...coreBase(), directoryUrl: 'https://sspr.contoso.com', demo: false, appHost: 'helper.contoso.com' });
    await launch();
    expect(m.loaded).toEqual(['https://helper.contoso.com/index.html']);
    const listeners = new Map<string, (event: { url: string; preventDefault: () => void }) => void>();
    m.listeners.get('web-contents-created')?.({}, { setWindowOpenHandler: vi.fn(), on: (name: string, fn: never) => listeners.set(name, fn) });
    const away = { url: 'https://sign-in-helper.sspr.contoso.com/', preventDefault: vi.fn() };
    const home = { url: 'https://helper.contoso.com/index.html#reset', preventDefault: vi.fn() };
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    listeners.get('will-navigate')?.(away);
    listeners.get('will-navigate')?.(home);
    expect(away.preventDefault).toHaveBeenCalled();
    expect(home.preventDefault).not.toHaveBeenCalled();
  });

  it('opens no window when the origin cannot be decided (a directory URL that does not parse)', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    m.createCore.mockResolvedValue({ ...coreBase(), directoryUrl: 'not a url', demo: false });
    await launch();
    expect(m.app.exit).toHaveBeenCalledWith(1);
    expect(m.windows).toHaveLength(0);
    expect(m.protocolHandle).not.toHaveBeenCalled();
    expect(error.mock.calls.flat().join(' ')).toContain('directory URL');
  });

  it('quits at once when another instance holds the lock', async () => {
    m.lock = false;
    await launch();
    expect(m.app.quit).toHaveBeenCalled();
    expect(m.createCore).not.toHaveBeenCalled();
  });

  it('quits when the last window closes and disposes the core before leaving', async () => {
    await launch();
    m.listeners.get('window-all-closed')?.();
    expect(m.app.quit).toHaveBeenCalledOnce();
    const event = { preventDefault: vi.fn() };
    m.listeners.get('will-quit')?.(event);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(m.dispose).toHaveBeenCalledOnce();
    await vi.waitFor(() => expect(m.app.quit).toHaveBeenCalledTimes(2));
    // The second will-quit (after dispose) lets the app go.
    const again = { preventDefault: vi.fn() };
    m.listeners.get('will-quit')?.(again);
    expect(again.preventDefault).not.toHaveBeenCalled();
  });

  it('closes a core that finishes starting after the user quit, and opens no window', async () => {
    let finish: (core: unknown) => void = () => {};
    m.createCore.mockReturnValue(new Promise((resolve) => (finish = resolve)));
    process.argv = ['/opt/app/sign-in-helper'];
    vi.resetModules();
    await import('../../../../electron/main/main.js');
    await vi.waitFor(() => expect(m.createCore).toHaveBeenCalled());
    m.listeners.get('before-quit')?.();
    finish({ dispatch: vi.fn(), dispose: m.dispose, directoryUrl: '', demo: true });
    await vi.waitFor(() => expect(m.dispose).toHaveBeenCalledOnce());
    expect(m.windows).toHaveLength(0);
    expect(m.handle).not.toHaveBeenCalled();
  });

  it('exits with 1 when the core cannot start, logging the message only', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    m.createCore.mockRejectedValue(new Error('policy file is not valid JSON'));
    await launch();
    expect(m.app.exit).toHaveBeenCalledWith(1);
    expect(error.mock.calls.flat().join(' ')).toContain('policy file is not valid JSON');
  });
});
