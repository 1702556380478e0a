import { ok } from '../../../../contract/errors.js';
import type { Services } from '../../services.js';
import type { IpcHandler } from '../handler.js';
import { markMethods } from '../on-this-device.js';
import { isErr, sessionOf } from '../session-guard.js';

/** Every registered method and every method the policy lets the user add: all have screens now. */
export const getSecurityInfo: IpcHandler<'securityInfo.get'> = async (_request, s) => {
  const session = sessionOf(s);
  if (isErr(session)) return session;
  const result = await s.client.call('getSecurityInfo', {}, session.token);
  if (!result.ok) return result;
  await forgetMethodsGoneElsewhere(s, session.userId, result.data.methods.map((m) => m.id));
  return ok({ ...result.data, methods: await markMethods(s, session.userId, result.data.methods) });
};

/**
 * A method of this device removed elsewhere (another device, the helpdesk) leaves its secret
 * here; the full list from the service is the moment to take it out of the keyring. Setups
 * still being added (`pending-…`) are left alone. Best effort: a keyring that fails is asked
 * again next time.
 */
async function forgetMethodsGoneElsewhere(s: Services, userId: string, registered: readonly string[]): Promise<void> {
  const kept = new Set(registered);
  for (const methodId of await s.keys.methodIdsOrNone(userId)) {
    if (kept.has(methodId) || methodId.startsWith('pending-')) continue;
    await s.keys.remove(userId, methodId).catch(() => s.log('securityInfo.get: a stale keyring entry could not be deleted'));
  }
}

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
