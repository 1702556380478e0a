import type { Protocol } from 'electron';
import type { AppOrigin } from './app-origin.js';
import { createAppRequestHandler } from './app-request-handler.js';

/**
 * Serve `rendererRoot` (dist/renderer) on the app's https origin, inside the app: every https
 * request of `protocol`'s session (the window's, the default session) is answered by the
 * handler, which serves our host and refuses every other one. Nothing is fetched from the
 * network and no TLS connection is made for the page. https is already a standard, secure
 * scheme, so nothing needs registering as privileged before `ready`.
 *
 * Intercepting all of https in this session breaks nothing: the renderer never makes a network
 * call of its own. It talks to the main side through IPC (ipcMain), and the directory client
 * is axios in the main process, on Node's http stack rather than Chromium's, so its requests
 * never pass through a session's protocol handlers. Call after `app` is ready.
 */
export function serveRendererOnAppOrigin(protocol: Pick<Protocol, 'handle'>, origin: AppOrigin, rendererRoot: string): void {
  protocol.handle('https', createAppRequestHandler({ root: rendererRoot, host: origin.host }));
}
