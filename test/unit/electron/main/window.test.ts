import { describe, expect, it, vi } from 'vitest';

const created = vi.hoisted(() => [] as Array<{ options: Record<string, unknown>; loadURL: ReturnType<typeof vi.fn> }>);

vi.mock('electron', () => ({
  BrowserWindow: class {
    webContents = { id: 7 };
    loadURL = vi.fn(() => Promise.resolve());
    once = vi.fn();
    show = vi.fn();
    isDestroyed = () => false;
    constructor(public options: Record<string, unknown>) {
      created.push(this as never);
    }
  },
}));

const { createMainWindow, secureWebPreferences } = await import('../../../../electron/main/window.js');
const { isOwnWebContents } = await import('../../../../electron/main/window-registry.js');
const { createAppOrigin } = await import('../../../../electron/main/app-origin.js');

describe('secureWebPreferences', () => {
  it('isolates and sandboxes the page, with no Node', () => {
    const prefs = secureWebPreferences('/app/dist/electron/preload.cjs');
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      preload: '/app/dist/electron/preload.cjs',
    });
  });

  it('keeps DevTools off unless asked (packaged builds never ask)', () => {
    expect(secureWebPreferences('/p').devTools).toBe(false);
    expect(secureWebPreferences('/p', true).devTools).toBe(true);
  });
});

describe('createMainWindow', () => {
  it("uses the secure preferences, loads the https origin's entry page and is tracked as ours", () => {
    const win = createMainWindow({ preloadPath: '/p/preload.cjs', devTools: false, origin: createAppOrigin('sign-in-helper.sspr.contoso.com') });
    const [record] = created;
    expect(record?.options.webPreferences).toEqual(secureWebPreferences('/p/preload.cjs', false));
    expect(record?.loadURL).toHaveBeenCalledExactlyOnceWith('https://sign-in-helper.sspr.contoso.com/index.html');
    expect(isOwnWebContents(win.webContents)).toBe(true);
    expect(isOwnWebContents({ id: 7 } as never)).toBe(true);
    expect(isOwnWebContents({ id: 8 } as never)).toBe(false);
  });
});

describe('createMainWindow on the lock screen', () => {
  it('is a kiosk window: full screen, not closable or minimizable, no DevTools even in development', () => {
    created.length = 0;
    createMainWindow({ preloadPath: '/p/preload.cjs', devTools: true, origin: createAppOrigin('sign-in-helper.sspr.contoso.com'), lockScreen: true });
    const [record] = created;
    expect(record?.options).toMatchObject({ kiosk: true, fullscreen: true, closable: false, minimizable: false, frame: false });
    expect((record?.options.webPreferences as { devTools: boolean }).devTools).toBe(false);
    // Its first screen is the reset: the page is told so, to fetch that screen with AppInfo.
    expect(record?.loadURL).toHaveBeenCalledExactlyOnceWith('https://sign-in-helper.sspr.contoso.com/index.html?first=reset');
  });

  it('leaves the ordinary window as it was (DevTools as asked, closable)', () => {
    created.length = 0;
    createMainWindow({ preloadPath: '/p/preload.cjs', devTools: true, origin: createAppOrigin('sign-in-helper.sspr.contoso.com') });
    const [record] = created;
    expect(record?.options.kiosk).toBeUndefined();
    expect(record?.options.closable).toBeUndefined();
    expect((record?.options.webPreferences as { devTools: boolean }).devTools).toBe(true);
  });
});
