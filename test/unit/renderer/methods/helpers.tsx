/**
 * Helpers for the method modules' tests: a `window.signin` holding only the calls a test
 * gives it (any other call fails the test loudly), result builders, and a registered method.
 */
import type { ErrorInfo, Result } from '../../../../contract/errors';
import type { GateMethod, SecurityInfoMethod, SigninApi } from '../../../../contract/ipc';
import { vi } from 'vitest';

export const ok = <T,>(data: T): Result<T> => ({ ok: true, data });
export const fail = (code: ErrorInfo['code'], message = code): Result<never> => ({ ok: false, error: { code, message } });

/** Installs a fake window.signin with only `calls`; each is a vi.fn so tests can read what was sent. */
export function installApi<K extends keyof SigninApi>(calls: Pick<SigninApi, K>) {
  const fns = Object.fromEntries(Object.entries(calls).map(([k, f]) => [k, vi.fn(f as (...a: unknown[]) => unknown)])) as unknown as { [M in K]: SigninApi[M] & ReturnType<typeof vi.fn> };
  window.signin = new Proxy(fns as unknown as SigninApi, {
    get(target, name: string) {
      if (name in target) return target[name as keyof SigninApi];
      throw new Error(`window.signin.${name} was called but this test did not expect it`);
    },
  });
  return fns;
}

export const added = (type: SecurityInfoMethod['type'], label: string): SecurityInfoMethod => ({ id: `new-${type}`, type, label, createdAt: '2026-12-01T20:00:00.000Z', onThisDevice: false });

export const gate = (type: GateMethod['type'], extra: Partial<GateMethod> = {}): GateMethod => ({ id: `m-${type}`, type, hint: 'Work phone', onThisDevice: false, ...extra });

/** Clicks forward the fake clock one second at a time (each tick schedules the next one). */
export async function tickSeconds(n: number, act: (fn: () => void) => Promise<void> | void) {
  for (let i = 0; i < n; i++) await act(() => void vi.advanceTimersByTime(1000));
}
