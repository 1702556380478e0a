/**
 * The preload (bundled to dist/electron/preload.cjs; sandboxed, so it can require nothing
 * but `electron`). Exposes ONE object, `window.signin`: a named method per IPC channel,
 * each forwarding its request to that channel, and a named subscription per main → renderer
 * event of the contract, each returning its unsubscribe. No generic invoke, no ipcRenderer,
 * no event object — the page can call exactly the methods of the contract and nothing else.
 * The only file allowed to import `ipcRenderer`.
 */
import { contextBridge, ipcRenderer } from 'electron';
// zod-free on purpose: the channel map with its schemas stays on the main side.
import { ipcEvents, ipcMethods, type IpcEventSubscription, type IpcMethodName } from '../../contract/ipc-methods.js';
import type { SigninApi } from '../../contract/ipc.js';

/** Subscribe to one event channel with a payload-only listener; returns the unsubscribe. */
export type Subscribe = (channel: string, listener: (payload: unknown) => void) => () => void;

/** Build the api from the method → channel and event → channel lists, given how to call and to subscribe. */
export function buildSigninApi(invoke: (channel: string, request: unknown) => Promise<unknown>, subscribe: Subscribe): SigninApi {
  const api: Record<string, unknown> = {};
  for (const name of Object.keys(ipcMethods) as IpcMethodName[]) {
    const channel = ipcMethods[name];
    api[name] = (request: unknown) => invoke(channel, request);
  }
  for (const name of Object.keys(ipcEvents) as IpcEventSubscription[]) {
    const channel = ipcEvents[name];
    api[name] = (listener: (payload: unknown) => void) => subscribe(channel, listener);
  }
  return Object.freeze(api) as unknown as SigninApi;
}

/** The page's listener never sees Electron's event object (it would carry `sender`). */
const subscribeIpc: Subscribe = (channel, listener) => {
  const handler = (_event: unknown, payload: unknown) => listener(payload);
  ipcRenderer.on(channel, handler);
  return () => {
    ipcRenderer.removeListener(channel, handler);
  };
};

contextBridge.exposeInMainWorld(
  'signin',
  buildSigninApi((channel, request) => ipcRenderer.invoke(channel, request), subscribeIpc),
);
