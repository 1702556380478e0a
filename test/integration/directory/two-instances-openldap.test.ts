/**
 * Two service instances behind one load balancer: one PostgreSQL store, one OpenLDAP. A reset
 * through one instance is the password on the other at once — the measured failure of the
 * memory directory (each instance kept its own passwords) cannot happen with a real one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceConfigSchema } from '../../../server/config/config-schema.js';
import { createConfiguredContext } from '../../../server/create-configured-context.js';
import { type ApiHarness, harnessOver } from '../../support/api-harness.js';
import { fastHasher } from '../../support/api-flows.js';
import { createFakeClock } from '../../support/fake-clock.js';
import { nextStepCode, totpCode } from '../../support/totp.js';
import { PG_MISSING, pgUrl, TestSchemas } from '../store/pg-test-db.js';
import { BASE, LDAP_USERS, SERVICE_DN, startSlapd, type Slapd } from './slapd.js';

const base = pgUrl();
if (!base) {
  describe('two instances on OpenLDAP and PostgreSQL', () => {
    it('needs PostgreSQL (SIGNIN_TEST_PG_URL)', () => {
      throw new Error(PG_MISSING);
    });
  });
} else {
  let slapd: Slapd;
  let schemas: TestSchemas;
  const instances: { h: ApiHarness; close(): Promise<void> }[] = [];

  beforeAll(async () => {
    slapd = await startSlapd();
    schemas = new TestSchemas(base);
    const { url } = await schemas.create();
    const clock = createFakeClock(Date.now());
    for (let i = 0; i < 2; i++) {
      const config = serviceConfigSchema.parse({
        tenant: { name: 'Contoso' },
        policy: { methodsEnabled: ['authenticatorApp'] },
        directory: { kind: 'openldap', url: slapd.url, bindDn: SERVICE_DN, bindPasswordEnv: 'LDAP_PW', userBase: `ou=people,${BASE}`, groupBase: `ou=groups,${BASE}`, timeoutSeconds: 3 },
        store: { kind: 'postgres', urlEnv: 'PG_URL' },
        secrets: { keyEnv: 'KEY' },
      });
      const configured = await createConfiguredContext(config, { LDAP_PW: 'Service-Passw0rd!', PG_URL: url, KEY: Buffer.alloc(32, 9).toString('base64') });
      configured.context.clock = clock;
      configured.context.hasher = fastHasher();
      const h = await harnessOver(configured.context, clock);
      instances.push({ h, close: async () => (await h.close(), await configured.context.store.close(), await configured.close()) });
    }
  });
  afterAll(async () => {
    for (const i of instances) await i.close();
    await schemas?.dropAll();
    await slapd?.stop();
  });

  describe('two instances on OpenLDAP and PostgreSQL', () => {
    it('a reset through one instance: the new password works on the other, the old one on neither', async () => {
      const [a, b] = [instances[0]!.h, instances[1]!.h];
      const session = await a.signIn('megan', LDAP_USERS.megan);
      const setup = await a.call('beginAuthenticatorApp', {}, session);
      if (!setup.body.ok) throw new Error(setup.body.error.code);
      const secret = setup.body.data.secret;
      const confirmed = await a.call('confirmAuthenticatorApp', { setupId: setup.body.data.setupId, code: await totpCode(secret, a.clock()), name: 'Phone' }, session);
      if (!confirmed.body.ok) throw new Error(confirmed.body.error.code);
      // The reset starts on B (the method lives in the shared store) and completes on A.
      a.clock.advance(30_000);
      const start = await b.call('startReset', { userId: 'megan' });
      if (!start.body.ok) throw new Error(start.body.error.code);
      expect((await b.call('verifyReset', { methodId: confirmed.body.data.method.id, code: await nextStepCode(secret, b.clock()) }, start.body.data.resetToken)).body.ok).toBe(true);
      expect((await a.call('completeReset', { newPassword: 'Quartz-Meadow-Falcon-31' }, start.body.data.resetToken)).body.ok).toBe(true);
      for (const h of [a, b]) {
        expect((await h.call('signIn', { userId: 'megan', password: 'Quartz-Meadow-Falcon-31' })).body.ok).toBe(true);
        expect((await h.call('signIn', { userId: 'megan', password: LDAP_USERS.megan })).body).toMatchObject({ ok: false, error: { code: 'INVALID_CREDENTIALS' } });
      }
    });
  });
}
