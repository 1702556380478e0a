/**
 * This device as an authenticator, through the real dispatch and handlers, a vault in memory
 * and a fake directory that checks codes with otplib as the service does. The secret goes
 * from the directory into the vault and nowhere else; a code comes out only after the OS
 * presence check says 'success' — 'cancelled', 'unavailable' and 'error' never yield one.
 */
import { generate, generateSecret, verify } from 'otplib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { err, ok } from '../../../../contract/errors.js';
import { indexAccount, secretAccount } from '../../../../electron/core/authenticator/this-device-keys.js';
import type { PresenceResult } from '../../../../electron/core/authenticator/user-presence.js';
import { VaultError } from '../../../../electron/core/vault/credential-vault.js';
import { MemoryVault } from '../../../../electron/core/vault/memory-vault.js';
import { DIRECTORY_URL, fakeCore, fakePresence, MEGAN, registered, RESET_TOKEN, SESSION_TOKEN, signedIn, type FakeCore, type FakeCoreOptions } from './fake-core.js';

let core: FakeCore;
let secret = '';
afterEach(() => core.close());

/** A directory that hands out a fresh secret and accepts only a right code for it. */
async function withDirectory(options: FakeCoreOptions = {}) {
  core = await fakeCore({ presence: fakePresence('success').presence, ...options });
  secret = generateSecret({ length: 20 });
  core.answers.beginAuthenticatorApp = () =>
    ok({ setupId: 'SETUP-ID-never-in-ipc', secret, otpauthUri: `otpauth://totp/Contoso:megan?secret=${secret}`, issuer: 'Contoso', accountName: MEGAN.userId, algorithm: 'SHA1', digits: 6, period: 30, expiresAt: '2030-01-01T00:10:00.000Z' });
  core.answers.confirmAuthenticatorApp = async ({ code, name, setupId }) => {
    if (setupId !== 'SETUP-ID-never-in-ipc') return err('SETUP_EXPIRED', 'unknown setup');
    const valid = (await verify({ secret, token: code, epoch: Math.floor(core.services.now() / 1000), epochTolerance: 30 })).valid;
    return valid ? ok({ method: registered('m-here', 'authenticatorApp', name) }) : err('INVALID_CODE', 'Wrong code');
  };
  core.answers.removeMethod = () => ok({});
  await signedIn(core);
  return core;
}

describe('thisDevice.getStatus', () => {
  it('available when presence, keyring, policy and mode all allow it', async () => {
    await withDirectory();
    expect(await core.ipc('thisDevice.getStatus')).toEqual({ ok: true, data: { available: true, reason: 'ok' } });
  });

  it.each([
    ['no OS presence check (Linux, Windows, a Mac without Touch ID)', 'presenceUnavailable', { presence: fakePresence('success', false).presence }],
    ['managed policy forbids it', 'forbiddenByPolicy', { policy: { thisDeviceAuthenticator: false } }],
    ['the lock-screen helper (starts in reset)', 'kioskMode', { startFlow: 'reset' as const }],
  ])('%s → %s', async (_label, reason, options) => {
    await withDirectory(options);
    expect(await core.ipc('thisDevice.getStatus')).toEqual({ ok: true, data: { available: false, reason } });
  });

  it('a keyring that does not answer → keyringUnavailable', async () => {
    const vault = new MemoryVault();
    vault.get = async () => {
      throw new VaultError('Cannot create an item in a locked collection');
    };
    await withDirectory({ vault });
    expect(await core.ipc('thisDevice.getStatus')).toEqual({ ok: true, data: { available: false, reason: 'keyringUnavailable' } });
  });

  it("keytar's native module missing (KEYRING_MODULE_MISSING) → keyringModuleMissing", async () => {
    const vault = new MemoryVault();
    vault.get = async () => {
      throw new VaultError('The OS keyring module (keytar) is not installed', { code: 'KEYRING_MODULE_MISSING' });
    };
    await withDirectory({ vault });
    expect(await core.ipc('thisDevice.getStatus')).toEqual({ ok: true, data: { available: false, reason: 'keyringModuleMissing' } });
  });

  it('a presence check that throws reads as unavailable, never as present', async () => {
    await withDirectory({ presence: { isAvailable: () => Promise.reject(new Error('boom')), confirm: async () => 'success' } });
    expect(await core.ipc('thisDevice.getStatus')).toMatchObject({ ok: true, data: { available: false, reason: 'presenceUnavailable' } });
  });
});

