/**
 * The WebAuthn verifier without a browser: challenges (POLICY.md: ≥ 64 bits, unique), the
 * options it hands out, and hostile input (never a throw, always ok:false).
 */
import { describe, expect, it } from 'vitest';
import { authenticationResponseSchema, registrationResponseSchema } from '../../../server/verifiers/webauthn-schemas.js';
import {
  authenticationOptions,
  registrationOptions,
  verifyAuthentication,
  verifyRegistration,
  webauthnUserHandle,
  type PasskeyCredential,
  type WebAuthnConfig,
} from '../../../server/verifiers/webauthn.js';

const config: WebAuthnConfig = { rpId: 'localhost', rpName: 'Sign-in Helper (test)', origins: ['http://localhost:3001'] };
const user = { userId: 'alain@contoso.com', displayName: 'Alain Charon' };
const b64 = (bytes: number, fill = 7) => Buffer.alloc(bytes, fill).toString('base64url');
const credential: PasskeyCredential = { credentialId: b64(16, 1), publicKey: b64(77, 2), counter: 3, transports: ['usb'] };
const challenge = b64(32, 9);

describe('challenges and options', () => {
  it('registration and authentication challenges are ≥ 32 random bytes and unique over 100 calls', async () => {
    const seen = new Set<string>();
    for (let i = 0; i < 100; i++) {
      const reg = await registrationOptions(config, user, []);
      const auth = await authenticationOptions(config, [credential]);
      for (const { options, challenge: c } of [reg, auth]) {
        expect(c).toBe(options.challenge);
        expect(c).toMatch(/^[A-Za-z0-9_-]+$/);
        expect(Buffer.from(c, 'base64url').length).toBeGreaterThanOrEqual(32);
        seen.add(c);
      }
    }
    expect(seen.size).toBe(200);
  });

  it('registration options: UV required, resident key preferred, no attestation, ES256/RS256/EdDSA, existing keys excluded, hashed user id', async () => {
    const { options } = await registrationOptions(config, user, [credential]);
    expect(options.rp).toEqual({ id: 'localhost', name: 'Sign-in Helper (test)' });
    expect(options.authenticatorSelection).toMatchObject({ userVerification: 'required', residentKey: 'preferred', requireResidentKey: false });
    expect(options.attestation).toBe('none');
    expect(options.pubKeyCredParams.map((p) => p.alg).sort((a, b) => a - b)).toEqual([-257, -8, -7]);
    expect(options.excludeCredentials).toEqual([{ id: credential.credentialId, type: 'public-key', transports: ['usb'] }]);
    expect(options.user.displayName).toBe('Alain Charon');
    // The user handle: stable, 32 bytes, not the e-mail.
    const handle = Buffer.from(options.user.id, 'base64url');
    expect(handle).toHaveLength(32);
    expect(handle.toString('latin1')).not.toContain('alain');
    expect(options.user.id).toBe((await registrationOptions(config, user, [])).options.user.id);
    expect(Buffer.from(webauthnUserHandle(user.userId)).toString('base64url')).toBe(options.user.id);
    expect(Buffer.from(webauthnUserHandle('megan@contoso.com')).toString('base64url')).not.toBe(options.user.id);
  });

  it('authentication options: UV required, only the given credentials allowed', async () => {
    const { options } = await authenticationOptions(config, [credential, { ...credential, credentialId: b64(16, 5), transports: ['bogus'] }]);
    expect(options.rpId).toBe('localhost');
    expect(options.userVerification).toBe('required');
    expect(options.allowCredentials).toEqual([
      { id: credential.credentialId, type: 'public-key', transports: ['usb'] },
      { id: b64(16, 5), type: 'public-key' },
    ]);
  });
});

