/**
 * This device as an authenticator on a REAL Secret Service (gnome-keyring in a private D-Bus
 * session: scripts/with-keyring.sh), against the real embedded demo service, with only the
 * OS presence prompt faked (no machine here has a finger on Touch ID). The secret is found
 * by `secret-tool` under the app's service and account, no file in the app's data folder
 * holds it, the code this device shows agrees with `oathtool`, and it passes a second factor
 * and a reset gate.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secretAccount } from '../../electron/core/authenticator/this-device-keys.js';
import { createCore } from '../../electron/core/create-core.js';
import type { Core } from '../../electron/core/core-types.js';
import { KeytarVault } from '../../electron/core/vault/keytar-vault.js';
import { fakeOsPresencePrompt } from '../../electron/web-host/test-presence.js';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../../server/demo/contoso.js';
import { totpCode } from '../support/totp.js';

const MEGAN = 'megan@contoso.com';
const ALAIN = 'alain@contoso.com';
const service = `sign-in-helper-test-${randomUUID()}`;
const inKeyringSession = process.env.SIGNIN_REAL_KEYRING === '1';

let core: Core;
let dataDir: string;
let userPrefsPath: string;

async function ipc<T = Record<string, unknown>>(channel: string, request: unknown = {}): Promise<T> {
  const result = await core.dispatch(channel, request);
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
  return result.data as T;
}

const lookup = (account: string) => spawnSync('secret-tool', ['lookup', 'service', service, 'account', account], { encoding: 'utf8' }).stdout.trim();

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(path)));
    else out.push(path);
  }
  return out;
}

/** A code is accepted once per 30 s step and adding the device spent this one: wait for the next. */
const nextStep = () => new Promise((resolve) => setTimeout(resolve, 30_000 - (Date.now() % 30_000) + 300));

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'this-device-data-'));
  userPrefsPath = join(dataDir, 'sign-in-helper', 'preferences.json');
  core = await createCore(
    {
      host: 'web',
      version: '1.0.0',
      systemLocale: 'en-US',
      userPrefsPath,
      vault: new KeytarVault({ service }),
      // The one stand-in, the web host's --test-presence boundary: the OS prompt's answer.
      // Keyring, otplib and the service are real.
      presence: fakeOsPresencePrompt('success'),
    },
    () => undefined,
  );
});
afterAll(async () => {
  await core?.dispose();
  await rm(dataDir, { recursive: true, force: true });
});

describe('this device as an authenticator on the real keyring', () => {
  const added: Record<string, { methodId: string; secret: string }> = {};

  it('runs inside a real keyring session (scripts/with-keyring.sh)', () => {
    expect(inKeyringSession, 'run the integration tests through scripts/with-keyring.sh (npm test does)').toBe(true);
  });

  it('megan adds this device: secret-tool finds the secret under the app service and her account', async () => {
    // A preference is saved too, so the data folder is not empty when it is searched below.
    await ipc('app.setLanguage', { language: 'en', remember: true });
    await ipc('session.signIn', { userId: MEGAN, password: DEMO_PASSWORD });
    expect(await ipc('thisDevice.getStatus')).toEqual({ available: true, reason: 'ok' });
    const { method } = await ipc<{ method: { id: string; onThisDevice: boolean } }>('thisDevice.add', { name: 'This laptop' });
    expect(method.onThisDevice).toBe(true);
    const secret = lookup(secretAccount(core.directoryUrl, MEGAN, method.id));
    expect(secret).toMatch(/^[A-Z2-7]{32,}$/);
    added[MEGAN] = { methodId: method.id, secret };
    await ipc('session.signOut');
  });

  it('alain (second factor with his app first) adds this device too', async () => {
    const signIn = await ipc<{ secondFactorMethods: { id: string; type: string }[] }>('session.signIn', { userId: ALAIN, password: DEMO_PASSWORD });
    const app = signIn.secondFactorMethods.find((m) => m.type === 'authenticatorApp')!;
    await ipc('session.verifySecondFactor', { methodId: app.id, code: await totpCode(DEMO_TOTP_SECRET, Date.now()) });
    const { method } = await ipc<{ method: { id: string } }>('thisDevice.add', { name: 'This laptop' });
    added[ALAIN] = { methodId: method.id, secret: lookup(secretAccount(core.directoryUrl, ALAIN, method.id)) };
    expect(added[ALAIN].secret).toMatch(/^[A-Z2-7]{32,}$/);
    expect(added[ALAIN].secret).not.toBe(added[MEGAN]!.secret);
    await ipc('session.signOut');
  });

  it('no file under the app data folder holds either secret', async () => {
    const files = await filesUnder(dirname(userPrefsPath));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const text = await readFile(file, 'utf8');
      for (const { secret } of Object.values(added)) expect(text, file).not.toContain(secret);
    }
  });

  it("megan's code from this device agrees with oathtool and passes her second factor", { timeout: 45_000 }, async () => {
    await nextStep();
    const { methodId, secret } = added[MEGAN]!;
    await ipc('session.signIn', { userId: MEGAN, password: DEMO_PASSWORD });
    let code = await ipc<{ outcome: string; code: string; secondsLeft: number }>('thisDevice.getCode', { methodId });
    if (code.secondsLeft < 3) {
      await nextStep();
      code = await ipc('thisDevice.getCode', { methodId });
    }
    expect(code.outcome).toBe('success');
    expect(code.code).toBe(execFileSync('oathtool', ['--totp', '-b', secret], { encoding: 'utf8' }).trim());
    expect(await ipc('session.verifySecondFactor', { methodId, code: code.code })).toMatchObject({ user: { userId: MEGAN } });
  });

  it("alain passes a reset gate with this device's code", async () => {
    const { methodId } = added[ALAIN]!;
    const start = await ipc<{ methods: { id: string; onThisDevice: boolean }[] }>('reset.start', { userId: ALAIN });
    expect(start.methods.find((m) => m.id === methodId)).toMatchObject({ onThisDevice: true });
    const code = await ipc<{ code: string }>('thisDevice.getCode', { methodId });
    expect(await ipc('reset.verify', { methodId, code: code.code })).toMatchObject({ passed: 1 });
    await ipc('reset.cancel');
  });

  it('removing the method takes the secret out of the keyring', async () => {
    const { methodId } = added[MEGAN]!;
    // Never below what a reset needs: she adds an email first (its code read from the demo outbox).
    const since = Date.now();
    await ipc('securityInfo.beginEmail', { address: 'megan.b@example.net' });
    const outbox = (await (await fetch(`${core.directoryUrl}/api/v1/demo/outbox`)).json()) as { data: { messages: { to: string; body: string; sentAt: string }[] } };
    const sent = outbox.data.messages.find((m) => m.to === 'megan.b@example.net' && Date.parse(m.sentAt) >= since - 1000)!;
    await ipc('securityInfo.confirmEmail', { code: sent.body.match(/\b\d{6,8}\b/)![0] });
    await ipc('securityInfo.removeMethod', { methodId });
    expect(lookup(secretAccount(core.directoryUrl, MEGAN, methodId))).toBe('');
  });
});
