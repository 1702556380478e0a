/**
 * PostgresStore against the Store contract, plus what only PostgreSQL has. Needs a server:
 * run through scripts/with-postgres.sh. Without SIGNIN_TEST_PG_URL this file FAILS (a
 * durable store that was never tested must not look green).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createStore } from '../../../server/store/create-store.js';
import { latestVersion } from '../../../server/store/migrations/migration.js';
import { postgresMigrations } from '../../../server/store/migrations/postgres.js';
import { PostgresStore } from '../../../server/store/postgres-store.js';
import { PG_MISSING, pgUrl, TestSchemas } from './pg-test-db.js';
import { storeContract } from './store-contract.js';

const base = pgUrl();

if (!base) {
  describe('PostgresStore', () => {
    it('needs PostgreSQL (SIGNIN_TEST_PG_URL)', () => {
      throw new Error(PG_MISSING);
    });
  });
} else {
  const schemas = new TestSchemas(base);
  afterAll(() => schemas.dropAll());

  storeContract(
    'PostgresStore',
    async () => {
      const { url } = await schemas.create();
      return { store: await PostgresStore.open(url), another: () => PostgresStore.open(url) };
    },
    { durable: true },
  );

  describe('PostgresStore specifics', () => {
    it('createStore opens and migrates; ping works; several instances starting together migrate once', async () => {
      const { schema, url } = await schemas.create();
      const stores = await Promise.all(Array.from({ length: 6 }, () => createStore({ kind: 'postgres', url })));
      try {
        const { rows } = await schemas.query(`SELECT version FROM ${schema}.schema_migrations ORDER BY version`);
        expect(rows.map((r) => r.version)).toEqual(postgresMigrations.map((m) => m.version));
        expect(await (stores[0] as PostgresStore).schemaVersion()).toBe(latestVersion(postgresMigrations));
        for (const s of stores) await s.ping();
      } finally {
        await Promise.all(stores.map((s) => s.close()));
      }
    });

    it('ping rejects once closed; close twice is harmless', async () => {
      const { url } = await schemas.create();
      const store = await PostgresStore.open(url);
      await store.close();
      await store.close();
      await expect(store.ping()).rejects.toThrow();
    });

    it('an unreachable server fails open with the driver’s error', async () => {
      await expect(PostgresStore.open('postgres://postgres@127.0.0.1:1/postgres')).rejects.toThrow(/ECONNREFUSED|connect/);
    });

    it('the audit table refuses UPDATE, DELETE and TRUNCATE, even from outside the code', async () => {
      const { schema, url } = await schemas.create();
      const store = await PostgresStore.open(url);
      await store.appendAudit({ at: '2025-01-01T00:00:00.000Z', event: 'x', outcome: 'success' });
      await store.close();
      await expect(schemas.query(`UPDATE ${schema}.audit SET event = 'y'`)).rejects.toThrow(/append-only/);
      await expect(schemas.query(`DELETE FROM ${schema}.audit`)).rejects.toThrow(/append-only/);
      await expect(schemas.query(`TRUNCATE ${schema}.audit`)).rejects.toThrow(/append-only/);
    });

    it('sweep deletes counter rows whose window has passed', async () => {
      const { schema, url } = await schemas.create();
      const store = await PostgresStore.open(url);
      await store.reserveAttempt('a', 1000, { max: 5, windowMs: 500, blockMs: 1 });
      await store.reserveAttempt('b', 1000, { max: 5, windowMs: 10_000, blockMs: 1 });
      await store.sweep(2000);
      await store.close();
      expect((await schemas.query(`SELECT key FROM ${schema}.counters`)).rows).toEqual([{ key: 'b' }]);
    });

    it('epoch-ms times and 32-bit WebAuthn counters round-trip as numbers', async () => {
      const { url } = await schemas.create();
      const store = await PostgresStore.open(url);
      try {
        await store.putSession({ tokenHash: 'h', userId: 'u', elevated: true, expiresAt: 8_640_000_000_000 });
        expect(await store.getSession('h', 0)).toEqual({ tokenHash: 'h', userId: 'u', elevated: true, expiresAt: 8_640_000_000_000 });
        await store.addMethod({ id: 'k', userId: 'u', type: 'securityKey', label: 'Key', createdAt: '2025-01-01T00:00:00.000Z', secret: 'sealed:pk', credentialId: 'AAEC', counter: 4_294_967_295 });
        expect(await store.listMethods('u')).toEqual([expect.objectContaining({ type: 'securityKey', counter: 4_294_967_295 })]);
        expect(await store.blockedUntil('none', 0)).toBeNull();
        await store.reserveAttempt('b', 0, { max: 1, windowMs: 1000, blockMs: 8_640_000_000_000 });
        expect(await store.blockedUntil('b', 0)).toBe(8_640_000_000_000);
      } finally {
        await store.close();
      }
    });
  });
}
