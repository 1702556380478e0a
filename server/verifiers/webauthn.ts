/**
 * Security key / passkey (FIDO2, WebAuthn) verifier: pure functions over @simplewebauthn/server.
 * No store, no HTTP — the API routes keep the challenge (SetupRecord.challenge,
 * ChallengeRecord of kind webauthn), take it once (single use), and persist the credential.
 *
 * POLICY.md: challenge ≥ 64 bits (we use 256), unique, single use; user verification required.
 *
 * Every verify* function takes the client's JSON unvalidated and never throws: anything
 * malformed, foreign or forged comes back as `{ ok: false, reason }` with a short,
 * machine-readable reason (audit detail, never shown verbatim to the user).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { AuthenticationResponseJSON, PublicKeyCredentialCreationOptionsJSON, PublicKeyCredentialRequestOptionsJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import { authenticationResponseSchema, registrationResponseSchema, webauthnTransports } from './webauthn-schemas.js';

/**
 * @simplewebauthn/server and its ASN.1 / X.509 stack (~0.6 MB of the service's bundle) load on
 * the first security-key request, not at start: most starts never see one before they listen.
 */
const simpleWebAuthn = () => import('@simplewebauthn/server');

export type { PublicKeyCredentialCreationOptionsJSON, PublicKeyCredentialRequestOptionsJSON };

export interface WebAuthnConfig {
  /** The registrable domain the credentials are scoped to, e.g. 'sspr.contoso.com' or 'localhost'. */
  rpId: string;
  /** Shown by some authenticators when creating a credential. */
  rpName: string;
  /** Exact origins the browser may report (scheme://host[:port]), e.g. ['https://sspr.contoso.com']. */
  origins: string[];
}

export interface PasskeyCredential {
  /** base64url (no padding) of the raw credential id. */
  credentialId: string;
  /** base64url (no padding) of the COSE public key. */
  publicKey: string;
  /** Signature counter last seen (0 for authenticators without counters, e.g. most passkeys). */
  counter: number;
  transports?: string[];
}

export type WebAuthnFailureReason =
  | 'malformed' // the body is not a WebAuthn response of the expected shape
  | 'challenge' // not the challenge we issued (stale, replayed, or from another ceremony)
  | 'origin' // the browser reported an origin not in config.origins
  | 'rp-id' // authenticator data is scoped to another RP ID
  | 'user-presence'
  | 'user-verification' // UV flag not set: POLICY.md requires user verification
  | 'algorithm' // a public-key algorithm we do not accept
  | 'credential' // a response for another credential than the one expected
  | 'counter' // signature counter did not advance: possible cloned authenticator
  | 'signature' // the signature / attestation does not verify
  | 'invalid'; // anything else the library refused

export type WebAuthnFailure = { ok: false; reason: WebAuthnFailureReason };

/** COSE algorithm ids: EdDSA (-8), ES256 (-7), RS256 (-257). */
export const SUPPORTED_ALGORITHMS: readonly number[] = [-8, -7, -257];
/** 256 bits: POLICY.md asks ≥ 64. */
export const CHALLENGE_BYTES = 32;
/** How long the browser lets the user answer the prompt. Keep the stored challenge alive at least this long. */
export const CEREMONY_TIMEOUT_MS = 120_000;

const knownTransports = new Set<string>(webauthnTransports);
const cleanTransports = (t: readonly string[] | undefined): string[] | undefined => {
  const kept = (t ?? []).filter((x) => knownTransports.has(x));
  return kept.length > 0 ? [...new Set(kept)] : undefined;
};

/**
 * The WebAuthn user handle for an account: stable, opaque, not personal data (the spec forbids
 * e-mail addresses or user names here — authenticators may show or sync it). SHA-256 of a
 * domain-separated string, 32 bytes.
 */
export const webauthnUserHandle = (userId: string): Uint8Array<ArrayBuffer> =>
  new Uint8Array(createHash('sha256').update(`sign-in-helper/webauthn-user/v1\0${userId}`).digest());

const freshChallenge = (): Uint8Array<ArrayBuffer> => new Uint8Array(randomBytes(CHALLENGE_BYTES));

const b64urlToBytes = (s: string): Uint8Array<ArrayBuffer> => new Uint8Array(Buffer.from(s, 'base64url'));
const bytesToB64url = (b: Uint8Array): string => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('base64url');

