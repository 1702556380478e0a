import type { BrowserWindow } from 'electron';
import type { HostHooks } from '../core/session/qr-screen-guard.js';

/**
 * Content protection of the app's windows (no screenshots, no screen sharing of the window)
 * while the core says an authenticator app's QR code may be on screen. A window opened while
 * protection is on gets it too.
 */
export function createContentProtection(windows: () => Iterable<BrowserWindow>): HostHooks & { apply(win: BrowserWindow): void } {
  let on = false;
  const apply = (win: BrowserWindow) => {
    if (!win.isDestroyed()) win.setContentProtection(on);
  };
  return {
    protectContent(next: boolean) {
      on = next;
      for (const win of windows()) apply(win);
    },
    apply,
  };
}
