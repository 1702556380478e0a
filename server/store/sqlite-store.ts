/**
 * The durable store of one directory-service instance: SQLite through better-sqlite3
 * (synchronous, real transactions, the most used SQLite driver for Node; node:sqlite needs
 * Node 22.5+). Behaves exactly like MemoryStore (test/integration/store/store-contract.ts
 * proves it); the methods are async only to match the Store interface.
 *
 * Durability: journal_mode=WAL, and a choice of synchronous level (`durability`):
 * - 'crash' (default, synchronous=NORMAL — SQLite's recommendation for WAL): a commit is in
 *   the -wal file before it returns, so every acknowledged write survives the process being
 *   killed (test/integration/store/durability.test.ts kills writers with SIGKILL); a power
 *   loss or kernel crash may roll back the last transactions, never corrupt the file.
 * - 'power-loss' (synchronous=FULL): the WAL is fsynced at every commit, so acknowledged
 *   writes survive power loss too — at about a third of the write throughput here
 *   (measured in-process before group commit).
 * Reads are unaffected and, with WAL, never block on the writer.
 *
 * Several processes may open the same file (a CLI next to the service): writes take the
 * lock at BEGIN (IMMEDIATE transactions) and wait up to `busyTimeoutMs` for it.
 */
import { closeSync, openSync } from 'node:fs';
import Database from 'better-sqlite3';
import { latestVersion, SchemaTooNewError, type Migration } from './migrations/migration.js';
import { sqliteMigrations } from './migrations/sqlite.js';
import { challengeColumns, isMethod, methodColumns, orNull, setupColumns, toAudit, toChallenge, toMethod, toProfile, toReset, toSession, toSetup, userKey, type Row } from './sql-rows.js';
import type { AuditEvent, ChallengeRecord, HelpdeskRequest, Limit, ProfileUpdate, Reservation, ResetRecord, SessionRecord, SetupRecord, Store, StoredMethod, UserProfile } from './store.js';

export interface SqliteStoreOptions {
  /** 'crash' (synchronous=NORMAL, default) or 'power-loss' (synchronous=FULL): see above. */
  durability?: 'crash' | 'power-loss';
  /** How long a write waits for another process's lock before failing (ms). Default 5000. */
  busyTimeoutMs?: number;
}

type Db = Database.Database;

/** Apply pending migrations in one IMMEDIATE transaction; refuse a database newer than the code. */
export function migrateSqlite(db: Db, where: string, migrations: readonly Migration[] = sqliteMigrations): void {
  const known = latestVersion(migrations);
  db.transaction(() => {
    db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
    const row = db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null };
    const current = row.v ?? 0;
    if (current > known) throw new SchemaTooNewError(where, current, known);
    const record = db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)');
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      if (m.version <= current) continue;
      db.exec(m.sql);
      record.run(m.version, new Date().toISOString());
    }
  }).immediate();
}

/**
 * The real setImmediate, taken at load: a test's fake timers must not stop commits. A
 * callback queued here runs after the microtasks of the current turn, i.e. after every
 * handler the turn's I/O woke has run up to its next real wait.
 */
const endOfTurn: (fn: () => void) => void = setImmediate;

/**
 * Stores of this process with a group not yet committed. Two connections to one file in one
 * process (a test, a CLI beside the service) must not wait on each other: the second would
 * block the event loop in busy_timeout while the first can only commit when the loop turns.
 * So any statement on one connection first commits the others' groups (early is always safe).
 */
const openGroups = new Set<SqliteStore>();
function commitOthers(self: SqliteStore): void {
  if (openGroups.size === 0) return;
  for (const other of [...openGroups]) if (other !== self) other.commit();
}

export class SqliteStore implements Store {
  private constructor(private readonly db: Db) {}

  /** Open (creating it, owner-only, if missing) and migrate the database at `path`; ':memory:' for a private one. */
  static open(path: string, options: SqliteStoreOptions = {}): SqliteStore {
    if (path !== ':memory:' && path !== '') {
      // Sealed secrets and hashes live here: create the file 0600. SQLite gives the -wal
      // and -shm files the database file's permissions.
      closeSync(openSync(path, 'a', 0o600));
    }
    const busyTimeoutMs = options.busyTimeoutMs ?? 5000;
    const db = new Database(path, { timeout: busyTimeoutMs });
    try {
      db.pragma('journal_mode = WAL');
      db.pragma(`synchronous = ${options.durability === 'power-loss' ? 'FULL' : 'NORMAL'}`);
      db.pragma('foreign_keys = ON');
      db.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
      migrateSqlite(db, path);
    } catch (err) {
      db.close();
      throw err;
    }
    return new SqliteStore(db);
  }

