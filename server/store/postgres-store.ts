/**
 * The shared store of several directory-service instances behind a load balancer:
 * PostgreSQL through a `pg` Pool. Same tables and behaviour as SqliteStore (the store
 * contract test runs against both). Every compare-and-set is one conditional statement
 * (UPDATE … WHERE … / DELETE … RETURNING), which PostgreSQL keeps correct across instances:
 * a racing statement waits for the row lock and re-checks its WHERE against the committed
 * row. The sliding-window counter serializes per key with a transaction-scoped advisory
 * lock, so N racing failures count 1..N and none is lost.
 *
 * Durability is the server's: a commit returns after its WAL record is flushed
 * (synchronous_commit = on, the default), so an acknowledged write survives a crash of the
 * service and of the database server.
 */
import pg from 'pg';
import { latestVersion, SchemaTooNewError, type Migration } from './migrations/migration.js';
import { postgresMigrations } from './migrations/postgres.js';
import { challengeColumns, isMethod, methodColumns, orNull, setupColumns, toAudit, toChallenge, toMethod, toProfile, toReset, toSession, toSetup, userKey, type Row } from './sql-rows.js';
import type { AuditEvent, ChallengeRecord, HelpdeskRequest, Limit, ProfileUpdate, Reservation, ResetRecord, SessionRecord, SetupRecord, Store, StoredMethod, UserProfile } from './store.js';

export interface PostgresStoreOptions {
  /** Most connections this instance opens. Default 10. */
  maxConnections?: number;
  /** Errors of idle pooled connections (the server restarted…); the pool replaces them. */
  onIdleError?: (err: Error) => void;
}

/**
 * Advisory lock keys: one bigint for migrations; (class, hashtext(key)) pairs for counters —
 * class 0x53494748 ("SIGH"), taken inside the throttle functions of migration 4 — and methods.
 */
const MIGRATION_LOCK = '7239401925310458113';
const METHODS_LOCK_CLASS = 0x5349474d; // "SIGM"

type Queryable = Pick<pg.PoolClient, 'query'>;

/** Where the URL points, without its password, for messages. */
function describe(url: string): string {
  try {
    const u = new URL(url);
    u.password = '';
    return u.toString();
  } catch {
    return 'the configured PostgreSQL database';
  }
}

async function transaction<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    client.release();
    return result;
  } catch (err) {
    try {
      await client.query('ROLLBACK');
      client.release();
    } catch (rollbackErr) {
      client.release(rollbackErr as Error); // a broken connection is discarded, not pooled
    }
    throw err;
  }
}

/** Apply pending migrations in one transaction under an advisory lock: instances starting together migrate once. */
export async function migratePostgres(pool: pg.Pool, where: string, migrations: readonly Migration[] = postgresMigrations): Promise<void> {
  const known = latestVersion(migrations);
  await transaction(pool, async (c) => {
    await c.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await c.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
    const { rows } = await c.query<{ v: number | null }>('SELECT MAX(version) AS v FROM schema_migrations');
    const current = rows[0]?.v ?? 0;
    if (current > known) throw new SchemaTooNewError(where, current, known);
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      if (m.version <= current) continue;
      await c.query(m.sql);
      await c.query('INSERT INTO schema_migrations (version) VALUES ($1)', [m.version]);
    }
  });
}

export class PostgresStore implements Store {
  private closed = false;
  private constructor(private readonly pool: pg.Pool) {}

  /** Connect and migrate. `url`: postgres://user:pass@host:port/db[?options=-c search_path=schema]. */
  static async open(url: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
    const pool = new pg.Pool({ connectionString: url, max: options.maxConnections ?? 10 });
    pool.on('error', options.onIdleError ?? (() => {}));
    try {
      await migratePostgres(pool, describe(url));
    } catch (err) {
      await pool.end();
      throw err;
    }
    return new PostgresStore(pool);
  }

  /** The applied schema version. */
  async schemaVersion(): Promise<number> {
    return (await this.one('SELECT MAX(version) AS v FROM schema_migrations'))?.v as number;
  }

  private async rows(sql: string, params: unknown[] = [], on: Queryable = this.pool): Promise<Row[]> {
    return (await on.query<Row>(sql, params)).rows;
  }
  private async one(sql: string, params: unknown[] = []): Promise<Row | undefined> {
    return (await this.rows(sql, params))[0];
  }
  private async count(sql: string, params: unknown[]): Promise<number> {
    return (await this.pool.query(sql, params)).rowCount ?? 0;
  }

