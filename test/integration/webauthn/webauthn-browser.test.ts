/**
 * Security keys / passkeys end to end: real Chromium, the CDP virtual authenticator (CTAP2,
 * user verification), the real @simplewebauthn/browser, and the service's verifier behind a
 * tiny relying party (harness.ts). No WebAuthn mock anywhere.
 *
 * Without Chromium this suite FAILS (beforeAll throws with the install hint): it never skips.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../../scripts/system-deps.mjs';
import { verifyAuthentication, verifyRegistration, type PasskeyCredential } from '../../../server/verifiers/webauthn.js';
import {
  browserLogin,
  browserRegister,
  browserVerifyAgain,
  launchWithVirtualAuthenticator,
  startRelyingParty,
  type CeremonyResult,
  type RelyingParty,
  type VirtualBrowser,
} from './harness.js';

let rp: RelyingParty;
let vb: VirtualBrowser;

type Completed = Extract<CeremonyResult, { ceremonyId: string }>;
/** The ceremony reached the server (the browser produced a credential). */
function completed(result: CeremonyResult): Completed {
  if ('browserError' in result) throw new Error(`browser refused: ${result.browserError}: ${result.browserMessage}`);
  return result;
}
/** The challenge the authenticator signed, read back from clientDataJSON (to call the pure functions directly). */
const signedChallenge = (response: unknown): string => {
  const clientDataJSON = (response as { response: { clientDataJSON: string } }).response.clientDataJSON;
  return (JSON.parse(Buffer.from(clientDataJSON, 'base64url').toString('utf8')) as { challenge: string }).challenge;
};
const only = (userId: string): PasskeyCredential => {
  const list = rp.credentials.get(userId) ?? [];
  expect(list).toHaveLength(1);
  return list[0]!;
};
const authenticatorSignCount = async (credentialId: string): Promise<number> => {
  const { credentials } = await vb.cdp.send('WebAuthn.getCredentials', { authenticatorId: vb.authenticatorId });
  const found = credentials.find((c) => Buffer.from(c.credentialId, 'base64').toString('base64url') === credentialId);
  if (!found) throw new Error(`virtual authenticator does not hold ${credentialId}`);
  return found.signCount;
};

// Outside the browser suite's hooks: when Chromium is missing this test itself fails (the
// suite below fails in beforeAll too, with the same hint).
it('has Chromium (a missing browser is a failure, never a skip)', () => {
  expect(findChromium(), 'Chromium not found: install Debian package `chromium` (npm run setup) or set CHROMIUM_PATH').not.toBeNull();
});

