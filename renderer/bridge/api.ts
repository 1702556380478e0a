import { ipcMethods } from '../../contract/ipc-methods';
import type { SigninApi } from '../../contract/ipc';
import { callActivity } from './call-activity';

const methodNames = new Set<PropertyKey>(Object.keys(ipcMethods));
const views = new WeakMap<SigninApi, SigninApi>();

/**
 * A view of `raw` whose IPC methods are recorded in the call activity (the idle clock);
 * event subscriptions pass through untouched (listening is not activity). The target is an
 * empty object, so no invariant of a frozen contextBridge object can bind the proxy.
 */
function trackedView(raw: SigninApi): SigninApi {
  return new Proxy({} as SigninApi, {
    get(_target, name) {
      const value: unknown = Reflect.get(raw, name);
      if (!methodNames.has(name) || typeof value !== 'function') return value;
      return (request: unknown) => callActivity.around(() => (value as (r: unknown) => Promise<unknown>).call(raw, request));
    },
    has: (_target, name) => Reflect.has(raw, name),
  });
}

/**
 * The one door to the main side. Everything in the renderer calls `api().method(...)` so
 * tests can install an in-memory fake as `window.signin`, and so every call — a store's or
 * a method wizard's — restarts the idle clock the warning counts from.
 */
export function api(): SigninApi {
  const raw = window.signin;
  let view = views.get(raw);
  if (!view) {
    view = trackedView(raw);
    views.set(raw, view);
  }
  return view;
}
