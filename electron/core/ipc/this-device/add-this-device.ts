import { err, ok } from '../../../../contract/errors.js';
import { thisDeviceStatus } from '../../authenticator/this-device-status.js';
import { currentCode, totpParamsSchema } from '../../authenticator/totp-code.js';
import { vaultFailure } from '../../authenticator/vault-failure.js';
import type { IpcHandler } from '../handler.js';
import { isErr, sessionOf } from '../session-guard.js';

/**
 * This device becomes an authenticator app: the core begins an authenticator-app setup at
 * the service, keeps the secret in the OS keyring and nowhere else, proves the setup with
 * the code it computes itself, and answers with the new method only. The secret never
 * reaches the renderer, a file or a log; no QR is shown, so no content protection either.
 *
 * The keyring is written before the service is told (a keyring that refuses to store fails
 * the setup, which then expires unused); if the final write still fails after the confirm,
 * the method is removed again so nobody is left with a method whose secret is gone.
 */
export const addThisDevice: IpcHandler<'thisDevice.add'> = async ({ name }, s) => {
  const session = sessionOf(s);
  if (isErr(session)) return session;
  const status = await thisDeviceStatus(s);
  if (!status.available) return err('NOT_AVAILABLE', `This device cannot be an authenticator here (${status.reason})`);

  const setup = await s.client.call('beginAuthenticatorApp', {}, session.token);
  if (!setup.ok) return setup;
  const { setupId, secret } = setup.data;
  const params = totpParamsSchema.safeParse({ algorithm: setup.data.algorithm, digits: setup.data.digits, period: setup.data.period });
  if (!params.success) return err('DIRECTORY_BAD_RESPONSE', 'The directory asked for codes this device cannot make');

  const pendingId = `pending-${setupId}`;
  try {
    await s.keys.save(session.userId, pendingId, secret, params.data);
  } catch (cause) {
    return vaultFailure(cause);
  }
  const { code } = await currentCode(secret, params.data, s.now());
  const confirmed = await s.client.call('confirmAuthenticatorApp', { setupId, code, name }, session.token);
  if (!confirmed.ok) {
    await s.keys.remove(session.userId, pendingId).catch(() => undefined);
    return confirmed;
  }
  const methodId = confirmed.data.method.id;
  try {
    await s.keys.save(session.userId, methodId, secret, params.data);
  } catch (cause) {
    await s.client.call('removeMethod', { methodId }, session.token);
    return vaultFailure(cause);
  } finally {
    await s.keys.remove(session.userId, pendingId).catch(() => undefined);
  }
  return ok({ method: { ...confirmed.data.method, onThisDevice: true } });
};
