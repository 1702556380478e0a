import { ok } from '../../../../contract/errors.js';
import type { IpcHandler } from '../handler.js';
import { markMethod } from '../on-this-device.js';
import { isErr, sessionOf } from '../session-guard.js';

/**
 * Removes a method at the service; when its codes came from this device, its secret leaves
 * the keyring too. The service's answer decides: a refused removal keeps the secret.
 */
export const removeMethod: IpcHandler<'securityInfo.removeMethod'> = async (request, s) => {
  const session = sessionOf(s);
  if (isErr(session)) return session;
  const result = await s.client.call('removeMethod', request, session.token);
  if (!result.ok) return result;
  const here = await s.keys.methodIdsOrNone(session.userId);
  if (here.has(request.methodId)) {
    try {
      await s.keys.remove(session.userId, request.methodId);
    } catch {
      // The method is gone at the service, so the secret left behind opens nothing; say so in the log.
      s.log('securityInfo.removeMethod: the keyring entry of a removed method could not be deleted');
    }
  }
  return ok({});
};

/** Renames an app or a key; the secret (here or at the service) is untouched. */
export const renameMethod: IpcHandler<'securityInfo.renameMethod'> = async (request, s) => {
  const session = sessionOf(s);
  if (isErr(session)) return session;
  const result = await s.client.call('renameMethod', request, session.token);
  if (!result.ok) return result;
  return ok(await markMethod(s, session.userId, result.data.method));
};

export const setDefaultMethod: IpcHandler<'securityInfo.setDefaultMethod'> = async (request, s) => {
  const session = sessionOf(s);
  if (isErr(session)) return session;
  return s.client.call('setDefaultMethod', request, session.token);
};
