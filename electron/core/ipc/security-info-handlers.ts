import { err, ok } from '../../../contract/errors.js';
import { appVerifiableTypes } from './app-capabilities.js';
import type { IpcHandler } from './handler.js';

export const getSecurityInfo: IpcHandler<'securityInfo.get'> = async (_request, s) => {
  if (!s.state.sessionToken) return err('UNAUTHORIZED', 'Sign in first');
  const result = await s.client.call('getSecurityInfo', {}, s.state.sessionToken);
  if (!result.ok) return result;
  const { methods, enabled, canAdd } = result.data;
  return ok({ methods, enabled, canAdd: canAdd.filter((t) => appVerifiableTypes.has(t)) });
};

/** Hands the renderer the QR payload to show once; the setup id stays here. */
export const beginAuthenticatorApp: IpcHandler<'securityInfo.beginAuthenticatorApp'> = async (_request, s) => {
  if (!s.state.sessionToken) return err('UNAUTHORIZED', 'Sign in first');
  const result = await s.client.call('beginAuthenticatorApp', {}, s.state.sessionToken);
  if (!result.ok) return result;
  s.state.setupId = result.data.setupId;
  const { otpauthUri, secret, issuer, accountName } = result.data;
  return ok({ otpauthUri, manualKey: secret, issuer, accountName });
};

export const confirmAuthenticatorApp: IpcHandler<'securityInfo.confirmAuthenticatorApp'> = async (request, s) => {
  if (!s.state.sessionToken) return err('UNAUTHORIZED', 'Sign in first');
  if (!s.state.setupId) return err('SETUP_EXPIRED', 'Start the setup again');
  const result = await s.client.call('confirmAuthenticatorApp', { setupId: s.state.setupId, ...request }, s.state.sessionToken);
  if (result.ok || result.error.code === 'SETUP_EXPIRED') s.state.setupId = null;
  return result;
};
