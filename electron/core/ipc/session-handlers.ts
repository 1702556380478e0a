import { err, ok } from '../../../contract/errors.js';
import { appCanVerify } from './app-capabilities.js';
import type { IpcHandler } from './handler.js';

export const signIn: IpcHandler<'session.signIn'> = async (request, s) => {
  s.state.clearSession();
  const result = await s.client.call('signIn', request);
  if (!result.ok) return result;
  s.state.sessionToken = result.data.sessionToken;
  return ok({
    status: result.data.secondFactor === 'required' ? 'secondFactorRequired' : 'signedIn',
    user: result.data.user,
    secondFactorMethods: appCanVerify(result.data.secondFactorMethods),
  });
};

export const verifySecondFactor: IpcHandler<'session.verifySecondFactor'> = async (request, s) => {
  if (!s.state.sessionToken) return err('UNAUTHORIZED', 'Sign in first');
  return s.client.call('verifySecondFactor', request, s.state.sessionToken);
};

export const signOut: IpcHandler<'session.signOut'> = async (_request, s) => {
  const token = s.state.sessionToken;
  s.state.clearSession();
  // Signing out locally always succeeds; telling the directory is best effort.
  if (token) await s.client.call('signOut', {}, token);
  return ok({});
};
