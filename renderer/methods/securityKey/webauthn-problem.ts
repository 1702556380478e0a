/** What went wrong with a WebAuthn ceremony, in terms a person can act on. */
export type WebAuthnProblem = 'cancelled' | 'alreadyRegistered' | 'security' | 'unsupported' | 'notSupported' | 'failed';

/**
 * Maps what @simplewebauthn/browser throws (a WebAuthnError carrying the DOMException's
 * name, or a plain Error when the browser has no WebAuthn) to a problem. NotAllowedError
 * covers both "cancelled" and "timed out": browsers deliberately don't tell them apart.
 */
export function webauthnProblem(error: unknown): WebAuthnProblem {
  // Duck-typed: a DOMException is not an Error everywhere (jsdom, older engines).
  if (typeof error !== 'object' || error === null || typeof (error as { name?: unknown }).name !== 'string') return 'failed';
  const { name, code, message } = error as { name: string; code?: unknown; message?: unknown };
  switch (name) {
    case 'NotAllowedError':
    case 'AbortError':
      return 'cancelled';
    case 'InvalidStateError':
      return 'alreadyRegistered';
    case 'SecurityError':
      return 'security';
    case 'NotSupportedError':
    case 'ConstraintError':
      return 'notSupported';
  }
  if (code === 'ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED') return 'alreadyRegistered';
  if (typeof message === 'string' && /not supported in this browser/i.test(message)) return 'unsupported';
  return 'failed';
}
