/**
 * A software security key for API tests that need real WebAuthn assertions without a
 * browser: an ES256 (P-256) key pair made here, assertions built as an authenticator builds
 * them (authenticator data with user presence and verification, the client data, a DER
 * signature over both), verified by the service's real @simplewebauthn/server path. A
 * forged assertion is the same structure signed by another key: the verifier does the whole
 * signature check and refuses it.
 */
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { isoCBOR } from '@simplewebauthn/server/helpers';
import type { PasskeyCredential } from '../../server/verifiers/webauthn.js';

/** What `navigator.credentials.get()` gives as JSON (a type, not an interface: the API's schema is an open record). */
export type Assertion = {
  id: string;
  rawId: string;
  type: 'public-key';
  response: { clientDataJSON: string; authenticatorData: string; signature: string };
  clientExtensionResults: Record<string, unknown>;
};

export interface SoftAuthenticator {
  /** What the service stores at registration (public key as COSE, base64url). */
  credential: PasskeyCredential;
  /** An assertion for `challenge` (base64url, from the options); `forged`: signed by a stranger's key. */
  assert(challenge: string, options?: { forged?: boolean }): Assertion;
}

const b64 = (b: Uint8Array | Buffer) => Buffer.from(b).toString('base64url');

function coseOf(publicKey: KeyObject): Uint8Array {
  const jwk = publicKey.export({ format: 'jwk' });
  // COSE_Key EC2: kty 2, alg -7 (ES256), crv 1 (P-256), x, y.
  return isoCBOR.encode(
    new Map<number, number | Uint8Array>([
      [1, 2],
      [3, -7],
      [-1, 1],
      [-2, new Uint8Array(Buffer.from(jwk.x!, 'base64url'))],
      [-3, new Uint8Array(Buffer.from(jwk.y!, 'base64url'))],
    ]),
  );
}

export function softAuthenticator(rpId = 'localhost', origin = 'http://localhost:5173'): SoftAuthenticator {
  const own = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const stranger = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const credentialId = b64(randomBytes(16));
  let counter = 0;
  return {
    credential: { credentialId, publicKey: b64(coseOf(own.publicKey)), counter: 0 },
    assert(challenge, options = {}) {
      counter += 1;
      const clientDataJSON = Buffer.from(JSON.stringify({ type: 'webauthn.get', challenge, origin, crossOrigin: false }));
      const count = Buffer.alloc(4);
      count.writeUInt32BE(counter);
      // rpIdHash | flags (UP 0x01, UV 0x04) | signCount
      const authenticatorData = Buffer.concat([createHash('sha256').update(rpId).digest(), Buffer.from([0x05]), count]);
      const signed = Buffer.concat([authenticatorData, createHash('sha256').update(clientDataJSON).digest()]);
      const signature = sign('sha256', signed, (options.forged ? stranger : own).privateKey);
      return {
        id: credentialId,
        rawId: credentialId,
        type: 'public-key',
        response: { clientDataJSON: b64(clientDataJSON), authenticatorData: b64(authenticatorData), signature: b64(signature) },
        clientExtensionResults: {},
      };
    },
  };
}
