/**
 * Schema migrations of both durable stores: an old database is upgraded in place with its
 * data; a database newer than the code is refused with a clear message and left untouched;
 * a failing migration leaves nothing half-applied; the two dialects evolve in step.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { latestVersion, SchemaTooNewError, type Migration } from '../../../server/store/migrations/migration.js';
import { postgresMigrations } from '../../../server/store/migrations/postgres.js';
import { sqliteMigrations } from '../../../server/store/migrations/sqlite.js';
import { migratePostgres, PostgresStore } from '../../../server/store/postgres-store.js';
import { migrateSqlite, SqliteStore } from '../../../server/store/sqlite-store.js';
import { PG_MISSING, pgUrl, TestSchemas } from './pg-test-db.js';

const NEWER = /schema version 99, but this build of Sign-in Helper knows versions up to \d+: it was written by a newer version/;

describe('migration lists', () => {
  it.each([
    ['sqlite', sqliteMigrations],
    ['postgres', postgresMigrations],
  ] as const)('%s: versions are 1..n in order, each named', (_, list) => {
    expect(list.map((m) => m.version)).toEqual(list.map((_m, i) => i + 1));
    for (const m of list) expect(m.name.length).toBeGreaterThan(0);
  });
  it('both dialects have the same versions', () => {
    expect(postgresMigrations.map((m) => [m.version, m.name])).toEqual(sqliteMigrations.map((m) => [m.version, m.name]));
  });
});

describe('SQLite migrations', () => {
  const dir = mkdtempSync(join(tmpdir(), 'signin-migrate-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let n = 0;
  const newPath = () => join(dir, `db-${++n}.sqlite`);

  it('opening a version-1 database upgrades it to the latest version and keeps its rows', async () => {
    const path = newPath();
    const old = new Database(path);
    migrateSqlite(old, path, sqliteMigrations.slice(0, 1));
    old.prepare("INSERT INTO methods (id, user_key, user_id, type, label, created_at, address) VALUES ('m-1', 'alain@contoso.com', 'Alain@contoso.com', 'email', 'a***@x.com', '2024-01-01T00:00:00.000Z', 'sealed:a')").run();
    old.prepare("INSERT INTO audit (at, event, outcome) VALUES ('2024-01-01T00:00:00.000Z', 'old', 'success')").run();
    old.prepare("UPDATE audit SET detail = 'v1 had no append-only trigger'").run();
    expect(old.prepare('SELECT MAX(version) AS v FROM schema_migrations').get()).toEqual({ v: 1 });
    old.close();

    const store = SqliteStore.open(path);
    try {
      expect(store.schemaVersion()).toBe(latestVersion(sqliteMigrations));
      expect(await store.listMethods('ALAIN@contoso.com')).toEqual([{ id: 'm-1', userId: 'Alain@contoso.com', type: 'email', label: 'a***@x.com', createdAt: '2024-01-01T00:00:00.000Z', address: 'sealed:a' }]);
      expect(await store.listAudit()).toEqual([{ at: '2024-01-01T00:00:00.000Z', event: 'old', outcome: 'success', detail: 'v1 had no append-only trigger' }]);
      expect(store.integrityCheck()).toBe('ok');
    } finally {
      await store.close();
    }
    const check = new Database(path);
    try {
      expect(() => check.prepare("UPDATE audit SET detail = 'x'").run()).toThrow(/append-only/); // version 2 is in
      const versions = check.prepare('SELECT version, applied_at FROM schema_migrations ORDER BY version').all() as { version: number; applied_at: string }[];
      expect(versions.map((v) => v.version)).toEqual(sqliteMigrations.map((m) => m.version));
      for (const v of versions) expect(Number.isNaN(Date.parse(v.applied_at))).toBe(false);
    } finally {
      check.close();
    }
  });

  it('opening an up-to-date database again changes nothing', async () => {
    const path = newPath();
    await (SqliteStore.open(path)).close();
    const store = SqliteStore.open(path);
    expect(store.schemaVersion()).toBe(latestVersion(sqliteMigrations));
    await store.close();
  });

  it('a database newer than the code is refused with a clear message and left untouched', async () => {
    const path = newPath();
    const store = SqliteStore.open(path);
    await store.appendAudit({ at: '2025-01-01T00:00:00.000Z', event: 'kept', outcome: 'success' });
    await store.close();
    const raw = new Database(path);
    raw.prepare("INSERT INTO schema_migrations (version, applied_at) VALUES (99, '2030-01-01T00:00:00.000Z')").run();
    raw.close();

    expect(() => SqliteStore.open(path)).toThrow(SchemaTooNewError);
    expect(() => SqliteStore.open(path)).toThrow(NEWER);
    expect(() => SqliteStore.open(path)).toThrow(path);
    const after = new Database(path, { readonly: true });
    try {
      expect(after.prepare('SELECT MAX(version) AS v FROM schema_migrations').get()).toEqual({ v: 99 });
      expect(after.prepare('SELECT event FROM audit').all()).toEqual([{ event: 'kept' }]);
    } finally {
      after.close();
    }
  });

  it('a failing migration applies nothing: the whole run is one transaction', () => {
    const path = newPath();
    const db = new Database(path);
    try {
      const broken: Migration[] = [...sqliteMigrations, { version: 3, name: 'broken', sql: 'CREATE TABLE extra (a); INSERT INTO no_such_table VALUES (1);' }];
      expect(() => migrateSqlite(db, path, broken)).toThrow(/no such table/);
      expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('methods', 'extra', 'schema_migrations')").all()).toEqual([]);
    } finally {
      db.close();
    }
  });
});

const base = pgUrl();
describe('PostgreSQL migrations', () => {
  if (!base) {
    it('needs PostgreSQL (SIGNIN_TEST_PG_URL)', () => {
      throw new Error(PG_MISSING);
    });
    return;
  }
  const schemas = new TestSchemas(base);
  afterAll(() => schemas.dropAll());
  const withPool = async <T>(url: string, fn: (pool: pg.Pool) => Promise<T>): Promise<T> => {
    const pool = new pg.Pool({ connectionString: url, max: 1 });
    try {
      return await fn(pool);
    } finally {
      await pool.end();
    }
  };

  it('opening a version-1 database upgrades it to the latest version and keeps its rows', async () => {
    const { schema, url } = await schemas.create();
    await withPool(url, async (pool) => {
      await migratePostgres(pool, 'test', postgresMigrations.slice(0, 1));
      await pool.query(
        `INSERT INTO methods (id, user_key, user_id, type, label, created_at, secret, counter, data)
         VALUES ('m-1', 'alain@contoso.com', 'Alain@contoso.com', 'securityKey', 'Key', '2024-01-01T00:00:00.000Z', 'sealed:pk', 12, '{"credentialId":"AAEC","transports":["usb"]}')`,
      );
      await pool.query("INSERT INTO audit (at, event, outcome) VALUES ('2024-01-01T00:00:00.000Z', 'old', 'success')");
      await pool.query("UPDATE audit SET detail = 'v1 had no append-only trigger'");
    });
    const store = await PostgresStore.open(url);
    try {
      expect(await store.schemaVersion()).toBe(latestVersion(postgresMigrations));
      expect(await store.listMethods('alain@CONTOSO.com')).toEqual([{ id: 'm-1', userId: 'Alain@contoso.com', type: 'securityKey', label: 'Key', createdAt: '2024-01-01T00:00:00.000Z', secret: 'sealed:pk', counter: 12, credentialId: 'AAEC', transports: ['usb'] }]);
      expect(await store.listAudit()).toEqual([{ at: '2024-01-01T00:00:00.000Z', event: 'old', outcome: 'success', detail: 'v1 had no append-only trigger' }]);
    } finally {
      await store.close();
    }
    await expect(schemas.query(`UPDATE ${schema}.audit SET detail = 'x'`)).rejects.toThrow(/append-only/);
    const { rows } = await schemas.query(`SELECT version FROM ${schema}.schema_migrations ORDER BY version`);
    expect(rows.map((r) => r.version)).toEqual(postgresMigrations.map((m) => m.version));
  });

  it('a database newer than the code is refused with a clear message (no password in it) and left untouched', async () => {
    const { schema, url } = await schemas.create();
    await (await PostgresStore.open(url)).close();
    await schemas.query(`INSERT INTO ${schema}.schema_migrations (version) VALUES (99)`);
    const withPassword = new URL(url);
    withPassword.password = 'hunter2';
    const failure = PostgresStore.open(withPassword.toString()).then(
      () => null,
      (err: unknown) => err,
    );
    const err = await failure;
    expect(err).toBeInstanceOf(SchemaTooNewError);
    expect(String((err as Error).message)).toMatch(NEWER);
    expect(String((err as Error).message)).not.toContain('hunter2');
    const { rows } = await schemas.query(`SELECT MAX(version) AS v FROM ${schema}.schema_migrations`);
    expect(rows[0].v).toBe(99);
  });

  it('a failing migration applies nothing: the whole run is one transaction', async () => {
    const { schema, url } = await schemas.create();
    const broken: Migration[] = [...postgresMigrations, { version: 3, name: 'broken', sql: 'CREATE TABLE extra (a int); INSERT INTO no_such_table VALUES (1);' }];
    await withPool(url, (pool) => expect(migratePostgres(pool, 'test', broken)).rejects.toThrow(/no_such_table/));
    const { rows } = await schemas.query('SELECT table_name FROM information_schema.tables WHERE table_schema = $1', [schema]);
    expect(rows).toEqual([]);
  });
});
