/**
 * The session's life in the core: a walk-away is wiped after the idle time and the page is
 * told; nothing fires while a call is in flight or when there is nothing to wipe. Unit level
 * with a manual timer; the real core over its embedded demo at the end.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../../electron/core/create-core.js';
import { CoreEvents } from '../../../../electron/core/events.js';
import { SessionLifecycle, type LifecycleTimers } from '../../../../electron/core/session/session-lifecycle.js';
import { SessionState } from '../../../../electron/core/session/session-state.js';
import { MemoryVault } from '../../../../electron/core/vault/memory-vault.js';
import { DEMO_PASSWORD } from '../../../../server/demo/contoso.js';

/** Timers the test fires by hand: `armed` is what would run, and when. */
function manualTimers() {
  const armed = new Map<number, { fn: () => void; ms: number }>();
  let next = 0;
  const timers: LifecycleTimers = {
    set: (fn, ms) => {
      armed.set(++next, { fn, ms });
      return next;
    },
    clear: (handle) => armed.delete(handle as number),
  };
  const fire = () => {
    const pending = [...armed.values()];
    armed.clear();
    for (const t of pending) t.fn();
  };
  return { timers, armed, fire };
}

function setup(idleMs = 60_000) {
  const state = new SessionState();
  const events = new CoreEvents();
  const seen: Array<[string, unknown]> = [];
  events.on((channel, payload) => seen.push([channel, payload]));
  const t = manualTimers();
  return { state, seen, ...t, lifecycle: new SessionLifecycle(state, events, idleMs, t.timers) };
}

describe('SessionLifecycle', () => {
  it('after a call that leaves a session, the idle timer is armed; when it fires the tokens are gone and the page is told', async () => {
    const { state, seen, armed, fire, lifecycle } = setup(90_000);
    await lifecycle.around(async () => {
      state.sessionToken = 'session-token';
      state.reset = { token: 'reset-token', userId: 'alain' };
      state.setSetup('phone', 'setup-1');
    });
    expect([...armed.values()].map((t) => t.ms)).toEqual([90_000]);
    fire();
    expect(state.holdsAnything).toBe(false);
    expect(state.sessionToken).toBeNull();
    expect(state.reset).toBeNull();
    expect(state.setupId('phone')).toBeNull();
    expect(seen).toEqual([['session.wiped', { reason: 'idle' }]]);
  });

  it('no timer while a call is in flight (a slow directory does not wipe the reset it answers), nor with nothing to wipe', async () => {
    const { state, armed, lifecycle } = setup();
    await lifecycle.around(async () => undefined);
    expect(armed.size).toBe(0);
    state.reset = { token: 'reset-token', userId: 'alain' };
    let release!: () => void;
    const slow = lifecycle.around(() => new Promise<void>((r) => (release = r)));
    expect(armed.size).toBe(0);
    release();
    await slow;
    expect(armed.size).toBe(1);
  });

  it('each call restarts the idle time: only one timer is ever armed', async () => {
    const { state, armed, lifecycle } = setup();
    state.sessionToken = 't';
    for (let i = 0; i < 5; i++) await lifecycle.around(async () => undefined);
    expect(armed.size).toBe(1);
  });

  it('an explicit wipe tells the page even when nothing was held; an idle one with nothing held stays silent', () => {
    const { seen, lifecycle } = setup();
    lifecycle.wipe('idle');
    expect(seen).toEqual([]);
    lifecycle.wipe('lockScreenDone');
    expect(seen).toEqual([['session.wiped', { reason: 'lockScreenDone' }]]);
  });

  it('an event payload outside the contract never leaves the core', () => {
    const events = new CoreEvents();
    expect(() => events.emit('app.navigate', { flow: 'register' as never })).toThrow();
  });
});

describe('the real core', () => {
  it('wipes a signed-in session after its idle time: the next call needs a new sign-in, and the page was told', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'core-idle-'));
    const core = await createCore({ host: 'web', version: '0', systemLocale: 'en-US', userPrefsPath: join(dir, 'prefs.json'), vault: new MemoryVault(), idleTimeoutMs: 300 }, () => undefined);
    try {
      const seen: unknown[] = [];
      core.events.on((channel, payload) => seen.push([channel, payload]));
      expect((await core.dispatch('session.signIn', { userId: 'megan@contoso.com', password: DEMO_PASSWORD })).ok).toBe(true);
      expect((await core.dispatch('securityInfo.get', {})).ok).toBe(true);
      await new Promise((r) => setTimeout(r, 700));
      expect(seen).toEqual([['session.wiped', { reason: 'idle' }]]);
      const after = await core.dispatch('securityInfo.get', {});
      expect(after.ok).toBe(false);
      if (!after.ok) expect(after.error.code).toBe('UNAUTHORIZED');
    } finally {
      await core.dispose();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
