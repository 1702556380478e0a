/**
 * The JSON a browser posts after `navigator.credentials.create()` / `.get()` (as produced by
 * @simplewebauthn/browser's startRegistration / startAuthentication, or the native
 * PublicKeyCredential.toJSON()). Bounded so a hostile body cannot make the verifier parse
 * megabytes; every binary field is base64url without padding.
 *
 * zod only (no Node imports): contract code may import these later.
 */
import { z } from 'zod';

/** 16 KiB: far above any real clientDataJSON / attestationObject with attestation 'none'. */
export const WEBAUTHN_MAX_FIELD = 16 * 1024;
/** A credential id is at most 1023 bytes (WebAuthn L3) = 1364 base64url characters. */
export const WEBAUTHN_MAX_ID = 1400;

const base64url = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .regex(/^[A-Za-z0-9_-]+$/, 'base64url without padding');

export const webauthnTransports = ['ble', 'cable', 'hybrid', 'internal', 'nfc', 'smart-card', 'usb'] as const;

/** Extension outputs are opaque to us: an object with a few keys, kept bounded. */
const clientExtensionResults = z
  .record(z.string().max(64), z.unknown())
  .refine((o) => Object.keys(o).length <= 16, 'too many extension results')
  .refine((o) => JSON.stringify(o).length <= WEBAUTHN_MAX_FIELD, 'extension results too large');

const authenticatorAttachment = z.enum(['platform', 'cross-platform']).optional();

export const registrationResponseSchema = z.object({
  id: base64url(WEBAUTHN_MAX_ID),
  rawId: base64url(WEBAUTHN_MAX_ID),
  type: z.literal('public-key'),
  response: z.object({
    clientDataJSON: base64url(WEBAUTHN_MAX_FIELD),
    attestationObject: base64url(WEBAUTHN_MAX_FIELD),
    authenticatorData: base64url(WEBAUTHN_MAX_FIELD).optional(),
    /** Unknown transport names (newer browsers) are tolerated here and dropped by the verifier. */
    transports: z.array(z.string().max(32)).max(16).optional(),
    publicKeyAlgorithm: z.number().int().optional(),
    publicKey: base64url(WEBAUTHN_MAX_FIELD).optional(),
  }),
  authenticatorAttachment,
  clientExtensionResults,
});

export const authenticationResponseSchema = z.object({
  id: base64url(WEBAUTHN_MAX_ID),
  rawId: base64url(WEBAUTHN_MAX_ID),
  type: z.literal('public-key'),
  response: z.object({
    clientDataJSON: base64url(WEBAUTHN_MAX_FIELD),
    authenticatorData: base64url(WEBAUTHN_MAX_FIELD),
    signature: base64url(WEBAUTHN_MAX_FIELD),
    /** Absent, null or empty for non-discoverable credentials. */
    userHandle: z
      .string()
      .max(128)
      .regex(/^[A-Za-z0-9_-]*$/, 'base64url without padding')
      .nullable()
      .optional(),
  }),
  authenticatorAttachment,
  clientExtensionResults,
});

export type RegistrationResponseBody = z.infer<typeof registrationResponseSchema>;
export type AuthenticationResponseBody = z.infer<typeof authenticationResponseSchema>;
