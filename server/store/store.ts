/**
 * Everything the service remembers. Domain-shaped so a durable engine (SQLite, PostgreSQL)
 * can implement it with tables; throttles and challenges live here, never in handler memory,
 * so several instances behind a load balancer agree.
 */
import type { MethodType } from '../../contract/methods.js';

export interface StoredMethod {
  id: string;
  userId: string;
  type: MethodType;
  label: string;
  createdAt: string;
  /** authenticatorApp: base32 secret (encrypted at rest in durable stores). */
  secret?: string;
  /** authenticatorApp: the last accepted time step, so a code is accepted once. */
  lastUsedStep?: number;
  /** email / sms / voice: the address or number. */
  address?: string;
}

export interface SessionRecord {
  tokenHash: string;
  userId: string;
  /** True once the user passed a registered method (or has none): security info may change. */
  elevated: boolean;
  expiresAt: number;
}

export interface SetupRecord {
  id: string;
  userId: string;
  sessionTokenHash: string;
  secret: string;
  expiresAt: number;
}

export interface ResetRecord {
  tokenHash: string;
  userId: string;
  required: number;
  offeredMethodIds: string[];
  passedMethodIds: string[];
  expiresAt: number;
  completed: boolean;
}

export interface AuditEvent {
  at: string;
  event: string;
  userId?: string;
  client?: string;
  outcome: 'success' | 'failure';
  supportCode?: string;
  detail?: string;
}

export interface HelpdeskRequest {
  supportCode: string;
  userId: string;
  reason: string;
  at: string;
}

export interface Store {
  listMethods(userId: string): Promise<StoredMethod[]>;
  addMethod(method: StoredMethod): Promise<void>;
  /** Compare-and-set of the TOTP step: true only if `step` is newer than the stored one. */
  advanceTotpStep(methodId: string, step: number): Promise<boolean>;

  putSession(session: SessionRecord): Promise<void>;
  getSession(tokenHash: string, now: number): Promise<SessionRecord | null>;
  deleteSession(tokenHash: string): Promise<void>;

  putSetup(setup: SetupRecord): Promise<void>;
  takeSetup(id: string, now: number): Promise<SetupRecord | null>;
  getSetup(id: string, now: number): Promise<SetupRecord | null>;

  putReset(reset: ResetRecord): Promise<void>;
  getReset(tokenHash: string, now: number): Promise<ResetRecord | null>;

  /** Record one failure under `key`; returns the failures within the window, this one included. */
  recordFailure(key: string, now: number, windowMs: number): Promise<number>;
  clearFailures(key: string): Promise<void>;
  setBlock(key: string, until: number): Promise<void>;
  /** When the block on `key` ends, or null if it is not blocked at `now`. */
  blockedUntil(key: string, now: number): Promise<number | null>;

  appendAudit(event: AuditEvent): Promise<void>;
  listAudit(): Promise<AuditEvent[]>;
  addHelpdeskRequest(request: HelpdeskRequest): Promise<void>;
}
