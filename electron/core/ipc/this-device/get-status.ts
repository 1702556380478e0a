import { ok } from '../../../../contract/errors.js';
import { thisDeviceStatus } from '../../authenticator/this-device-status.js';
import type { IpcHandler } from '../handler.js';

export const getThisDeviceStatus: IpcHandler<'thisDevice.getStatus'> = async (_request, s) => ok(await thisDeviceStatus(s));
