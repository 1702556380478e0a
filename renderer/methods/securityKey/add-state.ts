import type { RegistrationResponseJSON } from '@simplewebauthn/browser';
import type { ErrorInfo } from '../../../contract/errors';
import type { WebAuthnProblem } from './webauthn-problem';

export type Attachment = 'platform' | 'cross-platform';

/**
 * Adding a security key or passkey: choose where it lives → the browser's prompt → name it.
 * `platform` is null while the browser is asked whether this device has its own authenticator.
 */
export type SecurityKeyState =
  | { step: 'choose'; supported: boolean; platform: boolean | null; loading: boolean; problem: WebAuthnProblem | null; error: ErrorInfo | null }
  | { step: 'name'; attachment: Attachment; response: RegistrationResponseJSON; loading: boolean; error: ErrorInfo | null };

export type SecurityKeyAction =
  | { type: 'platform'; available: boolean }
  | { type: 'working' }
  | { type: 'problem'; problem: WebAuthnProblem }
  | { type: 'failed'; error: ErrorInfo }
  | { type: 'registered'; attachment: Attachment; response: RegistrationResponseJSON }
  /** The service refused the key's answer (e.g. the key was never touched: no user presence). */
  | { type: 'rejected' }
  | { type: 'startOver' };

export const initialSecurityKey = (supported: boolean): Extract<SecurityKeyState, { step: 'choose' }> => ({ step: 'choose', supported, platform: supported ? null : false, loading: false, problem: supported ? null : 'unsupported', error: null });

export function securityKeyReducer(state: SecurityKeyState, action: SecurityKeyAction): SecurityKeyState {
  switch (action.type) {
    case 'platform':
      return state.step === 'choose' ? { ...state, platform: action.available } : state;
    case 'working':
      return state.step === 'choose' ? { ...state, loading: true, error: null, problem: null } : { ...state, loading: true, error: null };
    case 'problem':
      return state.step === 'choose' ? { ...state, loading: false, problem: action.problem } : state;
    case 'failed':
      return { ...state, loading: false, error: action.error };
    case 'registered':
      return { step: 'name', attachment: action.attachment, response: action.response, loading: false, error: null };
    case 'rejected':
      // Back to the choice, saying what the person can do: touch the key when asked. The
      // service's generic "code not valid" would talk about codes nobody typed.
      return { ...initialSecurityKey(true), platform: null, problem: 'cancelled' };
    case 'startOver':
      return { ...initialSecurityKey(true), platform: state.step === 'choose' ? state.platform : null };
  }
}
