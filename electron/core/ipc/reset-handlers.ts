import { err, ok } from '../../../contract/errors.js';
import type { IpcHandler } from './handler.js';
import { markGateMethods } from './on-this-device.js';

export const startReset: IpcHandler<'reset.start'> = async (request, s) => {
  s.state.clearReset();
  const result = await s.client.call('startReset', request);
  if (!result.ok) return result;
  s.state.reset = { token: result.data.resetToken, userId: request.userId };
  return ok({ userId: request.userId, required: result.data.required, methods: await markGateMethods(s, request.userId, result.data.methods) });
};

/** Sends a code, draws questions, or returns WebAuthn options for one gate. */
export const startResetChallenge: IpcHandler<'reset.startChallenge'> = async (request, s) => {
  if (!s.state.reset) return err('RESET_EXPIRED', 'Start the reset again');
  return s.client.call('startResetChallenge', request, s.state.reset.token);
};

export const verifyReset: IpcHandler<'reset.verify'> = async (request, s) => {
  if (!s.state.reset) return err('RESET_EXPIRED', 'Start the reset again');
  return s.client.call('verifyReset', request, s.state.reset.token);
};

export const setNewPassword: IpcHandler<'reset.setPassword'> = async (request, s) => {
  if (!s.state.reset) return err('RESET_EXPIRED', 'Start the reset again');
  const result = await s.client.call('completeReset', request, s.state.reset.token);
  if (!result.ok) {
    if (result.error.code === 'RESET_EXPIRED') s.state.clearReset();
    return result;
  }
  // Single use, and no automatic sign-in afterwards.
  s.state.clearReset();
  return ok({});
};

export const cancelReset: IpcHandler<'reset.cancel'> = async (_request, s) => {
  s.state.clearReset();
  return ok({});
};