describe('hostile input: ok:false, never a throw', () => {
  const validShapeRegistration = {
    id: credential.credentialId,
    rawId: credential.credentialId,
    type: 'public-key',
    response: { clientDataJSON: b64(120), attestationObject: b64(300), transports: ['usb'] },
    clientExtensionResults: {},
  };
  const validShapeAuthentication = {
    id: credential.credentialId,
    rawId: credential.credentialId,
    type: 'public-key',
    response: { clientDataJSON: b64(120), authenticatorData: b64(37), signature: b64(70) },
    clientExtensionResults: {},
  };
  const clientData = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const huge = 'A'.repeat(17 * 1024);
  const garbage: unknown[] = [
    undefined,
    null,
    0,
    42,
    'public-key',
    '',
    true,
    [],
    [validShapeAuthentication],
    {},
    { id: 'x' },
    JSON.parse('{"__proto__": {"ok": true}, "id": "AAAA"}'),
    { ...validShapeAuthentication, type: 'password' },
    { ...validShapeAuthentication, id: 'not base64url!', rawId: 'not base64url!' },
    { ...validShapeAuthentication, id: `${credential.credentialId}==`, rawId: `${credential.credentialId}==` },
    { ...validShapeAuthentication, id: huge, rawId: huge },
    { ...validShapeAuthentication, response: null },
    { ...validShapeAuthentication, response: { ...validShapeAuthentication.response, signature: huge } },
    { ...validShapeAuthentication, response: { ...validShapeAuthentication.response, signature: 12 } },
    { ...validShapeAuthentication, clientExtensionResults: null },
    { ...validShapeAuthentication, clientExtensionResults: Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, i])) },
    // Well-formed envelopes whose contents are nonsense: the library is reached and must not throw through.
    validShapeAuthentication,
    validShapeRegistration,
    { ...validShapeAuthentication, response: { ...validShapeAuthentication.response, clientDataJSON: clientData({ type: 'webauthn.get', challenge, origin: config.origins[0] }) } },
    { ...validShapeRegistration, response: { ...validShapeRegistration.response, clientDataJSON: clientData({ type: 'webauthn.create', challenge, origin: config.origins[0] }) } },
    { ...validShapeRegistration, response: { ...validShapeRegistration.response, clientDataJSON: clientData('just a string') } },
  ];

  it.each(garbage.map((g, i) => [i, g] as const))('garbage #%i', async (_i, body) => {
    await expect(verifyRegistration(config, challenge, body)).resolves.toMatchObject({ ok: false, reason: expect.any(String) });
    await expect(verifyAuthentication(config, challenge, credential, body)).resolves.toMatchObject({ ok: false, reason: expect.any(String) });
  });

  it('a response whose signature-free parts parse reports a reason from the fixed set', async () => {
    const withClientData = {
      ...validShapeAuthentication,
      response: { ...validShapeAuthentication.response, clientDataJSON: clientData({ type: 'webauthn.get', challenge, origin: config.origins[0] }) },
    };
    const result = await verifyAuthentication(config, challenge, credential, withClientData);
    expect(result.ok).toBe(false);
    expect(['rp-id', 'invalid', 'signature', 'user-presence', 'user-verification']).toContain(!result.ok && result.reason);
    // Wrong challenge in clientData.
    const stale = { ...withClientData, response: { ...withClientData.response, clientDataJSON: clientData({ type: 'webauthn.get', challenge: b64(32, 1), origin: config.origins[0] }) } };
    expect(await verifyAuthentication(config, challenge, credential, stale)).toEqual({ ok: false, reason: 'challenge' });
  });

  it('garbage expected challenge or stored credential: ok:false', async () => {
    for (const bad of ['', undefined, null, 5] as unknown[]) {
      expect(await verifyRegistration(config, bad as string, validShapeRegistration)).toEqual({ ok: false, reason: 'malformed' });
      expect(await verifyAuthentication(config, bad as string, credential, validShapeAuthentication)).toEqual({ ok: false, reason: 'malformed' });
    }
    const badKey = { ...credential, publicKey: '!!!' };
    const result = await verifyAuthentication(config, challenge, badKey, validShapeAuthentication);
    expect(result.ok).toBe(false);
  });

  it('the schemas are bounded and accept what @simplewebauthn/browser posts', () => {
    expect(registrationResponseSchema.safeParse(validShapeRegistration).success).toBe(true);
    expect(authenticationResponseSchema.safeParse(validShapeAuthentication).success).toBe(true);
    expect(
      authenticationResponseSchema.safeParse({ ...validShapeAuthentication, authenticatorAttachment: 'platform', response: { ...validShapeAuthentication.response, userHandle: b64(32) } })
        .success,
    ).toBe(true);
    expect(authenticationResponseSchema.safeParse({ ...validShapeAuthentication, response: { ...validShapeAuthentication.response, clientDataJSON: huge } }).success).toBe(false);
    expect(registrationResponseSchema.safeParse({ ...validShapeRegistration, response: { ...validShapeRegistration.response, transports: Array(17).fill('usb') } }).success).toBe(false);
  });
});
