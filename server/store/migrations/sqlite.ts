/**
 * SQLite schema, as numbered migrations. Rules (docs/architecture.md, "Durable stores"):
 * a migration, once released, is never edited — changes go in a new, higher version; each
 * runs in one transaction with the row that records it in `schema_migrations`; a database
 * whose version is higher than the last one here is refused (written by a newer build).
 *
 * Times are epoch milliseconds in INTEGER columns except the ISO strings of the interface
 * (methods.created_at, audit.at, helpdesk_requests.at), kept as given so they round-trip
 * exactly and `since` compares them as strings, like the memory store. `user_key` is the
 * user id lower-cased by the code (String.prototype.toLowerCase, not SQL lower(), which is
 * ASCII-only in SQLite): user ids compare case-insensitively.
 */
import type { Migration } from './migration.js';

export const sqliteMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'initial schema',
    sql: `
CREATE TABLE methods (
  id TEXT PRIMARY KEY,
  user_key TEXT NOT NULL,
  user_id TEXT NOT NULL,
  type TEXT NOT NULL,
  label TEXT NOT NULL,
  created_at TEXT NOT NULL,
  secret TEXT,
  address TEXT,
  last_used_step INTEGER,
  counter INTEGER,
  data TEXT
);
CREATE INDEX methods_by_user ON methods (user_key);

CREATE TABLE profiles (
  user_key TEXT PRIMARY KEY,
  user_id TEXT NOT NULL,
  default_method_id TEXT,
  reconfirmed_at INTEGER,
  skips_used INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL,
  elevated INTEGER NOT NULL CHECK (elevated IN (0, 1)),
  expires_at INTEGER NOT NULL
);
CREATE INDEX sessions_by_expiry ON sessions (expires_at);

CREATE TABLE setups (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL,
  session_token_hash TEXT NOT NULL,
  kind TEXT,
  secret TEXT NOT NULL,
  address TEXT,
  code_hash TEXT,
  challenge TEXT,
  label TEXT,
  expires_at INTEGER NOT NULL
);
CREATE INDEX setups_by_expiry ON setups (expires_at);

CREATE TABLE challenges (
  id TEXT PRIMARY KEY,
  owner_hash TEXT NOT NULL,
  user_id TEXT NOT NULL,
  method_id TEXT NOT NULL,
  code_hash TEXT,
  question_ids TEXT,
  webauthn_challenge TEXT,
  expires_at INTEGER NOT NULL
);
CREATE INDEX challenges_by_expiry ON challenges (expires_at);

CREATE TABLE resets (
  token_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL,
  mode TEXT CHECK (mode IN ('reset', 'unlock')),
  required INTEGER NOT NULL,
  offered_method_ids TEXT NOT NULL,
  passed_method_ids TEXT NOT NULL,
  expires_at INTEGER NOT NULL,
  completed INTEGER NOT NULL CHECK (completed IN (0, 1))
);
CREATE INDEX resets_by_expiry ON resets (expires_at);

-- One row per event: the sliding window counts rows with at > now - window.
-- expires_at = at + window, so sweep can drop rows no window will count again.
CREATE TABLE counters (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL,
  at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE INDEX counters_by_key ON counters (key, at);
CREATE INDEX counters_by_expiry ON counters (expires_at);

CREATE TABLE blocks (
  key TEXT PRIMARY KEY,
  until INTEGER NOT NULL
);

CREATE TABLE audit (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  event TEXT NOT NULL,
  user_id TEXT,
  client TEXT,
  outcome TEXT NOT NULL CHECK (outcome IN ('success', 'failure')),
  support_code TEXT,
  detail TEXT
);
CREATE INDEX audit_by_time ON audit (at);

CREATE TABLE helpdesk_requests (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  support_code TEXT NOT NULL,
  user_id TEXT NOT NULL,
  reason TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX helpdesk_requests_by_code ON helpdesk_requests (support_code);
`,
  },
  {
    version: 2,
    name: 'audit is append-only in the database too',
    sql: `
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
`,
  },
  {
    version: 3,
    name: 'a block remembers the reservation that set it, so giving that one back lifts it',
    sql: `
ALTER TABLE blocks ADD COLUMN set_by TEXT;
`,
  },
  {
    version: 4,
    name: 'throttle steps as functions: one round trip each, the per-key lock inside',
    // PostgreSQL's throttle steps became server-side functions; SQLite runs in the service's
    // process, so its steps need no change. Kept so that a version means the same in both.
    sql: `SELECT 1;`,
  },
];
