import type { IpcMainInvokeEvent, WebContents, WebFrameMain } from 'electron';

/** Options for a fake IPC event: by default it is a trusted call from our top frame. */
export interface FakeEventOptions {
  url?: string;
  topFrame?: boolean;
  noFrame?: boolean;
}

/**
 * An IpcMainInvokeEvent with just the fields the sender check reads. `sender` is a fresh
 * object each time, so "is it ours?" is decided by the predicate the test passes.
 */
export function fakeIpcEvent({ url = 'https://localhost/index.html', topFrame = true, noFrame = false }: FakeEventOptions = {}): IpcMainInvokeEvent {
  const mainFrame = { url, parent: null, processId: 4, routingId: 1 } as unknown as WebFrameMain;
  // A distinct object for the same frame, as Electron may return.
  const sameFrame = { url, parent: null, processId: 4, routingId: 1 } as unknown as WebFrameMain;
  const frame = topFrame ? sameFrame : ({ url, parent: mainFrame, processId: 4, routingId: 2 } as unknown as WebFrameMain);
  const sender = { mainFrame } as unknown as WebContents;
  return { sender, senderFrame: noFrame ? null : frame } as unknown as IpcMainInvokeEvent;
}
