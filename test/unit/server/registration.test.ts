/**
 * Registering an authenticator app through the API: what a user with no method sees, the
 * secret's strength, proving a code, the second factor that registration then requires, the
 * notification, and that a setup belongs to the session that started it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ALAIN, ALAIN_APP, MEGAN, alainCode, createApiHarness, failure, success, type ApiHarness, type ApiReply } from '../../support/api-harness.js';
import { totpCode, wrongCode } from '../../support/totp.js';

let h: ApiHarness;
beforeEach(async () => {
  h = await createApiHarness();
});
afterEach(() => h.close());

const STEP = 30_000;

describe('megan registers her first authenticator app', () => {
  it('signs in with no second factor; security info lists no methods and offers an authenticator app', async () => {
    const signIn = success(await h.call('signIn', { userId: MEGAN, password: 'Demo-Passw0rd-2026' }));
    expect(signIn.secondFactor).toBe('none');
    expect(signIn.secondFactorMethods).toEqual([]);
    const info = success(await h.call('getSecurityInfo', {}, signIn.sessionToken));
    expect(info.methods).toEqual([]);
    expect(info.canAdd).toContain('authenticatorApp');
  });

  it('gets a fresh secret of at least 160 bits and an otpauth URI for issuer Contoso', async () => {
    const token = await h.signIn(MEGAN);
    const begin = success(await h.call('beginAuthenticatorApp', {}, token));
    expect(begin.secret).toMatch(/^[A-Z2-7]{32,}$/);
    const uri = new URL(begin.otpauthUri);
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(uri.searchParams.get('issuer')).toBe('Contoso');
    expect(uri.searchParams.get('secret')).toBe(begin.secret);
    expect(decodeURIComponent(uri.pathname)).toContain(MEGAN);
    const again = success(await h.call('beginAuthenticatorApp', {}, token));
    expect(again.secret).not.toBe(begin.secret);
    expect(again.setupId).not.toBe(begin.setupId);
  });

  it('a wrong code is INVALID_CODE; the right code adds the method, which is then listed', async () => {
    const token = await h.signIn(MEGAN);
    const { setupId, secret } = success(await h.call('beginAuthenticatorApp', {}, token));
    expect(failure(await h.call('confirmAuthenticatorApp', { setupId, code: await wrongCode(secret, h.clock()), name: 'Phone' }, token)).code).toBe('INVALID_CODE');
    const { method } = success(await h.call('confirmAuthenticatorApp', { setupId, code: await totpCode(secret, h.clock()), name: 'Phone' }, token));
    expect(method).toMatchObject({ type: 'authenticatorApp', label: 'Phone' });
    const info = success(await h.call('getSecurityInfo', {}, token));
    expect(info.methods.map((m) => m.id)).toEqual([method.id]);
    // The method's secret never comes back in security info.
    expect(JSON.stringify(info)).not.toContain(secret);
  });

  it('a setup is used once: confirming it again is SETUP_EXPIRED', async () => {
    const token = await h.signIn(MEGAN);
    const { setupId, secret } = success(await h.call('beginAuthenticatorApp', {}, token));
    success(await h.call('confirmAuthenticatorApp', { setupId, code: await totpCode(secret, h.clock()), name: 'Phone' }, token));
    h.clock.advance(STEP);
    expect(failure(await h.call('confirmAuthenticatorApp', { setupId, code: await totpCode(secret, h.clock()), name: 'Again' }, token)).code).toBe('SETUP_EXPIRED');
  });

  it('once registered, a new sign-in requires the second factor and security info answers SECOND_FACTOR_REQUIRED until it is passed', async () => {
    const first = await h.signIn(MEGAN);
    const { setupId, secret } = success(await h.call('beginAuthenticatorApp', {}, first));
    const { method } = success(await h.call('confirmAuthenticatorApp', { setupId, code: await totpCode(secret, h.clock()), name: 'Phone' }, first));

    const signIn = success(await h.call('signIn', { userId: MEGAN, password: 'Demo-Passw0rd-2026' }));
    expect(signIn.secondFactor).toBe('required');
    expect(signIn.secondFactorMethods.map((m) => m.id)).toEqual([method.id]);
    const token = signIn.sessionToken;
    const replies: ApiReply<unknown>[] = [
      await h.call('getSecurityInfo', {}, token),
      await h.call('beginAuthenticatorApp', {}, token),
      await h.call('confirmAuthenticatorApp', { setupId, code: '123456', name: 'Attacker' }, token),
    ];
    for (const reply of replies) {
      expect(reply.status).toBe(403);
      expect(failure(reply).code).toBe('SECOND_FACTOR_REQUIRED');
    }
    // The code that confirmed the app was used: it cannot pass the second factor.
    expect(failure(await h.call('verifySecondFactor', { methodId: method.id, code: await totpCode(secret, h.clock()) }, token)).code).toBe('INVALID_CODE');
    h.clock.advance(STEP);
    success(await h.call('verifySecondFactor', { methodId: method.id, code: await totpCode(secret, h.clock()) }, token));
    expect(success(await h.call('getSecurityInfo', {}, token)).methods).toHaveLength(1);
  });

  it('a signed-out session cannot read security info (UNAUTHORIZED)', async () => {
    const token = await h.signIn(MEGAN);
    success(await h.call('signOut', {}, token));
    expect(failure(await h.call('getSecurityInfo', {}, token)).code).toBe('UNAUTHORIZED');
  });
});

describe('a setup belongs to its session', () => {
  it("another session's setupId is SETUP_EXPIRED, and the owning session can still confirm it", async () => {
    const a = await h.signIn(MEGAN);
    const b = await h.signIn(MEGAN);
    const { setupId, secret } = success(await h.call('beginAuthenticatorApp', {}, a));
    const code = await totpCode(secret, h.clock());
    const reply = await h.call('confirmAuthenticatorApp', { setupId, code, name: 'Stolen' }, b);
    expect(reply.status).toBe(410);
    expect(failure(reply).code).toBe('SETUP_EXPIRED');
    success(await h.call('confirmAuthenticatorApp', { setupId, code, name: 'Phone' }, a));
  });

  it('a setup expires after 10 minutes', async () => {
    const token = await h.signIn(MEGAN);
    const { setupId, secret } = success(await h.call('beginAuthenticatorApp', {}, token));
    h.clock.advance(10 * 60_000 + 1);
    expect(failure(await h.call('confirmAuthenticatorApp', { setupId, code: await totpCode(secret, h.clock()), name: 'Phone' }, token)).code).toBe('SETUP_EXPIRED');
  });
});

describe('alain adds a second app', () => {
  it('after passing his registered app; his alternate email is told about the change', async () => {
    const token = await h.signIn(ALAIN);
    expect(failure(await h.call('beginAuthenticatorApp', {}, token)).code).toBe('SECOND_FACTOR_REQUIRED');
    success(await h.call('verifySecondFactor', { methodId: ALAIN_APP, code: await alainCode(h) }, token));
    const { setupId, secret } = success(await h.call('beginAuthenticatorApp', {}, token));
    expect(h.ctx.outbox!.list()).toHaveLength(0);
    success(await h.call('confirmAuthenticatorApp', { setupId, code: await totpCode(secret, h.clock()), name: 'Work phone' }, token));
    const messages = h.ctx.outbox!.list();
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ channel: 'email', to: 'alain.charon@example.net' });
    expect(messages[0]!.body).toContain('Work phone');
    expect(messages[0]!.body).not.toContain(secret);
  });
});
