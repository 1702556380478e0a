import type { IpcMainInvokeEvent, WebContents } from 'electron';
import type { AppOrigin } from './app-origin.js';

/**
 * Is this IPC call from our own page? All of:
 * - the sending frame still exists (it can be gone after a navigation or crash),
 * - it is the top frame — an iframe, even one of ours, never talks to the main side,
 * - its URL is on the app's https origin (not a page navigated elsewhere, not another host),
 * - the WebContents belongs to a window we created.
 */
export function isTrustedSender(event: IpcMainInvokeEvent, origin: AppOrigin, isOwnWebContents: (contents: WebContents) => boolean): boolean {
  const frame = event.senderFrame;
  if (!frame) return false;
  // Compared by ids, not identity: Electron may hand out distinct WebFrameMain objects for one frame.
  const main = event.sender.mainFrame;
  if (frame.parent !== null || frame.processId !== main.processId || frame.routingId !== main.routingId) return false;
  if (!origin.owns(frame.url)) return false;
  return isOwnWebContents(event.sender);
}
