import { err, type Result } from '../../../contract/errors.js';
import { ipcChannels, type IpcChannel } from '../../../contract/ipc.js';
import type { Services } from '../services.js';
import type { IpcHandler, IpcHandlers } from './handler.js';

const isChannel = (channel: string): channel is IpcChannel => Object.hasOwn(ipcChannels, channel);

export type Dispatch = (channel: string, request: unknown) => Promise<Result<unknown>>;

/**
 * The one entrance to the core for both hosts. The request is parsed by its channel's schema
 * before the handler sees it; the answer is parsed by the response schema before the renderer
 * sees it, so a field that is not in the contract (a token, a setup id) can never leak out.
 * Never throws; never returns a stack trace.
 */
export function createDispatch(handlers: IpcHandlers, services: Services, log: (message: string) => void = () => undefined): Dispatch {
  return async (channel, request) => {
    if (!isChannel(channel)) return err('BAD_REQUEST', 'Unknown channel');
    const schema = ipcChannels[channel];
    const parsed = schema.request.safeParse(request ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return err('BAD_REQUEST', `Invalid request: ${issue?.path.join('.') || 'request'}: ${issue?.message ?? 'invalid'}`);
    }
    try {
      const result = await (handlers[channel] as IpcHandler<IpcChannel>)(parsed.data as never, services);
      if (!result.ok) return result;
      const checked = schema.response.safeParse(result.data);
      if (checked.success) return { ok: true, data: checked.data };
      log(`${channel}: response does not match the contract`);
      return err('INTERNAL', 'Unexpected error');
    } catch (e) {
      log(`${channel}: handler failed: ${e instanceof Error ? e.name : 'error'}`);
      return err('INTERNAL', 'Unexpected error');
    }
  };
}
