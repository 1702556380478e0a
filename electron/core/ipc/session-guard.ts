import { err, type Err } from '../../../contract/errors.js';
import type { Services } from '../services.js';

/** The session token, or the error every security-info channel answers without one. */
export function sessionOf(s: Pick<Services, 'state'>): { token: string; userId: string } | Err {
  const { sessionToken, userId } = s.state;
  if (!sessionToken || !userId) return err('UNAUTHORIZED', 'Sign in first');
  return { token: sessionToken, userId };
}

export const isErr = (value: object): value is Err => 'ok' in value && value.ok === false;

/** End the session on the main side: its tokens and setups are forgotten, the QR guard lifts. */
export function endSession(s: Pick<Services, 'state' | 'qrGuard'>): void {
  s.state.clearSession();
  s.qrGuard.hidden();
}
