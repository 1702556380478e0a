import type { SigninApi } from '../../contract/ipc';

/**
 * The one door to the main side. Everything in the renderer calls `api().method(...)` so
 * tests can install an in-memory fake as `window.signin`.
 */
export function api(): SigninApi {
  return window.signin;
}
