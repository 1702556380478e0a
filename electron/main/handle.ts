import { ipcMain, type WebContents } from 'electron';
import { err, type Result } from '../../contract/errors.js';
import { ipcChannels, type IpcChannel } from '../../contract/ipc.js';
import type { Core } from '../core/core-types.js';
import type { AppOrigin } from './app-origin.js';
import { createLogger } from './log.js';
import { isTrustedSender } from './trusted-sender.js';

const log = createLogger('ipc');

/**
 * The ONE place that calls `ipcMain.handle` (lint forbids `ipcMain` elsewhere).
 * Registers every channel of the contract exactly once. Each call is refused with
 * FORBIDDEN_SENDER unless it comes from our own top frame on `origin`; otherwise it goes to
 * `core.dispatch`, which zod-parses the request and resolves to a Result.
 * Nothing thrown ever crosses IPC: a throw becomes INTERNAL without its stack.
 */
export function registerIpcHandlers(core: Pick<Core, 'dispatch'>, origin: AppOrigin, isOwnWebContents: (contents: WebContents) => boolean): void {
  for (const channel of Object.keys(ipcChannels) as IpcChannel[]) {
    ipcMain.handle(channel, async (event, request: unknown): Promise<Result<unknown>> => {
      if (!isTrustedSender(event, origin, isOwnWebContents)) {
        log.warn(`Refused ${channel}: the caller is not the app's own page`);
        return err('FORBIDDEN_SENDER', 'This request did not come from the app window');
      }
      try {
        return await core.dispatch(channel, request);
      } catch {
        // core.dispatch promises never to throw; if it does, say nothing about why (no stack, no payload).
        log.error(`Unexpected error while handling ${channel}`);
        return err('INTERNAL', 'Unexpected error');
      }
    });
  }
}

/** Remove every handler registered above (tests, and a clean shutdown). */
export function removeIpcHandlers(): void {
  for (const channel of Object.keys(ipcChannels)) ipcMain.removeHandler(channel);
}
