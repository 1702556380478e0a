/**
 * Everything the service remembers. Domain-shaped so a durable engine (SQLite, PostgreSQL)
 * implements it with tables; throttles and challenges live here, never in handler memory,
 * so several instances behind a load balancer agree.
 *
 * Secret material reaches the store already sealed by the service (AES-256-GCM, see
 * server/crypto/secret-box.ts) or hashed (Argon2id): a store never sees a plain secret,
 * code or answer. Fields documented as "sealed" or "hash" are opaque strings here.
 *
 * Times are epoch milliseconds (numbers) unless the field is an ISO string for display.
 * Every method is atomic on its own; the compare-and-set ones (advance*, take*, consume*)
 * must stay correct when two instances race.
 */
import type { MethodType } from '../../contract/methods.js';

/** What every registered method has, whatever its type. */
export interface MethodBase {
  id: string;
  userId: string;
  /** What the owner sees: app name, masked address, key name. Never secret. */
  label: string;
  /** ISO 8601. */
  createdAt: string;
}

/** A security question's id and the Argon2id hash of its normalized answer. */
export interface StoredAnswer {
  questionId: string;
  hash: string;
}

/**
 * What each method type keeps besides the common fields. One entry per MethodType: a type
 * without its entry is a compile error wherever `StoredMethodOf` is used.
 */
export interface MethodFields {
  /** `secret` sealed (TOTP secret); `lastUsedStep`: the last accepted time step, so a code is accepted once. */
  authenticatorApp: { secret: string; lastUsedStep?: number };
  /** `address` sealed: the phone number (E.164), needed to send codes. */
  sms: { address: string };
  voice: { address: string };
  /** `address` sealed: the alternate email address. */
  email: { address: string };
  /** `secret` sealed (COSE public key, base64url); credential id and transports are not secret; `counter`: the signature counter last seen. */
  securityKey: { secret: string; credentialId: string; transports?: string[]; counter: number };
  questions: { answers: StoredAnswer[] };
}

/** A registered method of one type. */
export type StoredMethodOf<T extends MethodType> = MethodBase & { type: T } & MethodFields[T];
/** A registered method: a union keyed on `type`. */
export type StoredMethod = { [T in MethodType]: StoredMethodOf<T> }[MethodType];

/** Per-user registration facts that are not a method. */
export interface UserProfile {
  userId: string;
  defaultMethodId?: string;
  /** Epoch ms of the last "my security info is still right". */
  reconfirmedAt?: number;
  /** How many times the user skipped registration at launch. */
  skipsUsed: number;
}

/** What `putProfile` writes: everything but the skip count. */
export type ProfileUpdate = Omit<UserProfile, 'skipsUsed'> & { skipsUsed?: number };

export interface SessionRecord {
  tokenHash: string;
  userId: string;
  /** True once the user passed a registered method (or has none): security info may change. */
  elevated: boolean;
  expiresAt: number;
}

/** What every setup (a method being added) has: whose it is, for which session, until when. */
export interface SetupBase {
  id: string;
  userId: string;
  sessionTokenHash: string;
  expiresAt: number;
}

/**
 * What must be proven before a method is registered, per method type that has a setup
 * (security questions are registered in one step and have none).
 */
export interface SetupFields {
  /** Sealed: the TOTP secret being set up. */
  authenticatorApp: { secret: string };
  /** Sealed `address` (phone number or email), the hash of the code sent to it, and the masked label it will get. */
  sms: { address: string; codeHash: string; label: string };
  voice: { address: string; codeHash: string; label: string };
  email: { address: string; codeHash: string; label: string };
  /** The WebAuthn registration challenge (base64url). */
  securityKey: { challenge: string };
}
export type SetupType = keyof SetupFields;
export type SetupRecordOf<T extends SetupType> = SetupBase & { type: T } & SetupFields[T];
/** A method being added: a union keyed on `type`. */
export type SetupRecord = { [T in SetupType]: SetupRecordOf<T> }[SetupType];

/** A verification under way for a reset gate or a second factor: bound to its owner and method. */
export interface ChallengeBase {
  /** Unique per owner and method: a new challenge replaces the previous one (resend). */
  id: string;
  /** Hash of the reset token or session token this challenge belongs to. */
  ownerHash: string;
  userId: string;
  methodId: string;
  expiresAt: number;
}

/**
 * What the user was asked, keyed on `kind` as the API's challenges are: the hash of a
 * one-time code sent (text, call, email), the security questions drawn, or a WebAuthn
 * authentication challenge (base64url). An authenticator app needs none.
 */
export type ChallengeRecord = ChallengeBase & ({ kind: 'code'; codeHash: string } | { kind: 'questions'; questionIds: string[] } | { kind: 'webauthn'; webauthnChallenge: string });

export interface ResetRecord {
  tokenHash: string;
  userId: string;
  /** What the gates unlock: a new password, or only the account's lockout. Absent = reset. */
  mode?: 'reset' | 'unlock';
  required: number;
  offeredMethodIds: string[];
  passedMethodIds: string[];
  expiresAt: number;
  completed: boolean;
}

