/** SqliteStore (temp files) against the Store contract, plus what only SQLite has. */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createStore } from '../../../server/store/create-store.js';
import { latestVersion } from '../../../server/store/migrations/migration.js';
import { sqliteMigrations } from '../../../server/store/migrations/sqlite.js';
import { SqliteStore } from '../../../server/store/sqlite-store.js';
import { storeContract } from './store-contract.js';

const dir = mkdtempSync(join(tmpdir(), 'signin-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const newPath = () => join(dir, `store-${++n}.db`);

storeContract(
  'SqliteStore',
  async () => {
    const path = newPath();
    return { store: SqliteStore.open(path), another: async () => SqliteStore.open(path) };
  },
  { durable: true },
);

describe('SqliteStore specifics', () => {
  it('opens in WAL mode with synchronous=NORMAL (FULL for durability: power-loss), foreign keys on and a busy timeout; the file is owner-only', async () => {
    const path = newPath();
    const store = (await createStore({ kind: 'sqlite', path })) as SqliteStore;
    expect(store.settings()).toEqual({ journalMode: 'wal', synchronous: 'normal', foreignKeys: true, busyTimeoutMs: 5000 });
    const full = SqliteStore.open(join(dirname(path), 'full.db'), { durability: 'power-loss' });
    expect(full.settings().synchronous).toBe('full');
    await full.close();
    expect(store.integrityCheck()).toBe('ok');
    expect(store.schemaVersion()).toBe(latestVersion(sqliteMigrations));
    expect(statSync(path).mode & 0o777).toBe(0o600);
    await store.close();
  });

  it("':memory:' works for a private, throwaway store", async () => {
    const store = SqliteStore.open(':memory:');
    await store.appendAudit({ at: '2025-01-01T00:00:00.000Z', event: 'x', outcome: 'success' });
    expect(await store.listAudit()).toHaveLength(1);
    expect(store.integrityCheck()).toBe('ok');
    await store.close();
  });

  it('the audit table refuses UPDATE and DELETE, even from outside the code', async () => {
    const path = newPath();
    const store = SqliteStore.open(path);
    await store.appendAudit({ at: '2025-01-01T00:00:00.000Z', event: 'x', outcome: 'success' });
    await store.close();
    const db = new Database(path);
    try {
      expect(() => db.prepare("UPDATE audit SET event = 'y'").run()).toThrow(/append-only/);
      expect(() => db.prepare('DELETE FROM audit').run()).toThrow(/append-only/);
    } finally {
      db.close();
    }
  });

  it('sweep deletes counter rows whose window has passed', async () => {
    const path = newPath();
    const store = SqliteStore.open(path);
    await store.reserveAttempt('a', 1000, { max: 5, windowMs: 500, blockMs: 1 });
    await store.reserveAttempt('b', 1000, { max: 5, windowMs: 10_000, blockMs: 1 });
    await store.sweep(2000);
    await store.close();
    const db = new Database(path, { readonly: true });
    try {
      expect(db.prepare('SELECT key FROM counters').all()).toEqual([{ key: 'b' }]);
    } finally {
      db.close();
    }
  });

  it('a write waits for another process’s lock (busy timeout), and fails clearly when it outlasts it', async () => {
    const path = newPath();
    const store = SqliteStore.open(path, { busyTimeoutMs: 3000 });
    // Another process takes the write lock for 400 ms.
    const holder = spawn(process.execPath, ['-e', `
      const db = new (require('better-sqlite3'))(process.argv[1]);
      db.exec('BEGIN IMMEDIATE'); console.log('locked');
      setTimeout(() => { db.exec('COMMIT'); db.close(); }, 400);`, path], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => holder.stdout.once('data', () => resolve()));
    const started = Date.now();
    await expect(store.reserveAttempt('k', 1, { max: 5, windowMs: 1000, blockMs: 1 })).resolves.toMatchObject({ ok: true });
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
    await new Promise((resolve) => holder.once('exit', resolve));

    const impatient = SqliteStore.open(path, { busyTimeoutMs: 100 });
    const lock = new Database(path);
    lock.exec('BEGIN IMMEDIATE');
    try {
      await expect(impatient.reserveAttempt('k', 2, { max: 5, windowMs: 1000, blockMs: 1 })).rejects.toThrow(/locked|busy/i);
    } finally {
      lock.exec('ROLLBACK');
      lock.close();
    }
    await impatient.close();
    await store.close();
  });

  describe('group commit: the writes of one event-loop turn share one commit', () => {
    const event = (i: number) => ({ at: '2025-01-01T00:00:00.000Z', event: `e${i}`, outcome: 'success' as const });
    const rows = (path: string, table: string) => {
      // A connection of its own, outside the store (another process would see the same): only what was committed.
      const outside = new Database(path, { readonly: true });
      try {
        return Number((outside.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n);
      } finally {
        outside.close();
      }
    };

    it('writes made in one turn are not committed during it, and each write resolves only once it is committed', async () => {
      const path = newPath();
      const store = SqliteStore.open(path);
      const writes = Array.from({ length: 50 }, (_, i) => store.appendAudit(event(i)));
      expect(rows(path, 'audit')).toBe(0); // same turn: one transaction, still open
      await writes[0];
      expect(rows(path, 'audit')).toBe(50); // the first resolved: the whole group is on disk
      await Promise.all(writes);
      await store.appendAudit(event(50));
      expect(rows(path, 'audit')).toBe(51); // a write awaited alone is committed when it resolves
      await store.close();
    });

    it('a write that fails is rolled back alone; the others of its turn are committed', async () => {
      const path = newPath();
      const store = SqliteStore.open(path);
      const outside = new Database(path);
      outside.exec("CREATE TRIGGER no_boom BEFORE INSERT ON helpdesk_requests WHEN NEW.reason = 'boom' BEGIN SELECT RAISE(ABORT, 'boom refused'); END");
      outside.close();
      const before = store.appendAudit(event(1));
      const failing = store.addHelpdeskRequest({ supportCode: 'S-1', userId: 'u', reason: 'boom', at: '2025-01-01T00:00:00.000Z' });
      const after = store.appendAudit(event(2));
      await expect(failing).rejects.toThrow(/boom refused/);
      await expect(Promise.all([before, after])).resolves.toBeDefined();
      expect(rows(path, 'audit')).toBe(2);
      expect(rows(path, 'helpdesk_requests')).toBe(0);
      await store.close();
    });

    it('two stores on one file in one process never wait on each other, and fake timers do not stop commits', async () => {
      const path = newPath();
      const a = SqliteStore.open(path, { busyTimeoutMs: 2000 });
      const b = SqliteStore.open(path, { busyTimeoutMs: 2000 });
      vi.useFakeTimers();
      try {
        const first = a.appendAudit(event(1)); // a's group is open…
        // …and b writes in the same turn: a's group is committed first, not waited for (b would
        // block the loop in busy_timeout, then throw SQLITE_BUSY); a commit needs no real timer.
        const second = b.appendAudit(event(2));
        await Promise.all([first, second]);
      } finally {
        vi.useRealTimers();
      }
      expect(rows(path, 'audit')).toBe(2);
      await a.close();
      await b.close();
    });

    it('close commits what is still open', async () => {
      const path = newPath();
      const store = SqliteStore.open(path);
      const pending = store.appendAudit(event(1));
      await store.close();
      await pending;
      expect(rows(path, 'audit')).toBe(1);
    });
  });
});
