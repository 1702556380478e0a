import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { idleWarnBefore, IdleWarning } from '../../../../renderer/shell/idle-warning';
import { api } from '../../../../renderer/bridge/api';
import { call } from '../../../../renderer/store/call';
import { resetStore, useStore } from '../../../../renderer/store/store';
import type { AppInfo } from '../../../../renderer/store/types';
import { createFakeApi } from '../fake-api';

const IDLE = 120_000;
const tick = (ms: number) => act(() => vi.advanceTimersByTime(ms));

/** The shell with the reset open; `past` puts it past its first step (something to lose). */
function openReset(past: boolean) {
  const fake = createFakeApi({ appInfo: { idleTimeoutMs: IDLE } });
  window.signin = fake.api;
  const info = { idleTimeoutMs: IDLE } as AppInfo;
  useStore.setState({ app: { step: 'ready', info, flow: 'reset', returnTo: 'reset', loading: false, error: null } });
  if (past) useStore.setState({ reset: { ...useStore.getState().reset, step: 'verify' } as never });
  return fake;
}

describe('idle warning', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'setInterval', 'clearTimeout', 'clearInterval', 'Date'] });
    resetStore();
  });
  afterEach(() => vi.useRealTimers());

  it('warns a minute before the idle wipe (half the time when that is shorter)', () => {
    expect(idleWarnBefore(600_000)).toBe(60_000);
    expect(idleWarnBefore(20_000)).toBe(10_000);
  });

  it('appears a minute before the core would wipe, counts down, and "Keep going" calls getAppInfo', async () => {
    const fake = openReset(true);
    await act(() => call(() => api().getAppInfo({})));
    const before = fake.callsOf('getAppInfo').length;
    render(<IdleWarning idleTimeoutMs={IDLE} />);
    tick(IDLE - 60_000 - 1_000);
    expect(screen.queryByRole('alertdialog')).toBeNull();
    tick(1_000);
    expect(screen.getByRole('alertdialog', { name: 'Are you still there?' })).toHaveAccessibleDescription('For your security, what you entered will be cleared in 60 seconds.');
    tick(15_000);
    expect(screen.getByRole('alertdialog')).toHaveTextContent('45 seconds');
    await act(async () => screen.getByRole('button', { name: 'Keep going' }).click());
    expect(fake.callsOf('getAppInfo').length).toBe(before + 1);
    // The call restarted the clock: the warning is gone until the next minute-before.
    tick(0);
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('stays away on a flow\u2019s first screen (nothing to lose yet)', async () => {
    openReset(false);
    await act(() => call(() => api().getAppInfo({})));
    render(<IdleWarning idleTimeoutMs={IDLE} />);
    tick(IDLE - 1_000);
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('counts from a method wizard\u2019s own call too (wizards call api() without a store)', async () => {
    const fake = openReset(true);
    await act(() => call(() => api().getAppInfo({})));
    render(<IdleWarning idleTimeoutMs={IDLE} />);
    tick(IDLE - 60_000 - 10_000);
    // A wizard's call, straight through the door: the clock restarts from its answer.
    await act(async () => {
      await api().beginEmail({ address: 'someone@example.net' });
    });
    expect(fake.callsOf('beginEmail')).toHaveLength(1);
    tick(20_000);
    expect(screen.queryByRole('alertdialog')).toBeNull();
    tick(IDLE - 60_000 - 20_000);
    expect(screen.getByRole('alertdialog', { name: 'Are you still there?' })).toBeInTheDocument();
  });

  it('does not count a subscription to the main side\u2019s events as activity', async () => {
    openReset(true);
    await act(() => call(() => api().getAppInfo({})));
    render(<IdleWarning idleTimeoutMs={IDLE} />);
    tick(IDLE - 60_000 - 1_000);
    act(() => {
      api().onNavigate(() => undefined)();
    });
    tick(1_000);
    expect(screen.getByRole('alertdialog', { name: 'Are you still there?' })).toBeInTheDocument();
  });

  it('never counts down while a call is in flight', async () => {
    const fake = openReset(true);
    const release = fake.hold('getAppInfo');
    let pending!: Promise<unknown>;
    act(() => {
      pending = call(() => api().getAppInfo({}));
    });
    render(<IdleWarning idleTimeoutMs={IDLE} />);
    tick(IDLE - 30_000);
    expect(screen.queryByRole('alertdialog')).toBeNull();
    release();
    await act(() => pending);
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });
});
