/**
 * What `npm start` runs, decided without side effects so it is unit-tested: the Electron app
 * where Electron can start, otherwise the same app through the web host, with one line saying
 * why and where to open it.
 */
import { join } from 'node:path';

/** True where a window can appear: Linux needs an X or Wayland display; macOS and Windows always have one. */
export function hasDisplay(platform, env) {
  if (platform !== 'linux') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/**
 * @param {{ electron: { ok: true, path: string } | { ok: false }, platform: string, env: Record<string, string | undefined>, args: string[], root: string, execPath: string }} facts
 * @returns {{ mode: 'electron', command: string, args: string[] } | { mode: 'web', command: string, args: string[], why: string, openBrowser: boolean }}
 */
export function planStart({ electron, platform, env, args, root, execPath }) {
  const display = hasDisplay(platform, env);
  if (electron.ok && display) return { mode: 'electron', command: electron.path, args: [root, ...args] };
  const why = !electron.ok ? 'its binary is not installed' : 'there is no display (DISPLAY and WAYLAND_DISPLAY are unset)';
  // One process (tsx as a loader, not its CLI), so Ctrl-C reaches the web host directly.
  return { mode: 'web', command: execPath, args: ['--import', 'tsx', join(root, 'electron', 'web-host', 'cli.ts'), ...args], why, openBrowser: display };
}

/** The one line `npm start` prints when it runs the web host instead of Electron. */
export function webFallbackLine(why, url) {
  return `Electron can't start here (${why}), so Sign-in Helper runs in your browser — open: ${url}`;
}

/** The web host announces its address in this line (electron/web-host/cli.ts). */
const OPEN_LINE = /^Sign-in Helper is running\. Open: (\S+)\s*$/;
/** The URL in the web host's "running" line, or null for any other line. */
export function urlFromWebHostLine(line) {
  return OPEN_LINE.exec(line)?.[1] ?? null;
}

/** The command that opens a URL in the default browser, per OS. */
export function browserCommand(platform, url) {
  if (platform === 'darwin') return ['open', [url]];
  // Not `cmd /c start`: cmd would need its own escaping of & and quotes in the URL.
  if (platform === 'win32') return ['rundll32', ['url.dll,FileProtocolHandler', url]];
  return ['xdg-open', [url]];
}
