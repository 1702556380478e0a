import { err, ok } from '../../../../contract/errors.js';
import type { PresenceResult } from '../../authenticator/user-presence.js';
import { presenceReason } from '../../authenticator/presence-reason.js';
import { thisDeviceStatus } from '../../authenticator/this-device-status.js';
import { currentCode } from '../../authenticator/totp-code.js';
import { vaultFailure } from '../../authenticator/vault-failure.js';
import type { Services } from '../../services.js';
import type { IpcHandler } from '../handler.js';

/** Whose method this is: the user of the reset in progress, or the signed-in user. */
async function ownerOf(s: Services, methodId: string): Promise<string | null> {
  const candidates = [s.state.reset?.userId, s.state.userId].filter((u): u is string => typeof u === 'string');
  for (const userId of candidates) {
    if ((await s.keys.methodIdsOrNone(userId)).has(methodId)) return userId;
  }
  return null;
}

async function askPresence(s: Services): Promise<PresenceResult> {
  try {
    const answer = await s.presence.confirm(presenceReason[s.language.current()]);
    // Anything but the four words is an error, never a yes.
    return answer === 'success' || answer === 'cancelled' || answer === 'unavailable' ? answer : 'error';
  } catch {
    return 'error';
  }
}

/**
 * A code of this device's authenticator, for the second factor or a reset gate. Only while
 * a sign-in or a reset is in progress, only for that user's methods on this device, and only
 * after the OS said the user is present: a cancelled, unavailable or failed check returns
 * its outcome and no code.
 */
export const getThisDeviceCode: IpcHandler<'thisDevice.getCode'> = async ({ methodId }, s) => {
  if (!s.state.sessionToken && !s.state.reset) return err('UNAUTHORIZED', 'Sign in or start a reset first');
  const userId = await ownerOf(s, methodId);
  if (!userId) return err('METHOD_NOT_AVAILABLE', 'This method is not on this device');
  const status = await thisDeviceStatus(s);
  if (!status.available) return ok({ outcome: 'unavailable' });

  const presence = await askPresence(s);
  if (presence !== 'success') return ok({ outcome: presence });

  let secret: string | null;
  let params;
  try {
    params = (await s.keys.methods(userId))[methodId];
    secret = await s.keys.secret(userId, methodId);
  } catch (cause) {
    return vaultFailure(cause);
  }
  if (!secret || !params) return err('METHOD_NOT_AVAILABLE', 'This method is not on this device');
  const code = await currentCode(secret, params, s.now());
  return ok({ outcome: 'success', ...code });
};