  /** `PRAGMA integrity_check`: 'ok' for a sound database (tests). */
  integrityCheck(): string {
    const rows = this.db.prepare('PRAGMA integrity_check').all() as { integrity_check: string }[];
    return rows.map((r) => r.integrity_check).join('\n');
  }

  /** The connection's durability settings, as SQLite reports them (diagnostics, tests). */
  settings(): { journalMode: string; synchronous: 'off' | 'normal' | 'full' | 'extra'; foreignKeys: boolean; busyTimeoutMs: number } {
    const level = Number(this.db.pragma('synchronous', { simple: true }));
    return {
      journalMode: String(this.db.pragma('journal_mode', { simple: true })),
      synchronous: (['off', 'normal', 'full', 'extra'] as const)[level] ?? 'off',
      foreignKeys: this.db.pragma('foreign_keys', { simple: true }) === 1,
      busyTimeoutMs: Number(this.db.pragma('busy_timeout', { simple: true })),
    };
  }

  /** The applied schema version. */
  schemaVersion(): number {
    return (this.db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null }).v ?? 0;
  }

  /** Prepared statements, compiled once per connection. */
  private readonly statements = new Map<string, Database.Statement>();
  private stmt(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (!s) this.statements.set(sql, (s = this.db.prepare(sql)));
    return s;
  }
  /** The writes of this turn of the event loop, committed together at its end (see `write`). */
  private group: { committed: Promise<void>; resolve: () => void; reject: (e: unknown) => void } | null = null;

  /**
   * Run `fn` (synchronous statements) as one atomic step, and resolve once it is committed.
   *
   * Group commit: the first write of an event-loop turn opens an IMMEDIATE transaction (the
   * lock taken at BEGIN: no deadlock-prone lock upgrade); every write of that turn runs inside
   * it under its own savepoint (a step that throws is rolled back alone); the transaction
   * commits when the turn ends. One commit — one WAL append — then serves every request that
   * wrote in the turn, where each write used to be its own (the bench's profile: BEGIN and
   * COMMIT were most of the store's time). A write's promise resolves only after that commit,
   * so what a caller was told is on disk (durability.test.ts); a failed commit rejects every
   * write of the group. Nothing is held across an await: a step is synchronous, and the lock
   * is held for one turn at most (another process waits, as for any writer, up to busy_timeout).
   */
  private write<T>(fn: () => T): Promise<T> {
    commitOthers(this);
    const group = this.group ?? this.openGroup();
    const value = this.db.transaction(fn)();
    return group.committed.then(() => value);
  }
  /** `write` for one statement: atomic on its own (SQLite undoes a failed statement alone), so without a savepoint. */
  private writeOne<T>(fn: () => T): Promise<T> {
    commitOthers(this);
    const group = this.group ?? this.openGroup();
    const value = fn();
    return group.committed.then(() => value);
  }
  private openGroup(): NonNullable<SqliteStore['group']> {
    this.db.exec('BEGIN IMMEDIATE');
    let resolve!: () => void;
    let reject!: (e: unknown) => void;
    const committed = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
    // Nobody may be waiting yet (a step that threw): an unobserved failed commit is not an unhandled rejection.
    committed.catch(() => {});
    this.group = { committed, resolve, reject };
    openGroups.add(this);
    endOfTurn(() => this.commit());
    return this.group;
  }
  /** Commit the open group now (at the end of the turn, before another connection of this process reads or writes, at close). */
  commit(): void {
    const group = this.group;
    if (!group) return;
    this.group = null;
    openGroups.delete(this);
    try {
      this.db.exec('COMMIT');
      group.resolve();
    } catch (e) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      group.reject(e);
    }
  }
  private get(sql: string, ...params: unknown[]): Row | undefined {
    commitOthers(this);
    return this.stmt(sql).get(...params) as Row | undefined;
  }
  private all(sql: string, ...params: unknown[]): Row[] {
    commitOthers(this);
    return this.stmt(sql).all(...params) as Row[];
  }
  private run(sql: string, ...params: unknown[]): number {
    return this.stmt(sql).run(...params).changes;
  }

  // Registered methods and profiles

  async listMethods(userId: string): Promise<StoredMethod[]> {
    return this.all('SELECT * FROM methods WHERE user_key = ? ORDER BY rowid', userKey(userId)).map(toMethod).filter(isMethod);
  }
  async addMethod(m: StoredMethod): Promise<void> {
    const c = methodColumns(m);
    // An upsert, not REPLACE: a replaced method keeps its rowid, hence its place in the list.
    await this.writeOne(() => this.run(
      `INSERT INTO methods (id, user_key, user_id, type, label, created_at, secret, address, last_used_step, counter, data)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET user_key = excluded.user_key, user_id = excluded.user_id, type = excluded.type,
         label = excluded.label, created_at = excluded.created_at, secret = excluded.secret, address = excluded.address,
         last_used_step = excluded.last_used_step, counter = excluded.counter, data = excluded.data`,
      m.id, userKey(m.userId), m.userId, m.type, m.label, m.createdAt, c.secret, c.address, c.lastUsedStep, c.counter, c.data,
    ));
  }
  async addMethodUnder(m: StoredMethod, max: number, replacing: readonly string[] = []): Promise<boolean> {
    return this.write(() => {
      const others = this.all('SELECT id FROM methods WHERE user_key = ? AND type = ?', userKey(m.userId), m.type).filter((r) => !replacing.includes(String(r.id)));
      if (others.length >= max) return false;
      for (const id of replacing) this.run('DELETE FROM methods WHERE id = ? AND user_key = ?', id, userKey(m.userId));
      const c = methodColumns(m);
      this.run(
        `INSERT INTO methods (id, user_key, user_id, type, label, created_at, secret, address, last_used_step, counter, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        m.id, userKey(m.userId), m.userId, m.type, m.label, m.createdAt, c.secret, c.address, c.lastUsedStep, c.counter, c.data,
      );
      return true;
    });
  }
  async removeMethod(userId: string, methodId: string): Promise<boolean> {
    return (await this.writeOne(() => this.run('DELETE FROM methods WHERE id = ? AND user_key = ?', methodId, userKey(userId)))) === 1;
  }
  async renameMethod(methodId: string, label: string): Promise<void> {
    await this.writeOne(() => this.run('UPDATE methods SET label = ? WHERE id = ?', label, methodId));
  }
  async advanceTotpStep(methodId: string, step: number): Promise<boolean> {
    return (await this.writeOne(() => this.run('UPDATE methods SET last_used_step = ? WHERE id = ? AND (last_used_step IS NULL OR last_used_step < ?)', step, methodId, step))) === 1;
  }
  async advanceCounter(methodId: string, counter: number): Promise<boolean> {
    const changed = await this.writeOne(() =>
      this.run('UPDATE methods SET counter = ? WHERE id = ? AND (? > COALESCE(counter, 0) OR (? = 0 AND COALESCE(counter, 0) = 0))', counter, methodId, counter, counter),
    );
    return changed === 1;
  }
  async getProfile(userId: string): Promise<UserProfile | null> {
    const r = this.get('SELECT * FROM profiles WHERE user_key = ?', userKey(userId));
    return r ? toProfile(r) : null;
  }
  async putProfile(p: ProfileUpdate): Promise<void> {
    await this.writeOne(() => this.run(
      `INSERT INTO profiles (user_key, user_id, default_method_id, reconfirmed_at, skips_used) VALUES (?, ?, ?, ?, 0)
       ON CONFLICT (user_key) DO UPDATE SET user_id = excluded.user_id, default_method_id = excluded.default_method_id, reconfirmed_at = excluded.reconfirmed_at`,
      userKey(p.userId), p.userId, orNull(p.defaultMethodId), orNull(p.reconfirmedAt),
    ));
  }
  async takeSkip(userId: string, allowed: number): Promise<number | null> {
    if (allowed < 1) return null;
    // One conditional upsert: the increment happens only while under `allowed`.
    const r = await this.writeOne(() => this.get(
      `INSERT INTO profiles (user_key, user_id, skips_used) VALUES (?, ?, 1)
       ON CONFLICT (user_key) DO UPDATE SET skips_used = profiles.skips_used + 1 WHERE profiles.skips_used < ?
       RETURNING skips_used`,
      userKey(userId), userId, allowed,
    ));
    return r ? Number(r.skips_used) : null;
  }

  // Sessions, setups, challenges, resets (expired = absent)

  async putSession(s: SessionRecord): Promise<void> {
    await this.writeOne(() => this.run('INSERT OR REPLACE INTO sessions (token_hash, user_id, elevated, expires_at) VALUES (?, ?, ?, ?)', s.tokenHash, s.userId, s.elevated ? 1 : 0, s.expiresAt));
  }
  async getSession(tokenHash: string, now: number): Promise<SessionRecord | null> {
    const r = this.get('SELECT * FROM sessions WHERE token_hash = ? AND expires_at > ?', tokenHash, now);
    return r ? toSession(r) : null;
  }
  async deleteSession(tokenHash: string): Promise<void> {
    await this.writeOne(() => this.run('DELETE FROM sessions WHERE token_hash = ?', tokenHash));
  }

  async putSetup(s: SetupRecord): Promise<void> {
    const c = setupColumns(s);
    await this.writeOne(() => this.run(
      `INSERT OR REPLACE INTO setups (id, user_id, session_token_hash, kind, secret, address, code_hash, challenge, label, expires_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      s.id, s.userId, s.sessionTokenHash, c.kind, c.secret, c.address, c.codeHash, c.challenge, c.label, s.expiresAt,
    ));
  }
  async getSetup(id: string, now: number): Promise<SetupRecord | null> {
    const r = this.get('SELECT * FROM setups WHERE id = ? AND expires_at > ?', id, now);
    return r ? toSetup(r) : null;
  }
  async takeSetup(id: string, now: number): Promise<SetupRecord | null> {
    // One DELETE … RETURNING: the row goes to exactly one caller (an expired one is removed too).
    const r = await this.writeOne(() => this.get('DELETE FROM setups WHERE id = ? RETURNING *', id));
    return r && Number(r.expires_at) > now ? toSetup(r) : null;
  }

  async putChallenge(c: ChallengeRecord): Promise<void> {
    const k = challengeColumns(c);
    await this.writeOne(() => this.run(
      `INSERT OR REPLACE INTO challenges (id, owner_hash, user_id, method_id, code_hash, question_ids, webauthn_challenge, expires_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      c.id, c.ownerHash, c.userId, c.methodId, k.codeHash, k.questionIds, k.webauthnChallenge, c.expiresAt,
    ));
  }
  async getChallenge(id: string, now: number): Promise<ChallengeRecord | null> {
    const r = this.get('SELECT * FROM challenges WHERE id = ? AND expires_at > ?', id, now);
    return r ? toChallenge(r) : null;
  }
  async takeChallenge(id: string, now: number): Promise<ChallengeRecord | null> {
    const r = await this.writeOne(() => this.get('DELETE FROM challenges WHERE id = ? RETURNING *', id));
    return r && Number(r.expires_at) > now ? toChallenge(r) : null;
  }

  async putReset(x: ResetRecord): Promise<void> {
    await this.writeOne(() => this.run(
      `INSERT OR REPLACE INTO resets (token_hash, user_id, mode, required, offered_method_ids, passed_method_ids, expires_at, completed)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      x.tokenHash, x.userId, orNull(x.mode), x.required, JSON.stringify(x.offeredMethodIds), JSON.stringify(x.passedMethodIds), x.expiresAt, x.completed ? 1 : 0,
    ));
  }
  async getReset(tokenHash: string, now: number): Promise<ResetRecord | null> {
    const r = this.get('SELECT * FROM resets WHERE token_hash = ? AND expires_at > ?', tokenHash, now);
    return r ? toReset(r) : null;
  }
  async passResetGate(tokenHash: string, methodId: string, now: number): Promise<ResetRecord | null> {
    const r = await this.writeOne(() => this.get(
      `UPDATE resets SET passed_method_ids = json_insert(passed_method_ids, '$[#]', ?)
       WHERE token_hash = ? AND completed = 0 AND expires_at > ?
         AND NOT EXISTS (SELECT 1 FROM json_each(resets.passed_method_ids) WHERE value = ?)
       RETURNING *`,
      methodId, tokenHash, now, methodId,
    ));
    return r ? toReset(r) : null;
  }
  async completeReset(tokenHash: string, now: number): Promise<boolean> {
    return (await this.writeOne(() => this.run('UPDATE resets SET completed = 1 WHERE token_hash = ? AND completed = 0 AND expires_at > ?', tokenHash, now))) === 1;
  }
  async reopenReset(tokenHash: string): Promise<void> {
    await this.writeOne(() => this.run('UPDATE resets SET completed = 0 WHERE token_hash = ?', tokenHash));
  }
  async extendReset(tokenHash: string, expiresAt: number, now: number): Promise<boolean> {
    return (await this.writeOne(() => this.run('UPDATE resets SET expires_at = MAX(expires_at, ?) WHERE token_hash = ? AND completed = 0 AND expires_at > ?', expiresAt, tokenHash, now))) === 1;
  }

  // Throttles

  async reserveAttempt(key: string, now: number, limit: Limit): Promise<Reservation> {
    // IMMEDIATE: the write lock is taken first, so other processes on the file queue behind it.
    return this.write((): Reservation => {
      const block = this.get('SELECT until FROM blocks WHERE key = ? AND until > ?', key, now);
      if (block) return { ok: false, until: Number(block.until) };
      this.run('DELETE FROM counters WHERE key = ? AND at <= ?', key, now - limit.windowMs);
      const id = this.stmt('INSERT INTO counters (key, at, expires_at) VALUES (?, ?, ?)').run(key, now, now + limit.windowMs).lastInsertRowid;
      const n = Number(this.get('SELECT COUNT(*) AS n FROM counters WHERE key = ?', key)?.n);
      if (n >= limit.max) this.run('INSERT OR REPLACE INTO blocks (key, until, set_by) VALUES (?, ?, ?)', key, now + limit.blockMs, String(id));
      return { ok: true, id: String(id), count: n };
    });
  }
  async releaseAttempt(key: string, id: string): Promise<void> {
    await this.write(() => {
      this.run('DELETE FROM counters WHERE key = ? AND id = ?', key, Number(id));
      this.run('DELETE FROM blocks WHERE key = ? AND set_by = ?', key, id);
    });
  }
  async clearAttempts(key: string): Promise<void> {
    await this.write(() => {
      this.run('DELETE FROM counters WHERE key = ?', key);
      this.run('DELETE FROM blocks WHERE key = ?', key);
    });
  }
  async blockedUntil(key: string, now: number): Promise<number | null> {
    const r = this.get('SELECT until FROM blocks WHERE key = ? AND until > ?', key, now);
    return r ? Number(r.until) : null;
  }

  // Audit (append-only: this class has no UPDATE or DELETE on it; triggers refuse them) and helpdesk

  async appendAudit(e: AuditEvent): Promise<void> {
    await this.writeOne(() => this.run(
      'INSERT INTO audit (at, event, user_id, client, outcome, support_code, detail) VALUES (?, ?, ?, ?, ?, ?, ?)',
      e.at, e.event, orNull(e.userId), orNull(e.client), e.outcome, orNull(e.supportCode), orNull(e.detail),
    ));
  }
  async listAudit(options: { since?: string; limit?: number } = {}): Promise<AuditEvent[]> {
    const limit = options.limit ?? -1; // SQLite: a negative LIMIT is no limit
    const rows =
      options.since !== undefined && options.since !== ''
        ? this.all('SELECT * FROM audit WHERE at >= ? ORDER BY id LIMIT ?', options.since, limit)
        : this.all('SELECT * FROM audit ORDER BY id LIMIT ?', limit);
    return rows.map(toAudit);
  }
  async addHelpdeskRequest(r: HelpdeskRequest): Promise<void> {
    await this.writeOne(() => this.run('INSERT INTO helpdesk_requests (support_code, user_id, reason, at) VALUES (?, ?, ?, ?)', r.supportCode, r.userId, r.reason, r.at));
  }

  async ping(): Promise<void> {
    this.get('SELECT 1 AS ok');
  }
  async sweep(now: number): Promise<void> {
    await this.write(() => {
      for (const table of ['sessions', 'setups', 'challenges', 'resets', 'counters']) this.run(`DELETE FROM ${table} WHERE expires_at <= ?`, now);
      this.run('DELETE FROM blocks WHERE until <= ?', now);
    });
  }
  async close(): Promise<void> {
    if (!this.db.open) return;
    this.commit();
    this.db.pragma('optimize'); // refresh the planner's statistics where they went stale
    this.db.close();
  }
}
