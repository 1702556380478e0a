/**
 * This device as an authenticator, end to end over the real embedded demo service (real
 * HTTP, real DirectoryClient, real otplib on both sides), with the OS presence prompt as the
 * only stand-in and a vault in memory (test/integration/this-device-keyring.test.ts does it on
 * the real keyring). megan adds this device, passes her second factor with its code, renames
 * it, and removes it; alain passes a reset gate with it. No answer holds the secret.
 *
 * A code is accepted once per time step, and adding the device spent the current step, so
 * the clock the core makes codes with is moved one step on before a code is used again —
 * the service accepts ±1 step (POLICY.md).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Result } from '../../../contract/errors.js';
import { secretAccount } from '../../../electron/core/authenticator/this-device-keys.js';
import { createCore } from '../../../electron/core/create-core.js';
import type { Core } from '../../../electron/core/core-types.js';
import { DirectoryClient } from '../../../electron/core/directory/directory-client.js';
import { MemoryVault } from '../../../electron/core/vault/memory-vault.js';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../../../server/demo/contoso.js';
import { totpCode } from '../../support/totp.js';

const MEGAN = 'megan@contoso.com';
const ALAIN = 'alain@contoso.com';
const STEP_MS = 30_000;

let core: Core;
let dir: string;
let offsetMs = 0;
const vault = new MemoryVault();
const prompt = vi.fn(async (_reason: string) => 'success' as const);
const callSpy = vi.spyOn(DirectoryClient.prototype, 'call');
const answers: Result<unknown>[] = [];

async function ipc<T = Record<string, unknown>>(channel: string, request: unknown = {}): Promise<T> {
  const result = await core.dispatch(channel, request);
  answers.push(result);
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
  return result.data as T;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'core-this-device-'));
  core = await createCore(
    {
      host: 'web',
      version: '1.0.0',
      systemLocale: 'en-US',
      userPrefsPath: join(dir, 'prefs.json'),
      vault,
      presence: { isAvailable: async () => true, confirm: prompt },
      now: () => Date.now() + offsetMs,
    },
    () => undefined,
  );
});
afterAll(async () => {
  await core.dispose();
  await rm(dir, { recursive: true, force: true });
  callSpy.mockRestore();
});

describe('megan: this device as her authenticator', () => {
  let methodId = '';

  it('is available here (presence faked at the prompt, vault works, policy allows)', async () => {
    await ipc('session.signIn', { userId: MEGAN, password: DEMO_PASSWORD });
    expect(await ipc('thisDevice.getStatus')).toEqual({ available: true, reason: 'ok' });
  });

  it('adds this device: the method comes back marked, its secret only in the vault', async () => {
    const { method } = await ipc<{ method: { id: string; type: string; onThisDevice: boolean } }>('thisDevice.add', { name: 'This laptop' });
    expect(method).toMatchObject({ type: 'authenticatorApp', onThisDevice: true });
    methodId = method.id;
    expect(await vault.get(secretAccount(core.directoryUrl, MEGAN, methodId))).toMatch(/^[A-Z2-7]{32}$/);
    const info = await ipc<{ methods: { id: string; onThisDevice: boolean }[] }>('securityInfo.get');
    expect(info.methods).toEqual([expect.objectContaining({ id: methodId, onThisDevice: true })]);
  });

  it("passes her second factor with this device's code, after the OS prompt", async () => {
    await ipc('session.signOut');
    const signIn = await ipc<{ status: string; secondFactorMethods: { id: string; onThisDevice: boolean }[] }>('session.signIn', { userId: MEGAN, password: DEMO_PASSWORD });
    expect(signIn.status).toBe('secondFactorRequired');
    expect(signIn.secondFactorMethods).toEqual([expect.objectContaining({ id: methodId, onThisDevice: true })]);
    expect(await ipc('session.startSecondFactor', { methodId })).toEqual({ kind: 'totp', digits: 6 });
    offsetMs = STEP_MS;
    const code = await ipc<{ outcome: string; code: string }>('thisDevice.getCode', { methodId });
    expect(code.outcome).toBe('success');
    expect(prompt).toHaveBeenCalledWith('show your sign-in code');
    expect(await ipc('session.verifySecondFactor', { methodId, code: code.code })).toMatchObject({ user: { userId: MEGAN } });
  });

  it('renames it: still on this device, the secret untouched', async () => {
    const before = await vault.get(secretAccount(core.directoryUrl, MEGAN, methodId));
    expect(await ipc('securityInfo.renameMethod', { methodId, name: 'Work laptop' })).toEqual({ method: expect.objectContaining({ id: methodId, label: 'Work laptop', onThisDevice: true }) });
    expect(await vault.get(secretAccount(core.directoryUrl, MEGAN, methodId))).toBe(before);
  });

  it('is not removed while it is her only method: a reset needs one', async () => {
    const refused = await core.dispatch('securityInfo.removeMethod', { methodId });
    expect(refused).toMatchObject({ ok: false, error: { code: 'STEP_NOT_ALLOWED' } });
    expect(await vault.get(secretAccount(core.directoryUrl, MEGAN, methodId))).not.toBeNull();
  });

  it('removes it once she has another method: gone at the service and from the vault', async () => {
    const since = Date.now();
    await ipc('securityInfo.beginEmail', { address: 'megan.b@example.net' });
    const outbox = (await (await fetch(`${core.directoryUrl}/api/v1/demo/outbox`)).json()) as { data: { messages: { to: string; body: string; sentAt: string }[] } };
    const sent = outbox.data.messages.find((m) => m.to === 'megan.b@example.net' && Date.parse(m.sentAt) >= since - 1000)!;
    await ipc('securityInfo.confirmEmail', { code: sent.body.match(/\b\d{6,8}\b/)![0] });
    await ipc('securityInfo.removeMethod', { methodId });
    expect(await vault.get(secretAccount(core.directoryUrl, MEGAN, methodId))).toBeNull();
    const info = await ipc<{ methods: { type: string }[] }>('securityInfo.get');
    expect(info.methods.map((m) => m.type)).toEqual(['email']);
    await ipc('session.signOut');
  });
});

describe('alain: a reset gate passed with this device', () => {
  it("signs in with his app, adds this device, then resets with this device's code", async () => {
    offsetMs = 0;
    const signIn = await ipc<{ secondFactorMethods: { id: string; type: string }[] }>('session.signIn', { userId: ALAIN, password: DEMO_PASSWORD });
    const app = signIn.secondFactorMethods.find((m) => m.type === 'authenticatorApp')!;
    await ipc('session.verifySecondFactor', { methodId: app.id, code: await totpCode(DEMO_TOTP_SECRET, Date.now()) });
    const { method } = await ipc<{ method: { id: string } }>('thisDevice.add', { name: 'This laptop' });
    await ipc('session.signOut');

    const start = await ipc<{ methods: { id: string; onThisDevice: boolean }[] }>('reset.start', { userId: ALAIN });
    expect(start.methods.find((m) => m.id === method.id)).toMatchObject({ onThisDevice: true });
    expect(start.methods.filter((m) => m.onThisDevice)).toHaveLength(1);
    offsetMs = STEP_MS;
    const code = await ipc<{ code: string }>('thisDevice.getCode', { methodId: method.id });
    expect(await ipc('reset.verify', { methodId: method.id, code: code.code })).toMatchObject({ passed: 1 });
  });
});

describe('security regression', () => {
  it('no answer held a TOTP secret, a setup id, a session token or a reset token', async () => {
    const hidden: string[] = [];
    for (const r of callSpy.mock.results) {
      const result = (await r.value) as Result<Record<string, unknown>>;
      if (!result.ok) continue;
      for (const key of ['secret', 'setupId', 'sessionToken', 'resetToken'] as const) {
        if (typeof result.data[key] === 'string') hidden.push(result.data[key]);
      }
    }
    // Two this-device setups (a secret and a setup id each), three sign-ins, one reset.
    expect(hidden.length).toBeGreaterThanOrEqual(8);
    const everything = JSON.stringify(answers);
    for (const value of hidden) expect(everything).not.toContain(value);
  });
});
