import type { Result } from '../../../contract/errors.js';
import type { IpcChannel, IpcChannels, IpcResponse } from '../../../contract/ipc.js';
import type { z } from 'zod';
import type { Services } from '../services.js';

/** A channel's logic: the zod-parsed request and the services in, a Result out. */
export type IpcHandler<C extends IpcChannel> = (request: z.infer<IpcChannels[C]['request']>, services: Services) => Promise<Result<IpcResponse<C>>>;
export type IpcHandlers = { [C in IpcChannel]: IpcHandler<C> };
