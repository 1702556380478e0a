import { createHash, randomBytes } from 'node:crypto';
import type { Err } from '../contract/errors.js';
import type { Hasher } from './crypto/hasher.js';
import type { SecretBox } from './crypto/secret-box.js';
import type { Directory } from './directories/directory.js';
import type { Notifier, Outbox } from './notify/outbox.js';
import { plainField } from './notify/untrusted-text.js';
import type { SsprPolicy } from './policy/policy.js';
import type { AuditEvent, Store } from './store/store.js';
import type { TenantInfo } from './tenant.js';

/** Everything a route handler may use; built once per service instance. */
export interface ServiceContext {
  tenant: TenantInfo;
  policy: SsprPolicy;
  directory: Directory;
  store: Store;
  notifier: Notifier;
  /** Present only in demo mode: what would have been sent. */
  outbox?: Outbox;
  clock: () => number;
  /** Seals secrets before they reach the store. */
  box: SecretBox;
  /** Argon2id for one-time codes and security answers. */
  hasher: Hasher;
  /** Relying party of security keys and passkeys. */
  webauthn: { rpId: string; rpName: string; origins: string[] };
}

/** Bearer tokens are random 256-bit values; only their hash is stored. */
export const newToken = (): string => randomBytes(32).toString('base64url');
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('base64url');
export const newId = (prefix: string): string => `${prefix}-${randomBytes(9).toString('base64url')}`;

/** Support codes are short enough to read over the phone, random enough not to collide in a day. */
export const newSupportCode = (): string => randomBytes(5).toString('hex').toUpperCase();

/**
 * Append an audit event. The free-text fields may carry what a caller wrote (a user id, a
 * path) or an outside system said: each is made one bounded line (server/notify/untrusted-text.ts),
 * so an exported JSON-lines file or a log view shows one event per line, never a forged one.
 */
export const audit = (ctx: ServiceContext, event: Omit<AuditEvent, 'at'>): Promise<void> =>
  ctx.store.appendAudit({
    ...event,
    ...(event.userId !== undefined ? { userId: plainField(event.userId, 256) } : {}),
    ...(event.client !== undefined ? { client: plainField(event.client, 100) } : {}),
    ...(event.detail !== undefined ? { detail: plainField(event.detail, 500) } : {}),
    at: new Date(ctx.clock()).toISOString(),
  });

export const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * Audit a failure and hand back the error carrying the audit event's support code: one event
 * per failure, with who and what, instead of a second generic event written on the way out.
 */
export async function auditedFailure(ctx: ServiceContext, event: Omit<AuditEvent, 'at' | 'outcome' | 'supportCode'>, failure: Err): Promise<Err> {
  const supportCode = failure.error.supportCode ?? newSupportCode();
  await audit(ctx, { ...event, outcome: 'failure', supportCode });
  return { ok: false, error: { ...failure.error, supportCode } };
}
