import { describe, expect, it } from 'vitest';
import { ELECTRON_UNAVAILABLE_MESSAGE } from '../../../scripts/electron-binary.mjs';
import { browserCommand, hasDisplay, planStart, urlFromWebHostLine, webFallbackLine } from '../../../scripts/start-plan.mjs';

const root = '/proj';
const execPath = '/usr/bin/node';
const installed = { ok: true as const, path: '/proj/node_modules/electron/dist/electron' };
const missing = { ok: false as const, message: ELECTRON_UNAVAILABLE_MESSAGE };

describe('npm start: Electron or the web host', () => {
  it('runs Electron with the project and the arguments where its binary exists and a display is there', () => {
    const plan = planStart({ electron: installed, platform: 'linux', env: { DISPLAY: ':0' }, args: ['--reset'], root, execPath });
    expect(plan).toEqual({ mode: 'electron', command: installed.path, args: [root, '--reset'] });
  });

  it('macOS and Windows always have a display', () => {
    for (const platform of ['darwin', 'win32']) {
      expect(planStart({ electron: installed, platform, env: {}, args: [], root, execPath }).mode).toBe('electron');
    }
  });

  it('runs the web host, arguments passed through, when the Electron binary is missing, and opens the browser where a display exists', () => {
    const plan = planStart({ electron: missing, platform: 'linux', env: { WAYLAND_DISPLAY: 'wayland-0' }, args: ['--reset', '--port', '0'], root, execPath });
    expect(plan).toEqual({
      mode: 'web',
      command: execPath,
      args: ['--import', 'tsx', '/proj/electron/web-host/cli.ts', '--reset', '--port', '0'],
      why: 'its binary is not installed',
      openBrowser: true,
    });
  });

  it('runs the web host without opening a browser on a Linux machine with no display, even with Electron installed', () => {
    const plan = planStart({ electron: installed, platform: 'linux', env: {}, args: [], root, execPath });
    expect(plan.mode).toBe('web');
    if (plan.mode !== 'web') return;
    expect(plan.why).toMatch(/no display/);
    expect(plan.openBrowser).toBe(false);
  });

  it('says in one line why Electron cannot start and the URL to open', () => {
    const url = 'http://localhost:5180/#token=abc';
    const line = webFallbackLine('its binary is not installed', url);
    expect(line).toBe(`Electron can't start here (its binary is not installed), so Sign-in Helper runs in your browser — open: ${url}`);
    expect(line).not.toContain('\n');
  });

  it('reads the URL from the web host\'s "running" line, and only from it', () => {
    expect(urlFromWebHostLine('Sign-in Helper is running. Open: http://localhost:41234/#token=x-Y_z')).toBe('http://localhost:41234/#token=x-Y_z');
    expect(urlFromWebHostLine('Demo directory (Contoso) at http://127.0.0.1:8787 — see README for demo users.')).toBeNull();
    expect(urlFromWebHostLine('Building the renderer (vite build)…')).toBeNull();
  });

  it('opens the browser with each OS\'s own opener, the URL as one argument', () => {
    const url = 'http://localhost:1/#token=a&b';
    expect(browserCommand('linux', url)).toEqual(['xdg-open', [url]]);
    expect(browserCommand('darwin', url)).toEqual(['open', [url]]);
    expect(browserCommand('win32', url)).toEqual(['rundll32', ['url.dll,FileProtocolHandler', url]]);
  });

  it('knows a display from DISPLAY or WAYLAND_DISPLAY on Linux', () => {
    expect(hasDisplay('linux', {})).toBe(false);
    expect(hasDisplay('linux', { DISPLAY: '' })).toBe(false);
    expect(hasDisplay('linux', { DISPLAY: ':99' })).toBe(true);
  });
});