/** Map a library refusal to a stable reason; the library reports problems by throwing Error with prose. */
function reasonOf(error: unknown): WebAuthnFailureReason {
  const message = error instanceof Error ? error.message : '';
  if (/challenge/i.test(message)) return 'challenge';
  if (/top origin|origin "/i.test(message)) return 'origin';
  if (/RP ?ID/i.test(message)) return 'rp-id';
  if (/user verification/i.test(message)) return 'user-verification';
  if (/user (was )?not present|user presence/i.test(message)) return 'user-presence';
  if (/counter/i.test(message)) return 'counter';
  if (/alg/i.test(message)) return 'algorithm';
  if (/signature/i.test(message)) return 'signature';
  return 'invalid';
}

/**
 * Options for `navigator.credentials.create()` (send `options` to the browser as-is) and the
 * challenge to keep server side (base64url; store it, take it once at verification).
 */
export async function registrationOptions(
  config: WebAuthnConfig,
  user: { userId: string; displayName: string; /** Shown in passkey pickers; defaults to displayName. */ userName?: string },
  existing: PasskeyCredential[],
  /** `platform`: this device's own authenticator; `cross-platform`: a USB/NFC key or a phone; absent: any. */
  attachment?: 'platform' | 'cross-platform',
): Promise<{ options: PublicKeyCredentialCreationOptionsJSON; challenge: string }> {
  const options = await (await simpleWebAuthn()).generateRegistrationOptions({
    rpName: config.rpName,
    rpID: config.rpId,
    userID: webauthnUserHandle(user.userId),
    userName: user.userName ?? user.displayName,
    userDisplayName: user.displayName,
    challenge: freshChallenge(),
    timeout: CEREMONY_TIMEOUT_MS,
    attestationType: 'none',
    excludeCredentials: existing.map((c) => ({ id: c.credentialId, transports: cleanTransports(c.transports) })),
    authenticatorSelection: { residentKey: 'preferred', userVerification: 'required', ...(attachment ? { authenticatorAttachment: attachment } : {}) },
    supportedAlgorithmIDs: [...SUPPORTED_ALGORITHMS],
  });
  return { options, challenge: options.challenge };
}

/** Verify what `navigator.credentials.create()` returned (as JSON). Never throws. */
export async function verifyRegistration(
  config: WebAuthnConfig,
  expectedChallenge: string,
  response: unknown,
): Promise<{ ok: true; credential: PasskeyCredential; aaguid?: string } | WebAuthnFailure> {
  const parsed = registrationResponseSchema.safeParse(response);
  if (!parsed.success || typeof expectedChallenge !== 'string' || expectedChallenge.length === 0) return { ok: false, reason: 'malformed' };
  const body = parsed.data;
  if (body.id !== body.rawId) return { ok: false, reason: 'malformed' };
  try {
    const result = await (await simpleWebAuthn()).verifyRegistrationResponse({
      response: body as RegistrationResponseJSON,
      expectedChallenge,
      expectedOrigin: config.origins,
      expectedRPID: config.rpId,
      requireUserPresence: true,
      requireUserVerification: true,
      supportedAlgorithmIDs: [...SUPPORTED_ALGORITHMS],
    });
    if (!result.verified) return { ok: false, reason: 'signature' };
    const { credential, aaguid } = result.registrationInfo;
    // The id the client claims must be the one inside the (attested) authenticator data.
    if (credential.id !== body.id) return { ok: false, reason: 'credential' };
    const transports = cleanTransports(body.response.transports);
    return {
      ok: true,
      credential: {
        credentialId: credential.id,
        publicKey: bytesToB64url(credential.publicKey),
        counter: credential.counter,
        ...(transports ? { transports } : {}),
      },
      ...(aaguid && !/^0{8}-0{4}-0{4}-0{4}-0{12}$/.test(aaguid) ? { aaguid } : {}),
    };
  } catch (error) {
    return { ok: false, reason: reasonOf(error) };
  }
}

/**
 * Options for `navigator.credentials.get()`. `allow` empty = discoverable (usernameless) sign-in;
 * the routes here always know the account, so pass its registered keys.
 */
export async function authenticationOptions(
  config: WebAuthnConfig,
  allow: PasskeyCredential[],
): Promise<{ options: PublicKeyCredentialRequestOptionsJSON; challenge: string }> {
  const options = await (await simpleWebAuthn()).generateAuthenticationOptions({
    rpID: config.rpId,
    allowCredentials: allow.map((c) => ({ id: c.credentialId, transports: cleanTransports(c.transports) })),
    challenge: freshChallenge(),
    timeout: CEREMONY_TIMEOUT_MS,
    userVerification: 'required',
  });
  return { options, challenge: options.challenge };
}

/**
 * Verify what `navigator.credentials.get()` returned, against the one credential the caller
 * expects. Never throws. On success persist `newCounter` with a compare-and-set
 * (Store.advanceCounter) — that, not this function, closes the race between two requests.
 */
export async function verifyAuthentication(
  config: WebAuthnConfig,
  expectedChallenge: string,
  credential: PasskeyCredential,
  response: unknown,
): Promise<{ ok: true; newCounter: number } | WebAuthnFailure> {
  const parsed = authenticationResponseSchema.safeParse(response);
  if (!parsed.success || typeof expectedChallenge !== 'string' || expectedChallenge.length === 0) return { ok: false, reason: 'malformed' };
  const body = parsed.data;
  if (body.id !== body.rawId) return { ok: false, reason: 'malformed' };
  if (body.id !== credential.credentialId) return { ok: false, reason: 'credential' };
  const stored = Number.isSafeInteger(credential.counter) && credential.counter > 0 ? credential.counter : 0;
  try {
    const { userHandle, ...rest } = body.response;
    const result = await (await simpleWebAuthn()).verifyAuthenticationResponse({
      response: { ...body, response: { ...rest, ...(userHandle ? { userHandle } : {}) } } as AuthenticationResponseJSON,
      expectedChallenge,
      expectedOrigin: config.origins,
      expectedRPID: config.rpId,
      // Counter 0 here on purpose: the library checks the counter before the signature, so a
      // forged response could be reported as a clone. We compare below, after the signature.
      credential: { id: credential.credentialId, publicKey: b64urlToBytes(credential.publicKey), counter: 0, transports: credential.transports },
      requireUserVerification: true,
    });
    if (!result.verified) return { ok: false, reason: 'signature' };
    const { newCounter, userVerified } = result.authenticationInfo;
    if (!userVerified) return { ok: false, reason: 'user-verification' };
    // Clone detection (WebAuthn §6.1.1): a counter that is in use must strictly advance.
    if ((newCounter > 0 || stored > 0) && newCounter <= stored) return { ok: false, reason: 'counter' };
    return { ok: true, newCounter };
  } catch (error) {
    return { ok: false, reason: reasonOf(error) };
  }
}