  // Registered methods and profiles

  async listMethods(userId: string): Promise<StoredMethod[]> {
    return (await this.rows('SELECT * FROM methods WHERE user_key = $1 ORDER BY seq', [userKey(userId)])).map(toMethod).filter(isMethod);
  }
  async addMethod(m: StoredMethod): Promise<void> {
    const c = methodColumns(m);
    // An upsert keeps the row's seq, hence its place in the list (as the memory store's Map does).
    await this.pool.query(
      `INSERT INTO methods (id, user_key, user_id, type, label, created_at, secret, address, last_used_step, counter, data)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (id) DO UPDATE SET user_key = excluded.user_key, user_id = excluded.user_id, type = excluded.type,
         label = excluded.label, created_at = excluded.created_at, secret = excluded.secret, address = excluded.address,
         last_used_step = excluded.last_used_step, counter = excluded.counter, data = excluded.data`,
      [m.id, userKey(m.userId), m.userId, m.type, m.label, m.createdAt, c.secret, c.address, c.lastUsedStep, c.counter, c.data],
    );
  }
  async addMethodUnder(m: StoredMethod, max: number, replacing: readonly string[] = []): Promise<boolean> {
    return transaction(this.pool, async (client) => {
      // One user's methods at a time across instances: the count below cannot go stale.
      await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [METHODS_LOCK_CLASS, userKey(m.userId)]);
      const { rows } = await client.query('SELECT id FROM methods WHERE user_key = $1 AND type = $2', [userKey(m.userId), m.type]);
      if (rows.filter((r: { id: string }) => !replacing.includes(r.id)).length >= max) return false;
      if (replacing.length > 0) await client.query('DELETE FROM methods WHERE user_key = $1 AND id = ANY($2)', [userKey(m.userId), [...replacing]]);
      const c = methodColumns(m);
      await client.query(
        `INSERT INTO methods (id, user_key, user_id, type, label, created_at, secret, address, last_used_step, counter, data) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [m.id, userKey(m.userId), m.userId, m.type, m.label, m.createdAt, c.secret, c.address, c.lastUsedStep, c.counter, c.data],
      );
      return true;
    });
  }
  async removeMethod(userId: string, methodId: string): Promise<boolean> {
    return (await this.count('DELETE FROM methods WHERE id = $1 AND user_key = $2', [methodId, userKey(userId)])) === 1;
  }
  async renameMethod(methodId: string, label: string): Promise<void> {
    await this.pool.query('UPDATE methods SET label = $2 WHERE id = $1', [methodId, label]);
  }
  async advanceTotpStep(methodId: string, step: number): Promise<boolean> {
    return (await this.count('UPDATE methods SET last_used_step = $2 WHERE id = $1 AND (last_used_step IS NULL OR last_used_step < $2)', [methodId, step])) === 1;
  }
  async advanceCounter(methodId: string, counter: number): Promise<boolean> {
    return (
      (await this.count(
        'UPDATE methods SET counter = $2 WHERE id = $1 AND ($2 > COALESCE(counter, 0) OR ($2 = 0 AND COALESCE(counter, 0) = 0))',
        [methodId, counter],
      )) === 1
    );
  }
  async getProfile(userId: string): Promise<UserProfile | null> {
    const r = await this.one('SELECT * FROM profiles WHERE user_key = $1', [userKey(userId)]);
    return r ? toProfile(r) : null;
  }
  async putProfile(p: ProfileUpdate): Promise<void> {
    await this.pool.query(
      `INSERT INTO profiles (user_key, user_id, default_method_id, reconfirmed_at, skips_used) VALUES ($1, $2, $3, $4, 0)
       ON CONFLICT (user_key) DO UPDATE SET user_id = excluded.user_id, default_method_id = excluded.default_method_id,
         reconfirmed_at = excluded.reconfirmed_at`,
      [userKey(p.userId), p.userId, orNull(p.defaultMethodId), orNull(p.reconfirmedAt)],
    );
  }
  async takeSkip(userId: string, allowed: number): Promise<number | null> {
    if (allowed < 1) return null;
    // One conditional upsert: a racing one waits for the row lock and re-checks the WHERE.
    const r = await this.one(
      `INSERT INTO profiles (user_key, user_id, skips_used) VALUES ($1, $2, 1)
       ON CONFLICT (user_key) DO UPDATE SET skips_used = profiles.skips_used + 1 WHERE profiles.skips_used < $3
       RETURNING skips_used`,
      [userKey(userId), userId, allowed],
    );
    return r ? Number(r.skips_used) : null;
  }

  // Sessions, setups, challenges, resets (expired = absent)

  async putSession(s: SessionRecord): Promise<void> {
    await this.pool.query(
      `INSERT INTO sessions (token_hash, user_id, elevated, expires_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (token_hash) DO UPDATE SET user_id = excluded.user_id, elevated = excluded.elevated, expires_at = excluded.expires_at`,
      [s.tokenHash, s.userId, s.elevated, s.expiresAt],
    );
  }
  async getSession(tokenHash: string, now: number): Promise<SessionRecord | null> {
    const r = await this.one('SELECT * FROM sessions WHERE token_hash = $1 AND expires_at > $2', [tokenHash, now]);
    return r ? toSession(r) : null;
  }
  async deleteSession(tokenHash: string): Promise<void> {
    await this.pool.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
  }

  async putSetup(s: SetupRecord): Promise<void> {
    const c = setupColumns(s);
    await this.pool.query(
      `INSERT INTO setups (id, user_id, session_token_hash, kind, secret, address, code_hash, challenge, label, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (id) DO UPDATE SET user_id = excluded.user_id, session_token_hash = excluded.session_token_hash, kind = excluded.kind,
         secret = excluded.secret, address = excluded.address, code_hash = excluded.code_hash, challenge = excluded.challenge,
         label = excluded.label, expires_at = excluded.expires_at`,
      [s.id, s.userId, s.sessionTokenHash, c.kind, c.secret, c.address, c.codeHash, c.challenge, c.label, s.expiresAt],
    );
  }
  async getSetup(id: string, now: number): Promise<SetupRecord | null> {
    const r = await this.one('SELECT * FROM setups WHERE id = $1 AND expires_at > $2', [id, now]);
    return r ? toSetup(r) : null;
  }
  async takeSetup(id: string, now: number): Promise<SetupRecord | null> {
    // One DELETE … RETURNING: a racing DELETE waits for the row lock, then finds nothing.
    const r = await this.one('DELETE FROM setups WHERE id = $1 RETURNING *', [id]);
    return r && Number(r.expires_at) > now ? toSetup(r) : null;
  }

  async putChallenge(c: ChallengeRecord): Promise<void> {
    const k = challengeColumns(c);
    await this.pool.query(
      `INSERT INTO challenges (id, owner_hash, user_id, method_id, code_hash, question_ids, webauthn_challenge, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (id) DO UPDATE SET owner_hash = excluded.owner_hash, user_id = excluded.user_id, method_id = excluded.method_id,
         code_hash = excluded.code_hash, question_ids = excluded.question_ids, webauthn_challenge = excluded.webauthn_challenge,
         expires_at = excluded.expires_at`,
      [c.id, c.ownerHash, c.userId, c.methodId, k.codeHash, k.questionIds, k.webauthnChallenge, c.expiresAt],
    );
  }
  async getChallenge(id: string, now: number): Promise<ChallengeRecord | null> {
    const r = await this.one('SELECT * FROM challenges WHERE id = $1 AND expires_at > $2', [id, now]);
    return r ? toChallenge(r) : null;
  }
  async takeChallenge(id: string, now: number): Promise<ChallengeRecord | null> {
    const r = await this.one('DELETE FROM challenges WHERE id = $1 RETURNING *', [id]);
    return r && Number(r.expires_at) > now ? toChallenge(r) : null;
  }

  async putReset(x: ResetRecord): Promise<void> {
    await this.pool.query(
      `INSERT INTO resets (token_hash, user_id, mode, required, offered_method_ids, passed_method_ids, expires_at, completed)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (token_hash) DO UPDATE SET user_id = excluded.user_id, mode = excluded.mode, required = excluded.required,
         offered_method_ids = excluded.offered_method_ids, passed_method_ids = excluded.passed_method_ids,
         expires_at = excluded.expires_at, completed = excluded.completed`,
      [x.tokenHash, x.userId, orNull(x.mode), x.required, JSON.stringify(x.offeredMethodIds), JSON.stringify(x.passedMethodIds), x.expiresAt, x.completed],
    );
  }
  async getReset(tokenHash: string, now: number): Promise<ResetRecord | null> {
    const r = await this.one('SELECT * FROM resets WHERE token_hash = $1 AND expires_at > $2', [tokenHash, now]);
    return r ? toReset(r) : null;
  }
  async passResetGate(tokenHash: string, methodId: string, now: number): Promise<ResetRecord | null> {
    const r = await this.one(
      `UPDATE resets SET passed_method_ids = passed_method_ids || to_jsonb($2::text)
       WHERE token_hash = $1 AND NOT completed AND expires_at > $3 AND NOT (passed_method_ids ? $2)
       RETURNING *`,
      [tokenHash, methodId, now],
    );
    return r ? toReset(r) : null;
  }
  async reopenReset(tokenHash: string): Promise<void> {
    await this.pool.query('UPDATE resets SET completed = false WHERE token_hash = $1', [tokenHash]);
  }
  async extendReset(tokenHash: string, expiresAt: number, now: number): Promise<boolean> {
    return (await this.count('UPDATE resets SET expires_at = GREATEST(expires_at, $2) WHERE token_hash = $1 AND NOT completed AND expires_at > $3', [tokenHash, expiresAt, now])) === 1;
  }
  async completeReset(tokenHash: string, now: number): Promise<boolean> {
    return (await this.count('UPDATE resets SET completed = true WHERE token_hash = $1 AND NOT completed AND expires_at > $2', [tokenHash, now])) === 1;
  }

  // Throttles

  // Each throttle step is one call of its function (migration 4): the key's advisory lock,
  // taken inside, serializes every instance's steps on that key until the call's transaction ends.
  async reserveAttempt(key: string, now: number, limit: Limit): Promise<Reservation> {
    const [row] = await this.rows('SELECT r_until, r_id, r_count FROM reserve_attempt($1, $2, $3, $4, $5)', [key, now, limit.windowMs, limit.max, limit.blockMs]);
    if (row?.r_until !== null && row?.r_until !== undefined) return { ok: false, until: Number(row.r_until) };
    return { ok: true, id: String(row?.r_id), count: Number(row?.r_count) };
  }
  async releaseAttempt(key: string, id: string): Promise<void> {
    await this.pool.query('SELECT release_attempt($1, $2)', [key, id]);
  }
  async clearAttempts(key: string): Promise<void> {
    await this.pool.query('SELECT clear_attempts($1)', [key]);
  }
  async blockedUntil(key: string, now: number): Promise<number | null> {
    const r = await this.one('SELECT until FROM blocks WHERE key = $1 AND until > $2', [key, now]);
    return r ? Number(r.until) : null;
  }

  // Audit (append-only: this class has no UPDATE or DELETE on it; triggers refuse them) and helpdesk

  async appendAudit(e: AuditEvent): Promise<void> {
    await this.pool.query(
      'INSERT INTO audit (at, event, user_id, client, outcome, support_code, detail) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [e.at, e.event, orNull(e.userId), orNull(e.client), e.outcome, orNull(e.supportCode), orNull(e.detail)],
    );
  }
  async listAudit(options: { since?: string; limit?: number } = {}): Promise<AuditEvent[]> {
    const limit = options.limit ?? null; // LIMIT NULL: no limit
    const rows =
      options.since !== undefined && options.since !== ''
        ? await this.rows('SELECT * FROM audit WHERE at >= $1 ORDER BY id LIMIT $2', [options.since, limit])
        : await this.rows('SELECT * FROM audit ORDER BY id LIMIT $1', [limit]);
    return rows.map(toAudit);
  }
  async addHelpdeskRequest(r: HelpdeskRequest): Promise<void> {
    await this.pool.query('INSERT INTO helpdesk_requests (support_code, user_id, reason, at) VALUES ($1, $2, $3, $4)', [r.supportCode, r.userId, r.reason, r.at]);
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }
  async sweep(now: number): Promise<void> {
    await transaction(this.pool, async (c) => {
      for (const table of ['sessions', 'setups', 'challenges', 'resets', 'counters']) await c.query(`DELETE FROM ${table} WHERE expires_at <= $1`, [now]);
      await c.query('DELETE FROM blocks WHERE until <= $1', [now]);
    });
  }
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}
