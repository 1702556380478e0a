import { err, ok } from '../../../../contract/errors.js';
import type { IpcHandler } from '../handler.js';
import { markMethod } from '../on-this-device.js';
import { isErr, sessionOf } from '../session-guard.js';

/** WebAuthn creation options go to the renderer (public); the setup id stays here. */
export const beginSecurityKey: IpcHandler<'securityInfo.beginSecurityKey'> = async (request, s) => {
  const session = sessionOf(s);
  if (isErr(session)) return session;
  const result = await s.client.call('beginSecurityKey', request, session.token);
  if (!result.ok) return result;
  s.state.setSetup('securityKey', result.data.setupId);
  return ok({ options: result.data.options });
};

export const confirmSecurityKey: IpcHandler<'securityInfo.confirmSecurityKey'> = async (request, s) => {
  const session = sessionOf(s);
  if (isErr(session)) return session;
  const setupId = s.state.setupId('securityKey');
  if (!setupId) return err('SETUP_EXPIRED', 'Start the setup again');
  const result = await s.client.call('confirmSecurityKey', { setupId, ...request }, session.token);
  if (result.ok || result.error.code === 'SETUP_EXPIRED') s.state.clearSetup('securityKey');
  if (!result.ok) return result;
  return ok(await markMethod(s, session.userId, result.data.method));
};
