/**
 * Adding an authenticator app on another device: the QR payload is handed out once and the
 * window is protected from capture while it can be on screen — on at begin, off when the
 * setup is confirmed, expires (abandoned) or the session ends; a wrong code keeps it on.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { err, ok } from '../../../../contract/errors.js';
import { fakeCore, MEGAN, registered, signedIn, type FakeCore } from './fake-core.js';

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
let core: FakeCore;
beforeEach(async () => {
  core = await fakeCore();
  core.answers.beginAuthenticatorApp = () =>
    ok({
      setupId: 'setup-app-1',
      secret: SECRET,
      otpauthUri: `otpauth://totp/Contoso:${MEGAN.userId}?secret=${SECRET}&issuer=Contoso`,
      issuer: 'Contoso',
      accountName: MEGAN.userId,
      algorithm: 'SHA1',
      digits: 6,
      period: 30,
      expiresAt: new Date(Date.now() + 10 * 60_000).toISOString(),
    });
  core.answers.confirmAuthenticatorApp = () => ok({ method: registered('m-app', 'authenticatorApp', 'Phone') });
  await signedIn(core);
});
afterEach(async () => {
  vi.useRealTimers();
  await core.close();
});

describe('securityInfo.beginAuthenticatorApp', () => {
  it('hands out the QR payload and manual key only (no setup id), and protects the window', async () => {
    const begin = await core.ipc('securityInfo.beginAuthenticatorApp');
    expect(begin).toEqual({ ok: true, data: { otpauthUri: expect.stringContaining(SECRET), manualKey: SECRET, issuer: 'Contoso', accountName: MEGAN.userId } });
    expect(JSON.stringify(begin)).not.toContain('setup-app-1');
    expect(core.protectContent.mock.calls).toEqual([[true]]);
  });

  it('a refused begin (no second factor yet) shows nothing and protects nothing', async () => {
    core.answers.beginAuthenticatorApp = () => err('SECOND_FACTOR_REQUIRED', 'Verify first');
    expect(await core.ipc('securityInfo.beginAuthenticatorApp')).toMatchObject({ ok: false, error: { code: 'SECOND_FACTOR_REQUIRED' } });
    expect(core.protectContent).not.toHaveBeenCalled();
  });
});

describe('securityInfo.confirmAuthenticatorApp', () => {
  it('confirmed: the directory gets the kept setup id with code and name; protection off; the setup is spent', async () => {
    await core.ipc('securityInfo.beginAuthenticatorApp');
    expect(await core.ipc('securityInfo.confirmAuthenticatorApp', { code: '123456', name: 'Phone' })).toEqual({
      ok: true,
      data: { method: { ...registered('m-app'), onThisDevice: false } },
    });
    expect(core.callsTo('confirmAuthenticatorApp')[0]!.body).toEqual({ setupId: 'setup-app-1', code: '123456', name: 'Phone' });
    expect(core.protectContent.mock.calls).toEqual([[true], [false]]);
    expect(await core.ipc('securityInfo.confirmAuthenticatorApp', { code: '123456', name: 'Phone' })).toMatchObject({ ok: false, error: { code: 'SETUP_EXPIRED' } });
  });

  it('a wrong code: the QR stays up (protected) for another try', async () => {
    await core.ipc('securityInfo.beginAuthenticatorApp');
    core.answers.confirmAuthenticatorApp = () => err('INVALID_CODE', 'Wrong code');
    await core.ipc('securityInfo.confirmAuthenticatorApp', { code: '000000', name: 'Phone' });
    expect(core.protectContent.mock.calls).toEqual([[true]]);
    expect(core.services.state.setupId('authenticatorApp')).toBe('setup-app-1');
  });

  it('SETUP_EXPIRED from the directory: protection off, setup forgotten', async () => {
    await core.ipc('securityInfo.beginAuthenticatorApp');
    core.answers.confirmAuthenticatorApp = () => err('SETUP_EXPIRED', 'Too late');
    await core.ipc('securityInfo.confirmAuthenticatorApp', { code: '000000', name: 'Phone' });
    expect(core.protectContent.mock.calls).toEqual([[true], [false]]);
    expect(core.services.state.setupId('authenticatorApp')).toBeNull();
  });

  it('abandoned: when the setup expires unconfirmed, protection goes off by itself', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    await core.ipc('securityInfo.beginAuthenticatorApp');
    expect(core.services.qrGuard.active).toBe(true);
    vi.advanceTimersByTime(9 * 60_000);
    expect(core.protectContent.mock.calls).toEqual([[true]]);
    vi.advanceTimersByTime(2 * 60_000);
    expect(core.protectContent.mock.calls).toEqual([[true], [false]]);
  });

  it('a new sign-in ends the old session: protection off', async () => {
    await core.ipc('securityInfo.beginAuthenticatorApp');
    await signedIn(core);
    expect(core.protectContent).toHaveBeenLastCalledWith(false);
    expect(core.services.state.setupId('authenticatorApp')).toBeNull();
  });

  it('a host whose protection hook throws does not break the setup', async () => {
    core.protectContent.mockImplementation(() => {
      throw new Error('no window');
    });
    expect(await core.ipc('securityInfo.beginAuthenticatorApp')).toMatchObject({ ok: true });
  });
});
