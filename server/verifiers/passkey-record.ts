import type { ServiceContext } from '../service-context.js';
import type { StoredMethod } from '../store/store.js';
import type { PasskeyCredential } from './webauthn.js';

/** A stored security-key method as the WebAuthn verifier needs it (public key unsealed). */
export function passkeyOf(ctx: Pick<ServiceContext, 'box'>, method: StoredMethod): PasskeyCredential {
  const data = JSON.parse(method.data ?? '{}') as { credentialId?: string; transports?: string[] };
  return {
    credentialId: data.credentialId ?? '',
    publicKey: method.secret ? ctx.box.open(method.secret) : '',
    counter: method.counter ?? 0,
    ...(data.transports ? { transports: data.transports } : {}),
  };
}

/** The stored form of a newly registered passkey. */
export function passkeyFields(ctx: Pick<ServiceContext, 'box'>, credential: PasskeyCredential): Pick<StoredMethod, 'secret' | 'counter' | 'data'> {
  return {
    secret: ctx.box.seal(credential.publicKey),
    counter: credential.counter,
    data: JSON.stringify({ credentialId: credential.credentialId, ...(credential.transports ? { transports: credential.transports } : {}) }),
  };
}