describe('WebAuthn with Chromium and a virtual authenticator', () => {
  beforeAll(async () => {
    rp = await startRelyingParty();
    vb = await launchWithVirtualAuthenticator(rp.origin);
  }, 20_000);

  afterAll(async () => {
    await vb?.close();
    await rp?.close();
  });

  it('registers a passkey, then signs in with it; the counter advances', async () => {
    const reg = completed(await browserRegister(vb.page, 'alice@contoso.com'));
    expect(reg.verdict).toMatchObject({ ok: true });
    const stored = only('alice@contoso.com');
    expect(stored.credentialId).toBe(reg.verdict.credentialId);
    expect(stored.credentialId).toMatch(/^[A-Za-z0-9_-]{16,}$/);
    expect(stored.publicKey).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(stored.transports).toEqual(['internal']);
    // Resident (discoverable) because residentKey 'preferred' and the authenticator supports it.
    const { credentials } = await vb.cdp.send('WebAuthn.getCredentials', { authenticatorId: vb.authenticatorId });
    expect(credentials).toHaveLength(1);
    expect(credentials[0]?.isResidentCredential).toBe(true);
    // The user handle is a hash, never the e-mail address.
    expect(Buffer.from(credentials[0]?.userHandle ?? '', 'base64').toString('utf8')).not.toContain('alice');
    expect(Buffer.from(credentials[0]?.userHandle ?? '', 'base64')).toHaveLength(32);

    const before = stored.counter;
    const login = completed(await browserLogin(vb.page, 'alice@contoso.com'));
    expect(login.verdict).toMatchObject({ ok: true });
    expect(login.verdict.newCounter).toBeGreaterThan(before);
    expect(only('alice@contoso.com').counter).toBe(login.verdict.newCounter);
    expect(await authenticatorSignCount(stored.credentialId)).toBe(login.verdict.newCounter);

    const again = completed(await browserLogin(vb.page, 'alice@contoso.com'));
    expect(again.verdict).toMatchObject({ ok: true });
    expect(again.verdict.newCounter).toBeGreaterThan(login.verdict.newCounter!);
  });

  it('refuses a replayed authentication: the challenge is taken once, and a counter that did not advance is a clone', async () => {
    const credentialBefore = { ...only('alice@contoso.com') };
    const login = completed(await browserLogin(vb.page, 'alice@contoso.com'));
    expect(login.verdict).toMatchObject({ ok: true });

    // 1. Through the relying party: the challenge was deleted on first use.
    expect(await browserVerifyAgain(vb.page, 'login', login.ceremonyId, login.response)).toEqual({ ok: false, reason: 'no-challenge' });
    expect(rp.challenges.has(login.ceremonyId)).toBe(false);

    // 2. The pure function given the same challenge again: the counter now stored equals the
    //    response's, so it refuses as a clone.
    const challenge = signedChallenge(login.response);
    const now = only('alice@contoso.com');
    expect(now.counter).toBe(login.verdict.newCounter);
    expect(await verifyAuthentication(rp.config, challenge, now, login.response)).toEqual({ ok: false, reason: 'counter' });
    // …and a counter ahead of the response's (the authenticator was cloned and the clone used) too.
    expect(await verifyAuthentication(rp.config, challenge, { ...now, counter: now.counter + 5 }, login.response)).toEqual({ ok: false, reason: 'counter' });
    // The response itself is sound: against the counter from before it verifies — which is
    // why the routes must take the challenge once AND advance the counter with a CAS.
    expect(await verifyAuthentication(rp.config, challenge, credentialBefore, login.response)).toEqual({ ok: true, newCounter: now.counter });
    // A different challenge than the one signed is refused whatever the counter.
    expect(await verifyAuthentication(rp.config, 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', credentialBefore, login.response)).toEqual({
      ok: false,
      reason: 'challenge',
    });

    // Signing in again after the replay attempts still works.
    expect(completed(await browserLogin(vb.page, 'alice@contoso.com')).verdict).toMatchObject({ ok: true });
  });

  it('refuses a registration made on an origin the config does not list', async () => {
    const good = rp.config;
    rp.config = { ...good, origins: ['https://example.com'] };
    let reg: Completed;
    try {
      reg = completed(await browserRegister(vb.page, 'bob@contoso.com'));
    } finally {
      rp.config = good;
    }
    expect(reg.verdict).toEqual({ ok: false, reason: 'origin' });
    expect(rp.credentials.get('bob@contoso.com')).toBeUndefined();

    // The same response (its challenge read back) against other configs: only the right one accepts.
    const challenge = signedChallenge(reg.response);
    expect(await verifyRegistration({ ...good, origins: ['https://example.com', 'http://localhost'] }, challenge, reg.response)).toEqual({ ok: false, reason: 'origin' });
    expect(await verifyRegistration({ ...good, rpId: 'example.com' }, challenge, reg.response)).toEqual({ ok: false, reason: 'rp-id' });
    expect(await verifyRegistration(good, 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', reg.response)).toEqual({ ok: false, reason: 'challenge' });
    expect(await verifyRegistration(good, challenge, reg.response)).toMatchObject({ ok: true });
  });

  it('without user verification: the browser refuses (NotAllowedError), and a UV-less assertion is refused by the verifier', async () => {
    await vb.cdp.send('WebAuthn.setUserVerified', { authenticatorId: vb.authenticatorId, isUserVerified: false });
    try {
      // We ask for userVerification 'required': Chromium cannot satisfy it and rejects.
      const refused = await browserLogin(vb.page, 'alice@contoso.com');
      expect(refused).toMatchObject({ browserError: 'NotAllowedError' });

      // A client that lowers the request to 'discouraged' gets an assertion without the UV
      // flag; the server still requires UV and refuses it.
      const lowered = completed(await browserLogin(vb.page, 'alice@contoso.com', { userVerification: 'discouraged' }));
      expect(lowered.verdict).toEqual({ ok: false, reason: 'user-verification' });
    } finally {
      await vb.cdp.send('WebAuthn.setUserVerified', { authenticatorId: vb.authenticatorId, isUserVerified: true });
    }
    expect(completed(await browserLogin(vb.page, 'alice@contoso.com')).verdict).toMatchObject({ ok: true });
  });

  it('refuses a response for another credential than the expected one', async () => {
    const reg = completed(await browserRegister(vb.page, 'dave@contoso.com'));
    expect(reg.verdict).toMatchObject({ ok: true });
    const alice = only('alice@contoso.com');
    const dave = only('dave@contoso.com');
    expect(dave.credentialId).not.toBe(alice.credentialId);

    const login = completed(await browserLogin(vb.page, 'dave@contoso.com'));
    expect(login.verdict).toMatchObject({ ok: true });
    const challenge = signedChallenge(login.response);
    const response = login.response as { id: string; rawId: string };

    // Dave's assertion checked against Alice's key: wrong credential.
    expect(await verifyAuthentication(rp.config, challenge, alice, response)).toEqual({ ok: false, reason: 'credential' });
    // Dave's assertion relabelled with Alice's id: the signature does not verify with her key.
    const relabelled = { ...response, id: alice.credentialId, rawId: alice.credentialId };
    expect(await verifyAuthentication(rp.config, challenge, alice, relabelled)).toEqual({ ok: false, reason: 'signature' });
    // id and rawId that disagree: malformed.
    expect(await verifyAuthentication(rp.config, challenge, dave, { ...response, rawId: alice.credentialId })).toEqual({ ok: false, reason: 'malformed' });
    // Alice's key material under Dave's id (a store mix-up): the signature does not verify.
    expect(await verifyAuthentication(rp.config, challenge, { ...dave, publicKey: alice.publicKey, counter: 0 }, response)).toEqual({
      ok: false,
      reason: 'signature',
    });

    // Registering again for Dave excludes his existing credential: the authenticator refuses.
    const twice = await browserRegister(vb.page, 'dave@contoso.com');
    expect(twice).toMatchObject({ browserError: 'InvalidStateError' });
  });
});
