/**
 * Rows of the SQL stores (SQLite and PostgreSQL share column names) to the interface's
 * records. Tolerant of both drivers: PostgreSQL's bigint arrives as a string and jsonb
 * parsed, SQLite's integers as numbers and lists as JSON text. A NULL column becomes an
 * absent field, so a record read back equals the one written (undefined fields aside).
 * Every call builds fresh objects: callers can never mutate the store's state.
 */
import type { MethodType } from '../../contract/methods.js';
import type { AuditEvent, ChallengeRecord, ResetRecord, SessionRecord, SetupRecord, StoredMethod, UserProfile } from './store.js';

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
export const jsonOrNull = (v: readonly string[] | undefined): string | null => (v === undefined ? null : JSON.stringify(v));

export function toMethod(r: Row): StoredMethod {
  const m: StoredMethod = { id: str(r.id), userId: str(r.user_id), type: str(r.type) as MethodType, label: str(r.label), createdAt: str(r.created_at) };
  opt(m, 'secret', r.secret, str);
  opt(m, 'address', r.address, str);
  opt(m, 'lastUsedStep', r.last_used_step, num);
  opt(m, 'counter', r.counter, num);
  opt(m, 'data', r.data, str);
  return m;
}

export function toProfile(r: Row): UserProfile {
  const p: UserProfile = { userId: str(r.user_id), skipsUsed: num(r.skips_used) };
  opt(p, 'defaultMethodId', r.default_method_id, str);
  opt(p, 'reconfirmedAt', r.reconfirmed_at, num);
  return p;
}

export const toSession = (r: Row): SessionRecord => ({ tokenHash: str(r.token_hash), userId: str(r.user_id), elevated: bool(r.elevated), expiresAt: num(r.expires_at) });

export function toSetup(r: Row): SetupRecord {
  const s: SetupRecord = { id: str(r.id), userId: str(r.user_id), sessionTokenHash: str(r.session_token_hash), secret: str(r.secret), expiresAt: num(r.expires_at) };
  opt(s, 'kind', r.kind, (v) => str(v) as MethodType);
  opt(s, 'address', r.address, str);
  opt(s, 'codeHash', r.code_hash, str);
  opt(s, 'challenge', r.challenge, str);
  opt(s, 'label', r.label, str);
  return s;
}

export function toChallenge(r: Row): ChallengeRecord {
  const c: ChallengeRecord = { id: str(r.id), ownerHash: str(r.owner_hash), userId: str(r.user_id), methodId: str(r.method_id), expiresAt: num(r.expires_at) };
  opt(c, 'codeHash', r.code_hash, str);
  opt(c, 'questionIds', r.question_ids, list);
  opt(c, 'webauthnChallenge', r.webauthn_challenge, str);
  return c;
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