export interface AuditEvent {
  /** ISO 8601. */
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

/** At most `max` events under a key within `windowMs`; reaching it blocks the key for `blockMs`. */
export interface Limit {
  max: number;
  windowMs: number;
  blockMs: number;
}

/** A reserved event (its id, to give it back), or the end of the block that refused it. */
/** `count`: the events in the window with this one (what the limit is measured against; the owner's "tries left"). */
export type Reservation = { ok: true; id: string; count: number } | { ok: false; until: number };

export interface Store {
  // Registered methods and profiles
  listMethods(userId: string): Promise<StoredMethod[]>;
  addMethod(method: StoredMethod): Promise<void>;
  /**
   * Add `method` atomically only while the user has fewer than `max` methods of its type,
   * removing `replacing` (the user's own methods it replaces) in the same step. False, with
   * nothing changed, when the limit is reached: two racing confirmations never add two past it.
   */
  addMethodUnder(method: StoredMethod, max: number, replacing?: readonly string[]): Promise<boolean>;
  /** True when the method existed and belonged to `userId`. */
  removeMethod(userId: string, methodId: string): Promise<boolean>;
  /** Change the display label (never the secret material). */
  renameMethod(methodId: string, label: string): Promise<void>;
  /** Compare-and-set of the TOTP step: true only if `step` is newer than the stored one. */
  advanceTotpStep(methodId: string, step: number): Promise<boolean>;
  /** Compare-and-set of a WebAuthn counter: true if `counter` > stored, or both are 0 (authenticators without counters). */
  advanceCounter(methodId: string, counter: number): Promise<boolean>;
  getProfile(userId: string): Promise<UserProfile | null>;
  /**
   * Insert or replace the profile's default method and reconfirmation time. `skipsUsed` is
   * never written here (a new profile starts at 0): only `takeSkip` changes it, so a put from
   * a stale read cannot give a skip back.
   */
  putProfile(profile: ProfileUpdate): Promise<void>;
  /**
   * Count one skip of the registration asked for at launch, atomically, if fewer than
   * `allowed` were used (creating the profile when absent): the new count, or null when none
   * is left. N racing calls never count past `allowed`.
   */
  takeSkip(userId: string, allowed: number): Promise<number | null>;

  // Sessions, setups, challenges, resets (all expire; expired = absent)
  putSession(session: SessionRecord): Promise<void>;
  getSession(tokenHash: string, now: number): Promise<SessionRecord | null>;
  deleteSession(tokenHash: string): Promise<void>;

  putSetup(setup: SetupRecord): Promise<void>;
  getSetup(id: string, now: number): Promise<SetupRecord | null>;
  /** Read and delete in one step: only one caller ever gets a live setup. */
  takeSetup(id: string, now: number): Promise<SetupRecord | null>;

  /** Insert or replace (same id): a resent code replaces the previous one. */
  putChallenge(challenge: ChallengeRecord): Promise<void>;
  getChallenge(id: string, now: number): Promise<ChallengeRecord | null>;
  /** Read and delete in one step: a code is used once even when two requests race. */
  takeChallenge(id: string, now: number): Promise<ChallengeRecord | null>;

  putReset(reset: ResetRecord): Promise<void>;
  getReset(tokenHash: string, now: number): Promise<ResetRecord | null>;
  /**
   * Record a passed gate atomically: appends `methodId` unless the reset is completed, expired
   * or already passed that method; returns the updated record, or null. (A read-modify-write
   * with putReset could undo a completion that happened in between.)
   */
  passResetGate(tokenHash: string, methodId: string, now: number): Promise<ResetRecord | null>;
  /** Compare-and-set completed false → true: a reset token sets one password at most. */
  completeReset(tokenHash: string, now: number): Promise<boolean>;
  /** Undo a completion whose directory write failed, so the user may try another password. */
  reopenReset(tokenHash: string): Promise<void>;
  /**
   * More time for a live reset: its expiry becomes `expiresAt` (never earlier than it was)
   * only while it is neither completed nor expired at `now`; false when it was not. One
   * conditional write, so it never revives a reset that ran out or was spent in between (a
   * read-modify-write with putReset could undo a completion).
   */
  extendReset(tokenHash: string, expiresAt: number, now: number): Promise<boolean>;

  // Throttles: events under a key counted in a sliding window, and a block until a time
  /**
   * Reserve one event under `key` BEFORE doing what it counts (checking a code or a
   * password, sending a message), in one atomic step: refused while the key is blocked;
   * otherwise the event is recorded, and the one that brings the window's count to
   * `limit.max` blocks the key until `now + limit.blockMs`. N racing callers — on one
   * instance or on several sharing this store — get at most `max` reservations before the
   * block, so at most `max` checks ever run.
   */
  reserveAttempt(key: string, now: number, limit: Limit): Promise<Reservation>;
  /**
   * Give one reservation back: what it reserved did not happen (the message was not sent,
   * the check never ran). Lifts the block only if this reservation set it.
   */
  releaseAttempt(key: string, id: string): Promise<void>;
  /** Forget every event and the block under `key`: its owner proved who they are. */
  clearAttempts(key: string): Promise<void>;
  /** When the block on `key` ends, or null if it is not blocked at `now`. */
  blockedUntil(key: string, now: number): Promise<number | null>;

  // Audit (append-only) and helpdesk requests
  appendAudit(event: AuditEvent): Promise<void>;
  /** In order of appending; `since` (ISO) keeps events at or after it. */
  listAudit(options?: { since?: string; limit?: number }): Promise<AuditEvent[]>;
  addHelpdeskRequest(request: HelpdeskRequest): Promise<void>;

  /** Throws when the store cannot serve (for /readyz). */
  ping(): Promise<void>;
  /** Remove expired sessions, setups, challenges, resets and old counters. */
  sweep(now: number): Promise<void>;
  close(): Promise<void>;
}
