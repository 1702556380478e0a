/**
 * Main → renderer events, host-agnostic: the core emits, each host carries them (Electron:
 * `webContents.send` to its own windows; the web host: a server-sent event stream behind the
 * launch token). Every payload is parsed with its contract schema before it leaves, so a host
 * never forwards what the renderer's types don't promise.
 */
import { ipcEventSchemas, type IpcEventChannel, type IpcEventPayload } from '../../contract/ipc.js';

export type CoreEventListener = <C extends IpcEventChannel>(channel: C, payload: IpcEventPayload<C>) => void;

export class CoreEvents {
  private readonly listeners = new Set<CoreEventListener>();

  /** Subscribe a host; returns the unsubscribe. */
  on(listener: CoreEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<C extends IpcEventChannel>(channel: C, payload: IpcEventPayload<C>): void {
    const parsed = ipcEventSchemas[channel].parse(payload) as IpcEventPayload<C>;
    for (const listener of this.listeners) {
      try {
        listener(channel, parsed);
      } catch {
        // One host's broken window must not keep the event from the others.
      }
    }
  }
}
