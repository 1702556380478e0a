/**
 * The core end to end over its real embedded demo directory (real HTTP on loopback, real
 * DirectoryClient): megan registers an authenticator app and resets her password, and no
 * session token, reset token or setup id ever appears in an IPC answer.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Result } from '../../../contract/errors.js';
import { createCore } from '../../../electron/core/create-core.js';
import type { Core } from '../../../electron/core/core-types.js';
import { DirectoryClient } from '../../../electron/core/directory/directory-client.js';
import { MemoryVault } from '../../../electron/core/vault/memory-vault.js';
import { DEMO_PASSWORD } from '../../../server/demo/contoso.js';
import { nextStepCode, totpCode } from '../../support/totp.js';

const MEGAN = 'megan@contoso.com';
const NEW_PASSWORD = 'Kiwi-Lantern-Orbit-42';

let core: Core;
let dir: string;
const callSpy = vi.spyOn(DirectoryClient.prototype, 'call');
/** Every IPC answer of the scenario, to search for what must not be in any of them. */
const answers: Result<unknown>[] = [];

async function ipc<T = Record<string, unknown>>(channel: string, request: unknown = {}): Promise<T> {
  const result = await core.dispatch(channel, request);
  answers.push(result);
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
  return result.data as T;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'core-e2e-'));
  core = await createCore({ host: 'web', version: '9.9.9', systemLocale: 'en-US', userPrefsPath: join(dir, 'prefs.json'), vault: new MemoryVault() }, () => undefined);
});
afterAll(async () => {
  await core.dispose();
  await rm(dir, { recursive: true, force: true });
  callSpy.mockRestore();
});

describe('megan on the embedded demo', () => {
  let manualKey = '';

  it('runs the embedded demo on loopback and says so', async () => {
    expect(core.demo).toBe(true);
    expect(core.directoryUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await ipc('app.getInfo')).toMatchObject({ host: 'web', version: '9.9.9', demo: true, tenantName: 'Contoso' });
  });

  it('signs in without a second factor', async () => {
    expect(await ipc('session.signIn', { userId: MEGAN, password: DEMO_PASSWORD })).toMatchObject({ status: 'signedIn', user: { userId: MEGAN } });
  });

  it('begins an authenticator app: the QR payload and manual key, but no setupId, secret or sessionToken key', async () => {
    const begin = await ipc('securityInfo.beginAuthenticatorApp');
    expect(Object.keys(begin).sort()).toEqual(['accountName', 'issuer', 'manualKey', 'otpauthUri']);
    expect(new URL(begin.otpauthUri as string).searchParams.get('secret')).toBe(begin.manualKey);
    manualKey = begin.manualKey as string;
  });

  it('confirms with a code made from the manual key; the method is listed', async () => {
    const { method } = await ipc<{ method: { id: string } }>('securityInfo.confirmAuthenticatorApp', { code: await totpCode(manualKey, Date.now()), name: 'Phone' });
    const info = await ipc<{ methods: { id: string }[] }>('securityInfo.get');
    expect(info.methods.map((m) => m.id)).toEqual([method.id]);
  });

  it('signs out: security info is then refused', async () => {
    await ipc('session.signOut');
    const result = await core.dispatch('securityInfo.get', {});
    answers.push(result);
    expect(result).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
  });

  it('resets her password with the app, then signs in with the new one (a second factor now required)', async () => {
    const start = await ipc<{ required: number; methods: { id: string }[] }>('reset.start', { userId: MEGAN });
    expect(start.required).toBe(1);
    // The next step's code: the confirm above used this step's code, and a code is accepted once.
    const verify = await ipc('reset.verify', { methodId: start.methods[0]!.id, code: await nextStepCode(manualKey, Date.now()) });
    // The directory's rules reach the page through the core: the default ones and the account's own.
    expect(verify).toMatchObject({ complete: true, directoryRules: { history: 3, source: 'demo directory' } });
    expect(await ipc('password.getPolicy')).toMatchObject({ directory: { history: 3, source: 'demo directory' } });
    await ipc('reset.setPassword', { newPassword: NEW_PASSWORD });
    expect(await ipc('session.signIn', { userId: MEGAN, password: NEW_PASSWORD })).toMatchObject({ status: 'secondFactorRequired' });
  });

  it('the reset cannot be used again from the app (its token was forgotten)', async () => {
    const again = await core.dispatch('reset.setPassword', { newPassword: 'Another-Lantern-Orbit-43' });
    answers.push(again);
    expect(again).toMatchObject({ ok: false, error: { code: 'RESET_EXPIRED' } });
  });

  it('no IPC answer ever contained a session token, reset token or setup id', async () => {
    const tokens: string[] = [];
    for (const r of callSpy.mock.results) {
      const result = (await r.value) as Result<Record<string, unknown>>;
      if (!result.ok) continue;
      for (const key of ['sessionToken', 'resetToken', 'setupId'] as const) {
        if (typeof result.data[key] === 'string') tokens.push(result.data[key]);
      }
    }
    // Two sign-ins, one reset, one setup: the spy really saw them.
    expect(tokens.length).toBeGreaterThanOrEqual(4);
    const everything = JSON.stringify(answers);
    for (const token of tokens) expect(everything).not.toContain(token);
  });
});