describe('thisDevice.add', () => {
  it('the secret goes into the keyring only; the directory got a right code; the answer is the method, marked', async () => {
    await withDirectory();
    const added = await core.ipc('thisDevice.add', { name: 'This laptop' });
    expect(added).toEqual({ ok: true, data: { method: { ...registered('m-here', 'authenticatorApp', 'This laptop'), onThisDevice: true } } });
    expect(await core.vault.get(secretAccount(DIRECTORY_URL, MEGAN.userId, 'm-here'))).toBe(secret);
    expect(JSON.parse((await core.vault.get(indexAccount(DIRECTORY_URL, MEGAN.userId)))!)).toEqual({ methods: { 'm-here': { algorithm: 'SHA1', digits: 6, period: 30 } } });
    expect(core.callsTo('confirmAuthenticatorApp')[0]).toMatchObject({ body: { setupId: 'SETUP-ID-never-in-ipc', name: 'This laptop' }, token: SESSION_TOKEN });
    // The pending entry written before the confirm is gone; only the method's two items remain.
    expect([...(core.vault as unknown as { items: Map<string, string> }).items.keys()].sort()).toEqual(
      [indexAccount(DIRECTORY_URL, MEGAN.userId), secretAccount(DIRECTORY_URL, MEGAN.userId, 'm-here')].sort(),
    );
    expect(core.protectContent).not.toHaveBeenCalled();
  });

  it('not available here: NOT_AVAILABLE, and the directory is never asked for a secret', async () => {
    await withDirectory({ presence: fakePresence('success', false).presence });
    expect(await core.ipc('thisDevice.add', { name: 'Laptop' })).toMatchObject({ ok: false, error: { code: 'NOT_AVAILABLE' } });
    expect(core.callsTo('beginAuthenticatorApp')).toEqual([]);
  });

  it('a keyring that refuses to store: its error passes through as is, and the setup is never confirmed', async () => {
    const vault = new MemoryVault();
    vault.set = async () => {
      throw new VaultError('The OS keyring module (keytar) is not installed', { code: 'KEYRING_MODULE_MISSING' });
    };
    await withDirectory({ vault });
    expect(await core.ipc('thisDevice.add', { name: 'Laptop' })).toEqual({ ok: false, error: { code: 'KEYRING_MODULE_MISSING', message: 'The OS keyring module (keytar) is not installed' } });
    expect(core.callsTo('confirmAuthenticatorApp')).toEqual([]);
  });

  it('the keyring fails after the directory confirmed: the method is removed again, the error returned', async () => {
    const vault = new MemoryVault();
    const realSet = vault.set.bind(vault);
    vault.set = async (account, value) => {
      if (account.endsWith('|m-here')) throw new VaultError('The system keyring is not available: locked');
      return realSet(account, value);
    };
    await withDirectory({ vault });
    expect(await core.ipc('thisDevice.add', { name: 'Laptop' })).toMatchObject({ ok: false, error: { code: 'VAULT_UNAVAILABLE' } });
    expect(core.callsTo('removeMethod')).toEqual([{ name: 'removeMethod', body: { methodId: 'm-here' }, token: SESSION_TOKEN }]);
  });

  it('the directory refuses the confirm: nothing is left in the keyring', async () => {
    await withDirectory();
    core.answers.confirmAuthenticatorApp = () => err('THROTTLED', 'Too many');
    expect(await core.ipc('thisDevice.add', { name: 'Laptop' })).toMatchObject({ ok: false, error: { code: 'THROTTLED' } });
    expect((core.vault as unknown as { items: Map<string, string> }).items.size).toBe(0);
  });
});

