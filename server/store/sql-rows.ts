/**
 * Rows of the SQL stores (SQLite and PostgreSQL share column names) to the interface's
 * records. Tolerant of both drivers: PostgreSQL's bigint arrives as a string and jsonb
 * parsed, SQLite's integers as numbers and lists as JSON text. A NULL column becomes an
 * absent field, so a record read back equals the one written (undefined fields aside).
 * Every call builds fresh objects: callers can never mutate the store's state.
 */
import type { AuditEvent, ChallengeRecord, ResetRecord, SessionRecord, SetupRecord, StoredAnswer, StoredMethod, StoredMethodOf, UserProfile } from './store.js';

export type Row = Record<string, unknown>;

const num = (v: unknown): number => Number(v);
const str = (v: unknown): string => String(v);
const bool = (v: unknown): boolean => v === true || v === 1 || v === 1n;
const list = (v: unknown): string[] => (typeof v === 'string' ? JSON.parse(v) : [...(v as string[])]) as string[];

/** Copy `value` into `target[key]` unless it is NULL. */
function opt<T extends object, K extends keyof T>(target: T, key: K, value: unknown, convert: (v: unknown) => T[K]): void {
  if (value !== null && value !== undefined) target[key] = convert(value);
}

/** Lower-cased user id: the key of every per-user lookup (as the memory store compares). */
export const userKey = (userId: string): string => userId.toLowerCase();

/** An optional field as a bind value: undefined becomes NULL. */
export const orNull = <T>(v: T | undefined): T | null => (v === undefined ? null : v);

/** A JSON column read by either driver (PostgreSQL may hand it parsed); null when unreadable. */
const json = (v: unknown): unknown => {
  if (typeof v !== 'string') return v ?? null;
  try {
    return JSON.parse(v) as unknown;
  } catch {
    return null;
  }
};

/** The `data` column of a security key: its credential id and transports. */
function passkeyData(v: unknown): { credentialId: string; transports?: string[] } {
  const d = json(v) as { credentialId?: unknown; transports?: unknown } | null;
  const transports = Array.isArray(d?.transports) ? d.transports.filter((t): t is string => typeof t === 'string') : undefined;
  return { credentialId: typeof d?.credentialId === 'string' ? d.credentialId : '', ...(transports ? { transports } : {}) };
}

/** The `data` column of security questions: question ids and answer hashes. */
function answersData(v: unknown): StoredAnswer[] {
  const d = json(v);
  return Array.isArray(d) ? d.filter((a): a is StoredAnswer => typeof a?.questionId === 'string' && typeof a?.hash === 'string').map((a) => ({ questionId: a.questionId, hash: a.hash })) : [];
}

/**
 * A methods row as the union of its type. The table keeps the columns of the first schema
 * (secret, address, last_used_step, counter, data); which of them a type uses is decided
 * here and in `methodColumns`, nowhere else. A row of a type this build does not know
 * (written by a newer one) is null: it is skipped, never guessed at.
 */
export function toMethod(r: Row): StoredMethod | null {
  const base = { id: str(r.id), userId: str(r.user_id), label: str(r.label), createdAt: str(r.created_at) };
  const type = str(r.type);
  switch (type) {
    case 'authenticatorApp': {
      const m: StoredMethodOf<'authenticatorApp'> = { ...base, type, secret: str(r.secret ?? '') };
      opt(m, 'lastUsedStep', r.last_used_step, num);
      return m;
    }
    case 'sms':
    case 'voice':
    case 'email':
      return { ...base, type, address: str(r.address ?? '') };
    case 'securityKey':
      return { ...base, type, secret: str(r.secret ?? ''), counter: r.counter === null || r.counter === undefined ? 0 : num(r.counter), ...passkeyData(r.data) };
    case 'questions':
      return { ...base, type, answers: answersData(r.data) };
    default:
      return null;
  }
}

/** The type-specific columns of a method, as bind values (NULL where the type has none). */
export function methodColumns(m: StoredMethod): { secret: string | null; address: string | null; lastUsedStep: number | null; counter: number | null; data: string | null } {
  const none = { secret: null, address: null, lastUsedStep: null, counter: null, data: null };
  switch (m.type) {
    case 'authenticatorApp':
      return { ...none, secret: m.secret, lastUsedStep: orNull(m.lastUsedStep) };
    case 'sms':
    case 'voice':
    case 'email':
      return { ...none, address: m.address };
    case 'securityKey':
      return { ...none, secret: m.secret, counter: m.counter, data: JSON.stringify({ credentialId: m.credentialId, ...(m.transports ? { transports: m.transports } : {}) }) };
    case 'questions':
      return { ...none, data: JSON.stringify(m.answers) };
  }
}

