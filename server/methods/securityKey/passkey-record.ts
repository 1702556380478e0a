import type { ServiceContext } from '../../service-context.js';
import type { StoredMethodOf } from '../../store/store.js';
import type { PasskeyCredential } from '../../verifiers/webauthn.js';

/** A stored security key as the WebAuthn verifier needs it (public key unsealed). */
export function passkeyOf(ctx: Pick<ServiceContext, 'box'>, method: StoredMethodOf<'securityKey'>): PasskeyCredential {
  return {
    credentialId: method.credentialId,
    publicKey: method.secret ? ctx.box.open(method.secret) : '',
    counter: method.counter,
    ...(method.transports ? { transports: method.transports } : {}),
  };
}

/** The stored form of a newly registered passkey: the public key sealed, the rest as it is. */
export function passkeyFields(ctx: Pick<ServiceContext, 'box'>, credential: PasskeyCredential): Pick<StoredMethodOf<'securityKey'>, 'secret' | 'counter' | 'credentialId' | 'transports'> {
  return {
    secret: ctx.box.seal(credential.publicKey),
    counter: credential.counter,
    credentialId: credential.credentialId,
    ...(credential.transports ? { transports: credential.transports } : {}),
  };
}