describe('thisDevice.getCode', () => {
  it('success: the code of now, its seconds left and period — after the OS was asked in the reading language', async () => {
    const { presence, confirm } = fakePresence('success');
    const now = Date.parse('2026-03-02T09:00:10.000Z');
    await withDirectory({ presence, now: () => now });
    await core.ipc('thisDevice.add', { name: 'Laptop' });
    expect(await core.ipc('thisDevice.getCode', { methodId: 'm-here' })).toEqual({
      ok: true,
      data: { outcome: 'success', code: await generate({ secret, epoch: now / 1000 }), secondsLeft: 20, period: 30 },
    });
    expect(confirm).toHaveBeenCalledWith('show your sign-in code');
    await core.ipc('app.setLanguage', { language: 'zh-TW', remember: false });
    await core.ipc('thisDevice.getCode', { methodId: 'm-here' });
    expect(confirm).toHaveBeenLastCalledWith('顯示您的登入驗證碼');
  });

  it.each<[string, string, PresenceResult | (() => Promise<PresenceResult>)]>([
    ['cancelled', 'cancelled', 'cancelled'],
    ['unavailable', 'unavailable', 'unavailable'],
    ['error', 'error', 'error'],
    ['a prompt that throws', 'error', () => Promise.reject(new Error('LAError'))],
    ['an answer outside the union', 'error', async () => 'yes' as PresenceResult],
  ])('presence %s → outcome %s and no code; the secret is not even read', async (_label, outcome, answer) => {
    await withDirectory({ presence: fakePresence(answer).presence });
    await core.ipc('thisDevice.add', { name: 'Laptop' });
    const readSecret = vi.spyOn(core.services.keys, 'secret');
    const result = await core.ipc('thisDevice.getCode', { methodId: 'm-here' });
    expect(result).toEqual({ ok: true, data: { outcome } });
    expect(readSecret).not.toHaveBeenCalled();
  });

  it('a method that is not on this device: METHOD_NOT_AVAILABLE without a prompt', async () => {
    const { presence, confirm } = fakePresence('success');
    await withDirectory({ presence });
    expect(await core.ipc('thisDevice.getCode', { methodId: 'm-elsewhere' })).toMatchObject({ ok: false, error: { code: 'METHOD_NOT_AVAILABLE' } });
    expect(confirm).not.toHaveBeenCalled();
  });

  it('neither signed in nor resetting: UNAUTHORIZED without a prompt', async () => {
    const { presence, confirm } = fakePresence('success');
    await withDirectory({ presence });
    await core.ipc('thisDevice.add', { name: 'Laptop' });
    await core.ipc('session.signOut');
    expect(await core.ipc('thisDevice.getCode', { methodId: 'm-here' })).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(confirm).not.toHaveBeenCalled();
  });

  it('at a reset gate (no session): the reset user’s method gives its code', async () => {
    await withDirectory();
    await core.ipc('thisDevice.add', { name: 'Laptop' });
    await core.ipc('session.signOut');
    core.answers.startReset = () => ok({ resetToken: RESET_TOKEN, expiresAt: '2030-01-01T00:15:00.000Z', required: 1, methods: [{ id: 'm-here', type: 'authenticatorApp', hint: 'Laptop' }] });
    expect(await core.ipc('reset.start', { userId: MEGAN.userId })).toMatchObject({ ok: true, data: { methods: [{ id: 'm-here', onThisDevice: true }] } });
    const result = await core.ipc('thisDevice.getCode', { methodId: 'm-here' });
    expect(result).toMatchObject({ ok: true, data: { outcome: 'success' } });
    expect((await verify({ secret, token: (result as unknown as { data: { code: string } }).data.code })).valid).toBe(true);
  });

  it('when policy now forbids it, a method already here gives no code and no prompt', async () => {
    const { presence, confirm } = fakePresence('success');
    await withDirectory({ presence });
    await core.ipc('thisDevice.add', { name: 'Laptop' });
    core.services.config.effective = () => ({ values: { thisDeviceAuthenticator: false }, locked: new Set(['thisDeviceAuthenticator']), problems: [] });
    expect(await core.ipc('thisDevice.getCode', { methodId: 'm-here' })).toEqual({ ok: true, data: { outcome: 'unavailable' } });
    expect(confirm).not.toHaveBeenCalled();
  });
});

describe('security regression: a this-device flow never hands out its secret', () => {
  it('add, status, code, list, remove: no answer holds the TOTP secret, the setup id or a token', async () => {
    await withDirectory();
    core.answers.getSecurityInfo = () =>
      ok({ methods: [registered('m-here')], enabled: ['authenticatorApp'], canAdd: ['authenticatorApp'], defaultMethodId: 'm-here', required: 1, registrationComplete: true, reconfirmDue: false, requiredAtLaunch: false, skipsLeft: 0 });
    await core.ipc('thisDevice.add', { name: 'Laptop' });
    await core.ipc('thisDevice.getStatus');
    await core.ipc('thisDevice.getCode', { methodId: 'm-here' });
    await core.ipc('securityInfo.get');
    await core.ipc('securityInfo.removeMethod', { methodId: 'm-here' });
    expect(core.seen.every((r) => r.ok)).toBe(true);
    const text = JSON.stringify(core.seen);
    for (const hidden of [secret, 'SETUP-ID-never-in-ipc', SESSION_TOKEN]) expect(text).not.toContain(hidden);
    expect(core.log.mock.calls.join(' ')).not.toContain(secret);
    // …and the removal took the secret out of the keyring.
    expect(await core.vault.get(secretAccount(DIRECTORY_URL, MEGAN.userId, 'm-here'))).toBeNull();
  });
});
