/**
 * The directory service configured on a real OpenLDAP (slapd with ppolicy), as IT would run
 * it: sign in with the directory's password, register an authenticator app, reset through
 * it — and the new password is the directory's. The directory's refusal comes back in its
 * own words; the directory down is DIRECTORY_UNAVAILABLE, and nothing is spent by it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serviceConfigSchema } from '../../../server/config/config-schema.js';
import { createConfiguredContext } from '../../../server/create-configured-context.js';
import { OpenLdapDirectory } from '../../../server/directories/ldap/openldap-directory.js';
import { type ApiHarness, harnessOver } from '../../support/api-harness.js';
import { fastHasher } from '../../support/api-flows.js';
import { createFakeClock } from '../../support/fake-clock.js';
import { nextStepCode, totpCode } from '../../support/totp.js';
import { Attribute, Change, Client } from 'ldapts';
import { ADMIN_DN, ADMIN_PASSWORD, BASE, LDAP_USERS, openLdapOptions, SERVICE_DN, startSlapd, type Slapd } from './slapd.js';

let slapd: Slapd;
let h: ApiHarness;
let close: () => Promise<void>;

beforeEach(async () => {
  slapd = await startSlapd();
  const config = serviceConfigSchema.parse({
    tenant: { name: 'Contoso' },
    policy: { methodsEnabled: ['authenticatorApp'], ssprEnabledFor: { groups: ['sspr-users'] } },
    directory: { kind: 'openldap', url: slapd.url, bindDn: SERVICE_DN, bindPasswordEnv: 'LDAP_PW', userBase: `ou=people,${BASE}`, groupBase: `ou=groups,${BASE}`, defaultPolicyDn: `cn=default,ou=policies,${BASE}`, timeoutSeconds: 3 },
    store: { kind: 'memory' },
    secrets: { keyEnv: 'KEY' },
  });
  const configured = await createConfiguredContext(config, { LDAP_PW: 'Service-Passw0rd!', KEY: Buffer.alloc(32, 7).toString('base64') });
  const clock = createFakeClock(Date.now());
  configured.context.clock = clock;
  configured.context.hasher = fastHasher();
  h = await harnessOver(configured.context, clock);
  close = async () => {
    await h.close();
    await configured.context.store.close();
    await configured.close();
  };
});
afterEach(async () => {
  await close();
  await slapd.stop();
});

/** Sign lee in, register an app; returns its secret and method id. */
async function leeWithApp(): Promise<{ secret: string; methodId: string }> {
  const session = await h.signIn('lee', LDAP_USERS.lee);
  const setup = await h.call('beginAuthenticatorApp', {}, session);
  if (!setup.body.ok) throw new Error(setup.body.error.code);
  const confirmed = await h.call('confirmAuthenticatorApp', { setupId: setup.body.data.setupId, code: await totpCode(setup.body.data.secret, h.clock()), name: 'Phone' }, session);
  if (!confirmed.body.ok) throw new Error(confirmed.body.error.code);
  return { secret: setup.body.data.secret, methodId: confirmed.body.data.method.id };
}

async function passedReset(app: { secret: string; methodId: string }): Promise<string> {
  h.clock.advance(30_000);
  const start = await h.call('startReset', { userId: 'lee@contoso.test' });
  if (!start.body.ok) throw new Error(start.body.error.code);
  const verified = await h.call('verifyReset', { methodId: app.methodId, code: await nextStepCode(app.secret, h.clock()) }, start.body.data.resetToken);
  expect(verified.body).toMatchObject({ ok: true, data: { complete: true } });
  return start.body.data.resetToken;
}

