import { ok } from '../../../contract/errors.js';
import type { IpcHandler } from './handler.js';
import { markGateMethods } from './on-this-device.js';
import { endSession, isErr, sessionOf } from './session-guard.js';

export const signIn: IpcHandler<'session.signIn'> = async (request, s) => {
  endSession(s);
  const result = await s.client.call('signIn', request);
  if (!result.ok) return result;
  s.state.sessionToken = result.data.sessionToken;
  s.state.userId = result.data.user.userId;
  return ok({
    status: result.data.secondFactor === 'required' ? 'secondFactorRequired' : 'signedIn',
    user: result.data.user,
    secondFactorMethods: await markGateMethods(s, result.data.user.userId, result.data.secondFactorMethods),
  });
};

/** Sends a code, draws nothing (questions are never a second factor), or returns WebAuthn options. */
export const startSecondFactor: IpcHandler<'session.startSecondFactor'> = async (request, s) => {
  const session = sessionOf(s);
  if (isErr(session)) return session;
  return s.client.call('startSecondFactor', request, session.token);
};

export const verifySecondFactor: IpcHandler<'session.verifySecondFactor'> = async (request, s) => {
  const session = sessionOf(s);
  if (isErr(session)) return session;
  return s.client.call('verifySecondFactor', request, session.token);
};

export const signOut: IpcHandler<'session.signOut'> = async (_request, s) => {
  const token = s.state.sessionToken;
  endSession(s);
  // Signing out locally always succeeds; telling the directory is best effort.
  if (token) await s.client.call('signOut', {}, token);
  return ok({});
};
