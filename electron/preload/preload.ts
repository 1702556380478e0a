/**
 * The preload (bundled to dist/electron/preload.cjs; sandboxed, so it can require nothing
 * but `electron`). Exposes ONE object, `window.signin`: a named method per IPC channel,
 * each forwarding its request to that channel. No generic invoke, no ipcRenderer, no
 * events — the page can call exactly the methods of the contract and nothing else.
 * The only file allowed to import `ipcRenderer`.
 */
import { contextBridge, ipcRenderer } from 'electron';
// zod-free on purpose: the channel map with its schemas stays on the main side.
import { ipcMethods, type IpcMethodName } from '../../contract/ipc-methods.js';
import type { SigninApi } from '../../contract/ipc.js';

/** Build the api from the method → channel list, given the function that performs a call. */
export function buildSigninApi(invoke: (channel: string, request: unknown) => Promise<unknown>): SigninApi {
  const api: Record<string, (request: unknown) => Promise<unknown>> = {};
  for (const name of Object.keys(ipcMethods) as IpcMethodName[]) {
    const channel = ipcMethods[name];
    api[name] = (request: unknown) => invoke(channel, request);
  }
  return Object.freeze(api) as unknown as SigninApi;
}

contextBridge.exposeInMainWorld(
  'signin',
  buildSigninApi((channel, request) => ipcRenderer.invoke(channel, request)),
);
