/**
 * A security key through the REAL API, end to end: the directory service (startService, demo
 * context), a page on http://localhost that calls it, real Chromium with the CDP virtual
 * authenticator (CTAP2, user verification) and the real @simplewebauthn/browser. megan
 * registers a key with beginSecurityKey / confirmSecurityKey, then resets her password with
 * it; the signature counter is stored, and a replayed assertion is refused.
 *
 * Without Chromium this suite FAILS (the first test, and beforeAll with the install hint).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../../contract/errors.js';
import { findChromium } from '../../../scripts/system-deps.mjs';
import { createDemoContext } from '../../../server/create-demo-context.js';
import { DEMO_PASSWORD } from '../../../server/demo/contoso.js';
import { startService, type RunningService } from '../../../server/start-service.js';
import { fastHasher } from '../../support/api-flows.js';
import { launchWithVirtualAuthenticator, type VirtualBrowser } from '../webauthn/harness.js';
import { browserAuthenticate, browserRegister, pageCall, startServicePage, type ServicePage } from './service-page.js';

const MEGAN = 'megan@contoso.com';

let service: RunningService;
let site: ServicePage;
let vb: VirtualBrowser;

function data<T>(result: Result<T>, what: string): T {
  if (!result.ok) throw new Error(`${what} failed: ${result.error.code}: ${result.error.message}`);
  return result.data;
}
const code = (result: Result<unknown>) => (result.ok ? 'ok' : result.error.code);

/** Megan's stored key, as the store keeps it (the counter, the credential id). */
async function storedKey(keyId: string) {
  const stored = (await service.context.store.listMethods(MEGAN)).find((m) => m.id === keyId);
  if (stored?.type !== 'securityKey') throw new Error(`no security key ${keyId}`);
  return stored;
}

async function authenticatorSignCount(): Promise<number> {
  const { credentials } = await vb.cdp.send('WebAuthn.getCredentials', { authenticatorId: vb.authenticatorId });
  expect(credentials).toHaveLength(1);
  return credentials[0]!.signCount;
}

/** A reset for megan, its security-key challenge, and the browser's assertion for it. */
async function keyAssertion(keyId: string) {
  const { resetToken, methods } = data(await pageCall(vb.page, 'startReset', { userId: MEGAN }), 'startReset');
  expect(methods.map((m) => m.id)).toContain(keyId);
  const challenge = data(await pageCall(vb.page, 'startResetChallenge', { methodId: keyId }, resetToken), 'startResetChallenge');
  if (challenge.kind !== 'webauthn') throw new Error(`expected a webauthn challenge, got ${challenge.kind}`);
  return { resetToken, options: challenge.options, assertion: (await browserAuthenticate(vb.page, challenge.options)) as Record<string, unknown> };
}

it('has Chromium (a missing browser is a failure, never a skip)', () => {
  expect(findChromium(), 'Chromium not found: install Debian package `chromium` (npm run setup) or set CHROMIUM_PATH').not.toBeNull();
});

describe('security key through the API in Chromium', () => {
  let keyId: string;

  beforeAll(async () => {
    service = await startService({ context: await createDemoContext({ hasher: fastHasher() }), sweepEveryMs: 0 });
    site = await startServicePage(service);
    vb = await launchWithVirtualAuthenticator(site.origin);
  }, 30_000);

  afterAll(async () => {
    await vb?.close();
    await site?.close();
    await service?.close();
  });

  it('megan signs in, begins a passkey on this device (attachment platform), the browser creates it, and confirmSecurityKey registers it', async () => {
    const { sessionToken, secondFactor } = data(await pageCall(vb.page, 'signIn', { userId: MEGAN, password: DEMO_PASSWORD }), 'signIn');
    expect(secondFactor).toBe('none');
    // This device's own authenticator (the virtual one is `internal`): the attachment reaches the options Chromium gets.
    const { setupId, options } = data(await pageCall(vb.page, 'beginSecurityKey', { attachment: 'platform' }, sessionToken), 'beginSecurityKey');
    expect(options).toMatchObject({ rp: { id: 'localhost' }, authenticatorSelection: { authenticatorAttachment: 'platform', userVerification: 'required' } });
    const response = (await browserRegister(vb.page, options)) as { id: string; rawId: string; type: 'public-key'; response: Record<string, unknown> };
    const { method } = data(await pageCall(vb.page, 'confirmSecurityKey', { setupId, name: 'Virtual key', response }, sessionToken), 'confirmSecurityKey');
    expect(method).toMatchObject({ type: 'securityKey', label: 'Virtual key' });
    keyId = method.id;
    // The setup's challenge was single use: the same response again is SETUP_EXPIRED.
    expect(code(await pageCall(vb.page, 'confirmSecurityKey', { setupId, name: 'Again', response }, sessionToken))).toBe('SETUP_EXPIRED');
    const stored = (await service.context.store.listMethods(MEGAN)).find((m) => m.id === keyId)!;
    expect(stored).toMatchObject({ type: 'securityKey', credentialId: response.id });
  });

  it('a reset passes with the key: webauthn options, the browser asserts, verifyReset with the assertion; the counter is stored', async () => {
    expect(keyId, 'the registration test must pass first').toBeDefined();
    const { resetToken, options, assertion } = await keyAssertion(keyId);
    expect(options).toMatchObject({ rpId: 'localhost', userVerification: 'required' });
    expect(data(await pageCall(vb.page, 'verifyReset', { methodId: keyId, assertion: assertion as never }, resetToken), 'verifyReset')).toEqual({ passed: 1, required: 1, complete: true, directoryRules: { history: 3, source: 'demo directory' } });
    const stored = await storedKey(keyId);
    expect(stored.counter).toBe(await authenticatorSignCount());
    expect(stored.counter).toBeGreaterThan(0);
    data(await pageCall(vb.page, 'completeReset', { newPassword: 'Correct-Horse-Battery-77' }, resetToken), 'completeReset');
  });

  it('a replayed assertion is refused: in a new reset with its own challenge, and in one that asked for none', async () => {
    const first = await keyAssertion(keyId);
    data(await pageCall(vb.page, 'verifyReset', { methodId: keyId, assertion: first.assertion as never }, first.resetToken), 'verifyReset');
    const counter = (await storedKey(keyId)).counter;

    const { resetToken } = data(await pageCall(vb.page, 'startReset', { userId: MEGAN }), 'startReset');
    expect(code(await pageCall(vb.page, 'verifyReset', { methodId: keyId, assertion: first.assertion as never }, resetToken))).toBe('STEP_NOT_ALLOWED');
    data(await pageCall(vb.page, 'startResetChallenge', { methodId: keyId }, resetToken), 'startResetChallenge');
    expect(code(await pageCall(vb.page, 'verifyReset', { methodId: keyId, assertion: first.assertion as never }, resetToken))).toBe('INVALID_CODE');
    expect(code(await pageCall(vb.page, 'completeReset', { newPassword: 'Another-Horse-Battery-78' }, resetToken))).toBe('STEP_NOT_ALLOWED');
    expect((await storedKey(keyId)).counter).toBe(counter);
  });
});
