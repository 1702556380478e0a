import { ok } from '../../../../contract/errors.js';
import type { IpcHandler } from '../handler.js';
import { markMethods } from '../on-this-device.js';
import { isErr, sessionOf } from '../session-guard.js';

/** Every registered method and every method the policy lets the user add: all have screens now. */
export const getSecurityInfo: IpcHandler<'securityInfo.get'> = async (_request, s) => {
  const session = sessionOf(s);
  if (isErr(session)) return session;
  const result = await s.client.call('getSecurityInfo', {}, session.token);
  if (!result.ok) return result;
  return ok({ ...result.data, methods: await markMethods(s, session.userId, result.data.methods) });
};

export const reconfirmSecurityInfo: IpcHandler<'securityInfo.reconfirm'> = async (_request, s) => {
  const session = sessionOf(s);
  if (isErr(session)) return session;
  return s.client.call('reconfirmSecurityInfo', {}, session.token);
};

/** The service counts skips; the app only asks. */
export const skipRegistration: IpcHandler<'securityInfo.skipRegistration'> = async (_request, s) => {
  const session = sessionOf(s);
  if (isErr(session)) return session;
  return s.client.call('skipRegistration', {}, session.token);
};
