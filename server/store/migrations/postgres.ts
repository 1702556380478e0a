/**
 * PostgreSQL schema, as numbered migrations: the same tables as migrations/sqlite.ts in
 * PostgreSQL's dialect, under the same rules (never edit a released migration; one
 * transaction per run; a newer database is refused). Instances starting together take an
 * advisory lock, so exactly one of them migrates.
 *
 * Epoch-millisecond times are bigint. ISO strings of the interface are text COLLATE "C" so
 * `since` compares them byte-wise, exactly like the SQLite and memory stores, whatever the
 * database's locale. Lists are jsonb. Tables land in the connection's search_path (a
 * `?options=-c search_path=…` in the URL selects a schema).
 */
import type { Migration } from './migration.js';

export const postgresMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'initial schema',
    sql: `
CREATE TABLE methods (
  id text PRIMARY KEY,
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  user_key text NOT NULL,
  user_id text NOT NULL,
  type text NOT NULL,
  label text NOT NULL,
  created_at text NOT NULL,
  secret text,
  address text,
  last_used_step bigint,
  counter bigint,
  data text
);
CREATE INDEX methods_by_user ON methods (user_key, seq);

CREATE TABLE profiles (
  user_key text PRIMARY KEY,
  user_id text NOT NULL,
  default_method_id text,
  reconfirmed_at bigint,
  skips_used integer NOT NULL DEFAULT 0
);

CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  user_id text NOT NULL,
  elevated boolean NOT NULL,
  expires_at bigint NOT NULL
);
CREATE INDEX sessions_by_expiry ON sessions (expires_at);

CREATE TABLE setups (
  id text PRIMARY KEY,
  user_id text NOT NULL,
  session_token_hash text NOT NULL,
  kind text,
  secret text NOT NULL,
  address text,
  code_hash text,
  challenge text,
  label text,
  expires_at bigint NOT NULL
);
CREATE INDEX setups_by_expiry ON setups (expires_at);

CREATE TABLE challenges (
  id text PRIMARY KEY,
  owner_hash text NOT NULL,
  user_id text NOT NULL,
  method_id text NOT NULL,
  code_hash text,
  question_ids jsonb,
  webauthn_challenge text,
  expires_at bigint NOT NULL
);
CREATE INDEX challenges_by_expiry ON challenges (expires_at);

CREATE TABLE resets (
  token_hash text PRIMARY KEY,
  user_id text NOT NULL,
  mode text CHECK (mode IN ('reset', 'unlock')),
  required integer NOT NULL,
  offered_method_ids jsonb NOT NULL,
  passed_method_ids jsonb NOT NULL,
  expires_at bigint NOT NULL,
  completed boolean NOT NULL
);
CREATE INDEX resets_by_expiry ON resets (expires_at);

-- One row per event: the sliding window counts rows with at > now - window.
-- expires_at = at + window, so sweep can drop rows no window will count again.
CREATE TABLE counters (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  key text NOT NULL,
  at bigint NOT NULL,
  expires_at bigint NOT NULL
);
CREATE INDEX counters_by_key ON counters (key, at);
CREATE INDEX counters_by_expiry ON counters (expires_at);

CREATE TABLE blocks (
  key text PRIMARY KEY,
  until bigint NOT NULL
);

CREATE TABLE audit (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at text COLLATE "C" NOT NULL,
  event text NOT NULL,
  user_id text,
  client text,
  outcome text NOT NULL CHECK (outcome IN ('success', 'failure')),
  support_code text,
  detail text
);
CREATE INDEX audit_by_time ON audit (at);

CREATE TABLE helpdesk_requests (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  support_code text NOT NULL,
  user_id text NOT NULL,
  reason text NOT NULL,
  at text NOT NULL
);
CREATE INDEX helpdesk_requests_by_code ON helpdesk_requests (support_code);
`,
  },
  {
    version: 2,
    name: 'audit is append-only in the database too',
    sql: `
CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit is append-only';
END;
$$;
CREATE TRIGGER audit_no_update_or_delete BEFORE UPDATE OR DELETE ON audit
  FOR EACH ROW EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit
  FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
`,
  },
  {
    version: 3,
    name: 'a block remembers the reservation that set it, so giving that one back lifts it',
    sql: `
ALTER TABLE blocks ADD COLUMN set_by text;
`,
  },
  {
    version: 4,
    name: 'throttle steps as functions: one round trip each, the per-key lock inside',
    // The same steps PostgresStore ran as BEGIN, the key's advisory lock, its statements and
    // COMMIT — four or five round trips for every reservation, the most frequent write of all
    // (npm run bench: PostgreSQL verified at a quarter of SQLite's rate). A function call is
    // one statement, hence one transaction: the lock is held until it ends, as before.
    // 1397311304 = 0x53494748 ("SIGH"), the lock class PostgresStore uses for counters.
    sql: `
CREATE FUNCTION reserve_attempt(p_key text, p_now bigint, p_window bigint, p_max bigint, p_block bigint)
RETURNS TABLE (r_until bigint, r_id bigint, r_count bigint) LANGUAGE plpgsql AS $$
DECLARE
  v_until bigint;
  v_id bigint;
  v_count bigint;
BEGIN
  PERFORM pg_advisory_xact_lock(1397311304, hashtext(p_key));
  SELECT b.until INTO v_until FROM blocks b WHERE b.key = p_key AND b.until > p_now;
  IF v_until IS NOT NULL THEN
    RETURN QUERY SELECT v_until, NULL::bigint, NULL::bigint;
    RETURN;
  END IF;
  DELETE FROM counters c WHERE c.key = p_key AND c.at <= p_now - p_window;
  INSERT INTO counters (key, at, expires_at) VALUES (p_key, p_now, p_now + p_window) RETURNING counters.id INTO v_id;
  SELECT COUNT(*) INTO v_count FROM counters c WHERE c.key = p_key;
  IF v_count >= p_max THEN
    INSERT INTO blocks (key, until, set_by) VALUES (p_key, p_now + p_block, v_id::text)
      ON CONFLICT (key) DO UPDATE SET until = excluded.until, set_by = excluded.set_by;
  END IF;
  RETURN QUERY SELECT NULL::bigint, v_id, v_count;
END;
$$;
CREATE FUNCTION release_attempt(p_key text, p_id bigint) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(1397311304, hashtext(p_key));
  DELETE FROM counters c WHERE c.key = p_key AND c.id = p_id;
  DELETE FROM blocks b WHERE b.key = p_key AND b.set_by = p_id::text;
END;
$$;
CREATE FUNCTION clear_attempts(p_key text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(1397311304, hashtext(p_key));
  DELETE FROM counters c WHERE c.key = p_key;
  DELETE FROM blocks b WHERE b.key = p_key;
END;
$$;
`,
  },
];
