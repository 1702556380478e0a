import type { Result } from '../../contract/errors';

/**
 * Awaits an api call and never throws: a rejected promise (a preload that threw, a bug)
 * becomes an INTERNAL error result, so every store handles exactly one shape. (The call's
 * activity, for the idle clock, is recorded by `api()` itself: renderer/bridge/api.ts.)
 */
export async function call<T>(request: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await request();
  } catch (e) {
    return { ok: false, error: { code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) } };
  }
}
