import { err, ok } from '../../../../contract/errors.js';
import type { IpcHandler } from '../handler.js';
import { markMethod } from '../on-this-device.js';
import { isErr, sessionOf } from '../session-guard.js';

/**
 * Hands the renderer the QR payload to show once (for an app on another device); the setup
 * id stays here. The window is protected from capture while the QR can be on screen.
 */
export const beginAuthenticatorApp: IpcHandler<'securityInfo.beginAuthenticatorApp'> = async (_request, s) => {
  const session = sessionOf(s);
  if (isErr(session)) return session;
  const result = await s.client.call('beginAuthenticatorApp', {}, session.token);
  if (!result.ok) return result;
  s.state.setSetup('authenticatorApp', result.data.setupId);
  s.qrGuard.shown(Date.parse(result.data.expiresAt), s.now());
  const { otpauthUri, secret, issuer, accountName } = result.data;
  return ok({ otpauthUri, manualKey: secret, issuer, accountName });
};

export const confirmAuthenticatorApp: IpcHandler<'securityInfo.confirmAuthenticatorApp'> = async (request, s) => {
  const session = sessionOf(s);
  if (isErr(session)) return session;
  const setupId = s.state.setupId('authenticatorApp');
  if (!setupId) return err('SETUP_EXPIRED', 'Start the setup again');
  const result = await s.client.call('confirmAuthenticatorApp', { setupId, ...request }, session.token);
  if (result.ok || result.error.code === 'SETUP_EXPIRED') {
    s.state.clearSetup('authenticatorApp');
    s.qrGuard.hidden();
  }
  if (!result.ok) return result;
  return ok(await markMethod(s, session.userId, result.data.method));
};
