import { err, ok } from '../../../contract/errors.js';
import type { IpcHandler } from './handler.js';
import { markGateMethods } from './on-this-device.js';

/** Reset and unlock share their gates; the mode decides what the passed gates allow. */
export const startReset: IpcHandler<'reset.start'> = async (request, s) => {
  s.state.clearReset();
  const result = await s.client.call('startReset', { userId: request.userId, mode: request.mode });
  if (!result.ok) return result;
  const { resetToken, required, expiresAt, methods, hidden, methodTypes } = result.data;
  s.state.reset = { token: resetToken, userId: request.userId };
  return ok({
    userId: request.userId,
    mode: request.mode,
    required,
    expiresAt,
    methods: await markGateMethods(s, request.userId, methods),
    ...(hidden ? { hidden, methodTypes: methodTypes ?? [] } : {}),
  });
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

/** More time for the reset the page warned about; the service caps how often (WCAG 2.2.1). */
export const extendReset: IpcHandler<'reset.extend'> = async (_request, s) => {
  if (!s.state.reset) return err('RESET_EXPIRED', 'Start the reset again');
  const result = await s.client.call('extendReset', {}, s.state.reset.token);
  if (!result.ok && result.error.code === 'RESET_EXPIRED') s.state.clearReset();
  return result;
};

/** The unlock's last step: the directory lifts its lockout; the token is spent (no sign-in follows). */
export const unlockAccount: IpcHandler<'reset.unlock'> = async (_request, s) => {
  if (!s.state.reset) return err('RESET_EXPIRED', 'Start again');
  const result = await s.client.call('unlockAccount', {}, s.state.reset.token);
  if (result.ok || result.error.code === 'RESET_EXPIRED') s.state.clearReset();
  return result;
};
