/**
 * Sign-in, the second factor with every method (a challenge first, then the proof as the
 * contract carries it) and sign-out: the session token stays on the main side, and the
 * methods offered say which ones this device's authenticator answers.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { err, ok } from '../../../../contract/errors.js';
import { fakeCore, MEGAN, SESSION_TOKEN, signedIn, type FakeCore } from './fake-core.js';

let core: FakeCore;
beforeEach(async () => {
  core = await fakeCore();
});
afterEach(() => core.close());

const offered = [
  { id: 'm-app', type: 'authenticatorApp' as const, hint: 'Phone' },
  { id: 'm-here', type: 'authenticatorApp' as const, hint: 'This laptop' },
  { id: 'm-sms', type: 'sms' as const, hint: '+1 •••• 0123' },
  { id: 'm-key', type: 'securityKey' as const, hint: 'Blue key' },
];

describe('session.signIn', () => {
  it('offers every method the directory offers (no filter), each marked on this device or not', async () => {
    await core.services.keys.save(MEGAN.userId, 'm-here', 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', { algorithm: 'SHA1', digits: 6, period: 30 });
    const data = await signedIn(core, offered);
    expect(data.status).toBe('secondFactorRequired');
    expect(data.secondFactorMethods).toEqual(offered.map((m) => ({ ...m, onThisDevice: m.id === 'm-here' })));
    expect(JSON.stringify(core.seen)).not.toContain(SESSION_TOKEN);
  });

  it('a keyring that cannot be read marks nothing but still signs in', async () => {
    core.vault.get = async () => {
      throw Object.assign(new Error('no keyring'), { code: 'VAULT_UNAVAILABLE' });
    };
    const data = await signedIn(core, offered);
    expect((data.secondFactorMethods as { onThisDevice: boolean }[]).every((m) => !m.onThisDevice)).toBe(true);
  });

  it('a refused sign-in passes the directory code through and leaves no session', async () => {
    core.answers.signIn = () => err('INVALID_CREDENTIALS', 'Wrong user id or password');
    expect(await core.ipc('session.signIn', { userId: MEGAN.userId, password: 'nope' })).toMatchObject({ ok: false, error: { code: 'INVALID_CREDENTIALS' } });
    expect(core.services.state.sessionToken).toBeNull();
  });
});

describe('session.startSecondFactor and verifySecondFactor', () => {
  it('without a session: UNAUTHORIZED and the directory is not asked', async () => {
    expect(await core.ipc('session.startSecondFactor', { methodId: 'm-sms' })).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(await core.ipc('session.verifySecondFactor', { methodId: 'm-sms', code: '123456' })).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(core.calls).toEqual([]);
  });

  it('a text message: the challenge says where the code went; the code goes back with the session token', async () => {
    await signedIn(core, offered);
    core.answers.startSecondFactor = () => ok({ kind: 'code', channel: 'sms', sentTo: '+1 •••• 0123', digits: 6, expiresAt: '2030-01-01T00:05:00.000Z' });
    core.answers.verifySecondFactor = () => ok({ user: MEGAN });
    expect(await core.ipc('session.startSecondFactor', { methodId: 'm-sms' })).toEqual({ ok: true, data: { kind: 'code', channel: 'sms', sentTo: '+1 •••• 0123', digits: 6, expiresAt: '2030-01-01T00:05:00.000Z' } });
    expect(await core.ipc('session.verifySecondFactor', { methodId: 'm-sms', code: '123456' })).toEqual({ ok: true, data: { user: MEGAN } });
    expect(core.callsTo('startSecondFactor')).toEqual([{ name: 'startSecondFactor', body: { methodId: 'm-sms' }, token: SESSION_TOKEN }]);
    expect(core.callsTo('verifySecondFactor')).toEqual([{ name: 'verifySecondFactor', body: { methodId: 'm-sms', code: '123456' }, token: SESSION_TOKEN }]);
  });

  it('a security key: WebAuthn options out, the assertion in, as the contract shapes them', async () => {
    await signedIn(core, offered);
    core.answers.startSecondFactor = () => ok({ kind: 'webauthn', options: { challenge: 'c1', allowCredentials: [] } });
    core.answers.verifySecondFactor = () => ok({ user: MEGAN });
    const assertion = { id: 'cred', rawId: 'cred', type: 'public-key' as const, response: { signature: 'sig' }, clientExtensionResults: {} };
    expect(await core.ipc('session.startSecondFactor', { methodId: 'm-key' })).toMatchObject({ ok: true, data: { kind: 'webauthn' } });
    expect(await core.ipc('session.verifySecondFactor', { methodId: 'm-key', assertion })).toMatchObject({ ok: true });
    expect(core.callsTo('verifySecondFactor')[0]!.body).toEqual({ methodId: 'm-key', assertion });
  });

  it('a proof with both a code and an assertion never reaches the directory', async () => {
    await signedIn(core, offered);
    const result = await core.ipc('session.verifySecondFactor', { methodId: 'm-key', code: '123456', assertion: { id: 'a', rawId: 'a', type: 'public-key', response: {} } });
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(core.callsTo('verifySecondFactor')).toEqual([]);
  });
});

describe('session.signOut', () => {
  it('forgets the token and the setups, tells the directory, and lifts the QR screen guard', async () => {
    await signedIn(core);
    core.answers.beginAuthenticatorApp = () =>
      ok({ setupId: 'setup-app', secret: 'JBSWY3DPEHPK3PXP', otpauthUri: 'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP', issuer: 'Contoso', accountName: MEGAN.userId, algorithm: 'SHA1', digits: 6, period: 30, expiresAt: '2030-01-01T00:10:00.000Z' });
    core.answers.signOut = () => ok({});
    await core.ipc('securityInfo.beginAuthenticatorApp');
    expect(core.protectContent).toHaveBeenLastCalledWith(true);
    expect(await core.ipc('session.signOut')).toEqual({ ok: true, data: {} });
    expect(core.protectContent).toHaveBeenLastCalledWith(false);
    expect(core.callsTo('signOut')[0]!.token).toBe(SESSION_TOKEN);
    expect(core.services.state.sessionToken).toBeNull();
    expect(core.services.state.setupId('authenticatorApp')).toBeNull();
    expect(await core.ipc('securityInfo.get')).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
  });

  it('signing out when the directory is down still ends the session here', async () => {
    await signedIn(core);
    core.answers.signOut = () => err('DIRECTORY_UNREACHABLE', 'down');
    expect(await core.ipc('session.signOut')).toEqual({ ok: true, data: {} });
    expect(core.services.state.sessionToken).toBeNull();
  });
});
