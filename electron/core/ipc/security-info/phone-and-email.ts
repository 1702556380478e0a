import type { ApiData } from '../../../../contract/api.js';
import { err, ok, type Result } from '../../../../contract/errors.js';
import type { IpcHandler } from '../handler.js';
import { markMethod } from '../on-this-device.js';
import { isErr, sessionOf } from '../session-guard.js';
import type { SetupKind } from '../../session/session-state.js';
import type { Services } from '../../services.js';

/**
 * Phones (text or call) and alternate emails: the service sends a code to the new number or
 * address; the setup id stays here, one per kind. Calling begin again resends: the new
 * setup replaces the old one of its kind, and leaves the other kind's alone.
 */
async function begin(s: Services, kind: SetupKind, call: (token: string) => Promise<Result<ApiData<'beginPhone' | 'beginEmail'>>>) {
  const session = sessionOf(s);
  if (isErr(session)) return session;
  const result = await call(session.token);
  if (!result.ok) return result;
  s.state.setSetup(kind, result.data.setupId);
  const { sentTo, expiresAt, digits } = result.data;
  return ok({ sentTo, expiresAt, digits });
}

async function confirm(s: Services, kind: SetupKind, code: string) {
  const session = sessionOf(s);
  if (isErr(session)) return session;
  const setupId = s.state.setupId(kind);
  if (!setupId) return err('SETUP_EXPIRED', 'Start the setup again');
  const result = await s.client.call(kind === 'phone' ? 'confirmPhone' : 'confirmEmail', { setupId, code }, session.token);
  if (result.ok || result.error.code === 'SETUP_EXPIRED') s.state.clearSetup(kind);
  if (!result.ok) return result;
  return ok(await markMethod(s, session.userId, result.data.method));
}

export const beginPhone: IpcHandler<'securityInfo.beginPhone'> = (request, s) => begin(s, 'phone', (token) => s.client.call('beginPhone', request, token));
export const confirmPhone: IpcHandler<'securityInfo.confirmPhone'> = ({ code }, s) => confirm(s, 'phone', code);
export const beginEmail: IpcHandler<'securityInfo.beginEmail'> = (request, s) => begin(s, 'email', (token) => s.client.call('beginEmail', request, token));
export const confirmEmail: IpcHandler<'securityInfo.confirmEmail'> = ({ code }, s) => confirm(s, 'email', code);