describe('the service on a real OpenLDAP', () => {
  it('signs in with the directory password, registers an app, and resets the password in the directory', async () => {
    const app = await leeWithApp();
    const token = await passedReset(app);
    const done = await h.call('completeReset', { newPassword: 'Garden-Lantern-Ocean-42' }, token);
    expect(done.body.ok).toBe(true);
    const ldap = new OpenLdapDirectory(openLdapOptions(slapd.url));
    try {
      expect(await ldap.verifyPassword('lee', 'Garden-Lantern-Ocean-42')).toBe('ok');
      expect(await ldap.verifyPassword('lee', LDAP_USERS.lee)).toBe('invalid');
    } finally {
      await ldap.close();
    }
  });

  it("a password the directory refuses (ppolicy history) comes back in the directory's words, and the reset can try another", async () => {
    const app = await leeWithApp();
    let token = await passedReset(app);
    expect((await h.call('completeReset', { newPassword: 'Garden-Lantern-Ocean-42' }, token)).body.ok).toBe(true);
    token = await passedReset(app);
    expect((await h.call('completeReset', { newPassword: 'Meadow-Copper-Violin-19' }, token)).body.ok).toBe(true);
    token = await passedReset(app);
    // Back to the previous one: ours allows it (we keep no history), ppolicy's pwdInHistory refuses it.
    const refused = await h.call('completeReset', { newPassword: 'Garden-Lantern-Ocean-42' }, token);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ ok: false, error: { code: 'POLICY_VIOLATION', rule: 'directory', directoryMessage: expect.stringMatching(/history/i), supportCode: expect.any(String) } });
    expect((await h.call('completeReset', { newPassword: 'Harbor-Willow-Stone-77' }, token)).body.ok).toBe(true);
  });

  it('the directory down: sign-in is DIRECTORY_UNAVAILABLE with a support code and spends no attempt; a reset claimed during the outage can be completed after it', async () => {
    const app = await leeWithApp();
    const token = await passedReset(app);
    await slapd.down();
    for (let i = 0; i < 12; i++) {
      const down = await h.call('signIn', { userId: 'lee', password: 'whatever' });
      expect(down.status).toBe(424);
      expect(down.body).toMatchObject({ ok: false, error: { code: 'DIRECTORY_UNAVAILABLE', supportCode: expect.any(String) } });
    }
    const during = await h.call('completeReset', { newPassword: 'Garden-Lantern-Ocean-42' }, token);
    expect(during.status).toBe(424);
    expect(during.body).toMatchObject({ ok: false, error: { code: 'DIRECTORY_UNAVAILABLE' } });
    await slapd.restart();
    // 12 outage sign-ins did not use up the 10 the limit allows.
    expect((await h.call('signIn', { userId: 'lee', password: LDAP_USERS.lee })).body.ok).toBe(true);
    expect((await h.call('completeReset', { newPassword: 'Garden-Lantern-Ocean-42' }, token)).body.ok).toBe(true);
  });

  it('unlock: a locked account is unlocked in the directory; an account an administrator disabled is ACCOUNT_DISABLED in the directory\'s words, and the token stays usable', async () => {
    const app = await leeWithApp();
    const unlockToken = async () => {
      h.clock.advance(30_000);
      const start = await h.call('startReset', { userId: 'lee', mode: 'unlock' });
      if (!start.body.ok) throw new Error(start.body.error.code);
      expect((await h.call('verifyReset', { methodId: app.methodId, code: await nextStepCode(app.secret, h.clock()) }, start.body.data.resetToken)).body.ok).toBe(true);
      return start.body.data.resetToken;
    };
    // Locked by 3 wrong passwords (ppolicy), then unlocked through the app's flow.
    for (let i = 0; i < 3; i++) await h.call('signIn', { userId: 'lee', password: 'wrong' });
    expect((await h.call('signIn', { userId: 'lee', password: LDAP_USERS.lee })).body.ok).toBe(false);
    expect((await h.call('unlockAccount', {}, await unlockToken())).body.ok).toBe(true);
    expect((await h.call('signIn', { userId: 'lee', password: LDAP_USERS.lee })).body.ok).toBe(true);
    // An administrator's lock (ppolicy's 000001010000Z) is not self-service's to lift: set while
    // a verified unlock is under way, it is refused at the unlock; afterwards already at the start.
    const token = await unlockToken();
    const admin = new Client({ url: slapd.url });
    try {
      await admin.bind(ADMIN_DN, ADMIN_PASSWORD);
      await admin.modify(`uid=lee,ou=people,${BASE}`, new Change({ operation: 'replace', modification: new Attribute({ type: 'pwdAccountLockedTime', values: ['000001010000Z'] }) }));
    } finally {
      await admin.unbind();
    }
    const refused = await h.call('unlockAccount', {}, token);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ ok: false, error: { code: 'ACCOUNT_DISABLED', directoryMessage: expect.stringMatching(/administrator/), supportCode: expect.any(String) } });
    // The refusal spent nothing: the same token is refused again for the same reason, not RESET_EXPIRED.
    expect((await h.call('unlockAccount', {}, token)).body).toMatchObject({ ok: false, error: { code: 'ACCOUNT_DISABLED' } });
    for (const mode of ['reset', 'unlock'] as const) {
      const start = await h.call('startReset', { userId: 'lee', mode });
      expect(start.status).toBe(403);
      expect(start.body).toMatchObject({ ok: false, error: { code: 'ACCOUNT_DISABLED', supportCode: expect.any(String) } });
    }
  });
});
