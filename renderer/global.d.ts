import type { SigninApi } from '../contract/ipc';

declare global {
  interface Window {
    /** Exposed by the Electron preload, or installed by bridge/web-bridge.ts in a browser. */
    signin: SigninApi;
  }
}

export {};
