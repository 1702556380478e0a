/**
 * Keeps the window out of screenshots and screen sharing while an authenticator app's QR
 * code (its secret) can be on screen: on when the core hands the QR out, off when that setup
 * is confirmed, expires (abandoned: the QR is worthless then) or the session ends.
 */
export interface HostHooks {
  /** Electron: `win.setContentProtection(on)`; the web host cannot, so it does nothing. */
  protectContent(on: boolean): void;
  /** Close the app (Electron: `app.quit()`); the web host cannot close the tab, so it leaves this out. */
  quit?(): void;
}

export const noHostHooks: HostHooks = { protectContent: () => undefined };

export class QrScreenGuard {
  private timer: NodeJS.Timeout | null = null;
  private on = false;

  constructor(private readonly hooks: HostHooks) {}

  /** The QR is shown; it stops mattering at `expiresAtMs` even if the user walks away. */
  shown(expiresAtMs: number, nowMs: number): void {
    this.clearTimer();
    this.set(true);
    this.timer = setTimeout(() => this.hidden(), Math.max(0, expiresAtMs - nowMs));
    this.timer.unref();
  }

  hidden(): void {
    this.clearTimer();
    if (this.on) this.set(false);
  }

  get active(): boolean {
    return this.on;
  }

  private set(on: boolean): void {
    this.on = on;
    try {
      this.hooks.protectContent(on);
    } catch {
      // A host that cannot protect its window must not break the setup; the window stays as it was.
    }
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
