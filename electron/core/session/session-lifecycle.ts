/**
 * The session's life in the core: after `idleMs` with no call from the page, the tokens and
 * setup ids are wiped and the renderer is told (`session.wiped`), so a kiosk or a lock screen
 * someone walked away from holds nothing for the next person. No timer runs while a call is in
 * flight (a slow directory must not wipe the reset it is answering — WCAG 2.2.1), and none
 * while there is nothing to wipe.
 */
import type { IpcEventPayload } from '../../../contract/ipc.js';
import type { CoreEvents } from '../events.js';
import type { SessionState } from './session-state.js';

type WipeReason = IpcEventPayload<'session.wiped'>['reason'];

export interface LifecycleTimers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: LifecycleTimers = {
  set: (fn, ms) => setTimeout(fn, ms).unref(),
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export class SessionLifecycle {
  private inFlight = 0;
  private timer: unknown = null;

  constructor(
    private readonly state: SessionState,
    private readonly events: CoreEvents,
    private readonly idleMs: number,
    private readonly timers: LifecycleTimers = realTimers,
  ) {}

  /** Wrap one call from the page: the idle clock stops during it and starts again after it. */
  async around<T>(call: () => Promise<T>): Promise<T> {
    this.inFlight++;
    this.disarm();
    try {
      return await call();
    } finally {
      this.inFlight--;
      this.arm();
    }
  }

  /** Forget everything now and tell the page why. */
  wipe(reason: WipeReason): void {
    this.disarm();
    const held = this.state.holdsAnything;
    this.state.clearAll();
    if (held || reason !== 'idle') this.events.emit('session.wiped', { reason });
  }

  dispose(): void {
    this.disarm();
  }

  private arm(): void {
    if (this.inFlight > 0 || !this.state.holdsAnything) return;
    this.timer = this.timers.set(() => this.wipe('idle'), this.idleMs);
  }

  private disarm(): void {
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = null;
  }
}
