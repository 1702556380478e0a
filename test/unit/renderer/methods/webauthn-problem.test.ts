import { WebAuthnError } from '@simplewebauthn/browser';
import { describe, expect, it } from 'vitest';
import { webauthnProblem } from '../../../../renderer/methods/securityKey/webauthn-problem';

const thrown = (name: string, code: ConstructorParameters<typeof WebAuthnError>[0]['code'] = 'ERROR_PASSTHROUGH_SEE_CAUSE_PROPERTY') =>
  new WebAuthnError({ message: name, code, cause: new DOMException('x', name) });

describe('WebAuthn errors, as @simplewebauthn/browser throws them', () => {
  it('maps each to what a person can do', () => {
    expect(webauthnProblem(thrown('NotAllowedError'))).toBe('cancelled');
    expect(webauthnProblem(thrown('AbortError', 'ERROR_CEREMONY_ABORTED'))).toBe('cancelled');
    expect(webauthnProblem(thrown('InvalidStateError', 'ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED'))).toBe('alreadyRegistered');
    expect(webauthnProblem(thrown('SecurityError', 'ERROR_INVALID_RP_ID'))).toBe('security');
    expect(webauthnProblem(thrown('NotSupportedError', 'ERROR_AUTHENTICATOR_NO_SUPPORTED_PUBKEYCREDPARAMS_ALG'))).toBe('notSupported');
    expect(webauthnProblem(new Error('WebAuthn is not supported in this browser'))).toBe('unsupported');
    expect(webauthnProblem(new DOMException('raw', 'NotAllowedError'))).toBe('cancelled');
    expect(webauthnProblem(thrown('UnknownError', 'ERROR_AUTHENTICATOR_GENERAL_ERROR'))).toBe('failed');
    expect(webauthnProblem('nope')).toBe('failed');
  });
});
