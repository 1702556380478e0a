/**
 * Adding each method: the setup id the directory hands out stays on the main side, one per
 * kind (a phone setup and an email setup never clobber each other; a resend replaces its
 * kind's id), and every confirm sends the directory the id of its own kind.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { err, ok } from '../../../../contract/errors.js';
import { fakeCore, registered, SESSION_TOKEN, signedIn, type FakeCore } from './fake-core.js';

let core: FakeCore;
let counter = 0;
beforeEach(async () => {
  core = await fakeCore();
  counter = 0;
  const started = (prefix: string) => () => ok({ setupId: `${prefix}-${++counter}`, sentTo: `${prefix} masked`, expiresAt: '2030-01-01T00:10:00.000Z', digits: 6 });
  core.answers.beginPhone = started('setup-phone');
  core.answers.beginEmail = started('setup-email');
  core.answers.confirmPhone = () => ok({ method: registered('m-sms', 'sms', '+1 •••• 0123') });
  core.answers.confirmEmail = () => ok({ method: registered('m-email', 'email', 'm•••@example.net') });
  core.answers.beginSecurityKey = () => ok({ setupId: 'setup-key-1', options: { challenge: 'c', rp: { id: 'localhost' } } });
  core.answers.confirmSecurityKey = () => ok({ method: registered('m-key', 'securityKey', 'Blue key') });
  await signedIn(core);
});
afterEach(() => core.close());

const setupIdsSent = (name: 'confirmPhone' | 'confirmEmail' | 'confirmSecurityKey') => core.callsTo(name).map((c) => (c.body as { setupId: string }).setupId);

describe('phone and email setups live side by side', () => {
  it('phone, then email, then both confirmed: each confirm carries its own setup id', async () => {
    expect(await core.ipc('securityInfo.beginPhone', { type: 'sms', phoneNumber: '+14255550123', country: 'US' })).toEqual({
      ok: true,
      data: { sentTo: 'setup-phone masked', expiresAt: '2030-01-01T00:10:00.000Z', digits: 6 },
    });
    await core.ipc('securityInfo.beginEmail', { address: 'megan@example.net' });
    expect(await core.ipc('securityInfo.confirmPhone', { code: '111111' })).toEqual({ ok: true, data: { method: { ...registered('m-sms', 'sms', '+1 •••• 0123'), onThisDevice: false } } });
    expect(await core.ipc('securityInfo.confirmEmail', { code: '222222' })).toMatchObject({ ok: true, data: { method: { id: 'm-email', onThisDevice: false } } });
    expect(core.callsTo('confirmPhone')[0]).toEqual({ name: 'confirmPhone', body: { setupId: 'setup-phone-1', code: '111111' }, token: SESSION_TOKEN });
    expect(setupIdsSent('confirmEmail')).toEqual(['setup-email-2']);
  });

  it('a resend replaces its own kind only: the phone confirm uses the newest phone setup, the email one stays', async () => {
    await core.ipc('securityInfo.beginEmail', { address: 'megan@example.net' });
    await core.ipc('securityInfo.beginPhone', { type: 'voice', phoneNumber: '+14255550123' });
    await core.ipc('securityInfo.beginPhone', { type: 'voice', phoneNumber: '+14255550123' });
    await core.ipc('securityInfo.confirmPhone', { code: '111111' });
    await core.ipc('securityInfo.confirmEmail', { code: '222222' });
    expect(setupIdsSent('confirmPhone')).toEqual(['setup-phone-3']);
    expect(setupIdsSent('confirmEmail')).toEqual(['setup-email-1']);
  });

  it('a wrong code keeps the setup for another try; SETUP_EXPIRED forgets it', async () => {
    await core.ipc('securityInfo.beginPhone', { type: 'sms', phoneNumber: '+14255550123' });
    core.answers.confirmPhone = () => err('INVALID_CODE', 'Wrong code');
    expect(await core.ipc('securityInfo.confirmPhone', { code: '000000' })).toMatchObject({ ok: false, error: { code: 'INVALID_CODE' } });
    expect(core.services.state.setupId('phone')).toBe('setup-phone-1');
    core.answers.confirmPhone = () => err('SETUP_EXPIRED', 'Too late');
    await core.ipc('securityInfo.confirmPhone', { code: '000000' });
    expect(core.services.state.setupId('phone')).toBeNull();
  });

  it('confirming what was never begun: SETUP_EXPIRED without asking the directory', async () => {
    for (const channel of ['securityInfo.confirmPhone', 'securityInfo.confirmEmail'] as const) {
      expect(await core.ipc(channel, { code: '123456' })).toMatchObject({ ok: false, error: { code: 'SETUP_EXPIRED' } });
    }
    expect(await core.ipc('securityInfo.confirmSecurityKey', { name: 'k', response: { id: 'a', rawId: 'a', type: 'public-key', response: {} } })).toMatchObject({
      ok: false,
      error: { code: 'SETUP_EXPIRED' },
    });
    expect(core.calls.map((c) => c.name)).toEqual(['signIn']);
  });

  it('a successful confirm is single use here too', async () => {
    await core.ipc('securityInfo.beginEmail', { address: 'megan@example.net' });
    await core.ipc('securityInfo.confirmEmail', { code: '222222' });
    expect(await core.ipc('securityInfo.confirmEmail', { code: '222222' })).toMatchObject({ ok: false, error: { code: 'SETUP_EXPIRED' } });
  });
});

describe('security keys', () => {
  it('creation options out (with the attachment asked for), the registration response in with its own setup id', async () => {
    expect(await core.ipc('securityInfo.beginSecurityKey', { attachment: 'platform' })).toEqual({ ok: true, data: { options: { challenge: 'c', rp: { id: 'localhost' } } } });
    expect(core.callsTo('beginSecurityKey')[0]!.body).toEqual({ attachment: 'platform' });
    await core.ipc('securityInfo.beginPhone', { type: 'sms', phoneNumber: '+14255550123' });
    const response = { id: 'cred', rawId: 'cred', type: 'public-key' as const, response: { attestationObject: 'o', clientDataJSON: 'c' } };
    expect(await core.ipc('securityInfo.confirmSecurityKey', { name: 'Blue key', response })).toMatchObject({ ok: true, data: { method: { id: 'm-key', type: 'securityKey' } } });
    expect(core.callsTo('confirmSecurityKey')[0]!.body).toEqual({ setupId: 'setup-key-1', name: 'Blue key', response });
  });
});

describe('no setup id, ever, in an answer', () => {
  it('after every begin and confirm above, no answer contains a setup id or the session token', async () => {
    await core.ipc('securityInfo.beginPhone', { type: 'sms', phoneNumber: '+14255550123' });
    await core.ipc('securityInfo.beginEmail', { address: 'megan@example.net' });
    await core.ipc('securityInfo.beginSecurityKey', {});
    await core.ipc('securityInfo.confirmPhone', { code: '111111' });
    await core.ipc('securityInfo.confirmEmail', { code: '111111' });
    const text = JSON.stringify(core.seen);
    expect(core.seen.length).toBeGreaterThanOrEqual(6);
    for (const secret of ['setup-phone-1', 'setup-email-2', 'setup-key-1', SESSION_TOKEN, 'setupId']) expect(text).not.toContain(secret);
  });
});
