import type { BrowserWindow, WebContents } from 'electron';

/**
 * The windows this app created. IPC accepts calls only from their WebContents, so a
 * WebContents created any other way (a devtools extension, a stray view) is never trusted.
 */
const ownWindows = new Set<BrowserWindow>();

/** Remember `win` as ours until it closes. */
export function trackWindow(win: BrowserWindow): void {
  ownWindows.add(win);
  win.once('closed', () => ownWindows.delete(win));
}

/** True when `contents` is the WebContents of a window we created and it is still open. */
export function isOwnWebContents(contents: Pick<WebContents, 'id'>): boolean {
  for (const win of ownWindows) {
    // By id (unique per WebContents for the app's life), not by wrapper identity.
    if (!win.isDestroyed() && win.webContents.id === contents.id) return true;
  }
  return false;
}

/** The first window we created that is still open, if any (to focus on a second launch). */
export function firstOwnWindow(): BrowserWindow | undefined {
  for (const win of ownWindows) {
    if (!win.isDestroyed()) return win;
  }
  return undefined;
}

/** Every window we created that is still open (content protection applies to all of them). */
export function* ownOpenWindows(): Generator<BrowserWindow> {
  for (const win of ownWindows) {
    if (!win.isDestroyed()) yield win;
  }
}