export const isMethod = (m: StoredMethod | null): m is StoredMethod => m !== null;

export function toProfile(r: Row): UserProfile {
  const p: UserProfile = { userId: str(r.user_id), skipsUsed: num(r.skips_used) };
  opt(p, 'defaultMethodId', r.default_method_id, str);
  opt(p, 'reconfirmedAt', r.reconfirmed_at, num);
  return p;
}

export const toSession = (r: Row): SessionRecord => ({ tokenHash: str(r.token_hash), userId: str(r.user_id), elevated: bool(r.elevated), expiresAt: num(r.expires_at) });

/**
 * A setups row as the union of its type. A NULL `kind` is a row written before typed setups
 * existed: an authenticator app. Unknown kinds are null (nobody can prove them).
 */
export function toSetup(r: Row): SetupRecord | null {
  const base = { id: str(r.id), userId: str(r.user_id), sessionTokenHash: str(r.session_token_hash), expiresAt: num(r.expires_at) };
  const type = r.kind === null || r.kind === undefined ? 'authenticatorApp' : str(r.kind);
  switch (type) {
    case 'authenticatorApp':
      return { ...base, type, secret: str(r.secret) };
    case 'sms':
    case 'voice':
    case 'email':
      return { ...base, type, address: str(r.address ?? ''), codeHash: str(r.code_hash ?? ''), label: str(r.label ?? '') };
    case 'securityKey':
      return { ...base, type, challenge: str(r.challenge ?? '') };
    default:
      return null;
  }
}

/** The columns of a setup, as bind values. `secret` is NOT NULL in the first schema: '' where the type has none. */
export function setupColumns(s: SetupRecord): { kind: string; secret: string; address: string | null; codeHash: string | null; challenge: string | null; label: string | null } {
  const none = { kind: s.type, secret: '', address: null, codeHash: null, challenge: null, label: null };
  switch (s.type) {
    case 'authenticatorApp':
      return { ...none, secret: s.secret };
    case 'sms':
    case 'voice':
    case 'email':
      return { ...none, address: s.address, codeHash: s.codeHash, label: s.label };
    case 'securityKey':
      return { ...none, challenge: s.challenge };
  }
}

const present = (v: unknown): boolean => v !== null && v !== undefined;

/** A challenges row as its kind: the one of code_hash, question_ids, webauthn_challenge that is set. */
export function toChallenge(r: Row): ChallengeRecord | null {
  const base = { id: str(r.id), ownerHash: str(r.owner_hash), userId: str(r.user_id), methodId: str(r.method_id), expiresAt: num(r.expires_at) };
  if (present(r.code_hash)) return { ...base, kind: 'code', codeHash: str(r.code_hash) };
  if (present(r.question_ids)) return { ...base, kind: 'questions', questionIds: list(r.question_ids) };
  if (present(r.webauthn_challenge)) return { ...base, kind: 'webauthn', webauthnChallenge: str(r.webauthn_challenge) };
  return null;
}

/** The kind-specific columns of a challenge, as bind values (NULL where the kind has none). */
export function challengeColumns(c: ChallengeRecord): { codeHash: string | null; questionIds: string | null; webauthnChallenge: string | null } {
  return {
    codeHash: c.kind === 'code' ? c.codeHash : null,
    questionIds: c.kind === 'questions' ? JSON.stringify(c.questionIds) : null,
    webauthnChallenge: c.kind === 'webauthn' ? c.webauthnChallenge : null,
  };
}

export function toReset(r: Row): ResetRecord {
  const x: ResetRecord = {
    tokenHash: str(r.token_hash),
    userId: str(r.user_id),
    required: num(r.required),
    offeredMethodIds: list(r.offered_method_ids),
    passedMethodIds: list(r.passed_method_ids),
    expiresAt: num(r.expires_at),
    completed: bool(r.completed),
  };
  opt(x, 'mode', r.mode, (v) => str(v) as 'reset' | 'unlock');
  return x;
}

export function toAudit(r: Row): AuditEvent {
  const e: AuditEvent = { at: str(r.at), event: str(r.event), outcome: str(r.outcome) as 'success' | 'failure' };
  opt(e, 'userId', r.user_id, str);
  opt(e, 'client', r.client, str);
  opt(e, 'supportCode', r.support_code, str);
  opt(e, 'detail', r.detail, str);
  return e;
}
