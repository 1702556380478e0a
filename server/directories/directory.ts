/**
 * What the service needs of a directory (OpenLDAP, Active Directory, or the in-memory demo).
 * Every answer is data: implementations translate their own errors (LDAP result codes,
 * ppolicy controls, AD data codes) into these outcomes, and keep the directory's own words
 * in `message` so the user sees why a password was refused.
 *
 * An outage is not an outcome of the account: `findUser` and `verifyPassword` throw
 * `DirectoryUnavailableError` when the directory cannot be asked, which the routes turn into
 * DIRECTORY_UNAVAILABLE (a support code, audited, nothing changed). Writes answer
 * `{ ok: false, kind: 'unreachable' }` instead, so the caller can give back what it claimed.
 */

/** The account's state as the directory keeps it (what SSPR must tell apart). */
export interface AccountState {
  /** Locked out by failed sign-ins (ppolicy pwdAccountLockedTime, AD lockoutTime). */
  locked: boolean;
  /** Disabled by an administrator (AD ACCOUNTDISABLE; ppolicy permanent lock). */
  disabled: boolean;
  /** The account (not the password) has expired (AD accountExpires). */
  expired: boolean;
  /** The password must be changed at next sign-in (expired password, pwdReset, pwdLastSet = 0). */
  mustChange: boolean;
}

export interface DirectoryUser {
  /** The account's own id, canonical (the spelling the directory keeps). */
  userId: string;
  displayName: string;
  groups: string[];
  /** False when the password lives elsewhere (federated, smart-card only, no write-back): the seed's first error. */
  passwordManaged: boolean;
  /** Absent for a directory that cannot tell (treated as all false). */
  state?: AccountState;
  /**
   * What IT pre-populated (mobile, mail): offered to pre-fill a method being added, never
   * counted as proven — a pre-filled number still needs a code before it is registered.
   */
  contact?: { phone?: string; email?: string };
}

/**
 * A password check as the directory answers it: `disabled` and `expired` (the account, not the
 * password) and `mustChange` (the password expired, or must change at next sign-in; AD 532/773,
 * ppolicy passwordExpired). On Active Directory and the memory directory the states other than
 * `locked` only follow a right password; slapd refuses an administrator's lock and a passed
 * `pwdEndTime` before it checks the password, so there `disabled` and `expired` may follow a
 * wrong one — which is why the service tells no state under `hideAccountState`.
 */
export type PasswordCheck = 'ok' | 'invalid' | 'locked' | 'disabled' | 'expired' | 'mustChange';

/** Why a directory refused a write, in its own categories (issue 8's list). An expired account's write is `disabled`: to the person, both mean "self-service cannot help". */
export const refusalKinds = ['tooShort', 'quality', 'history', 'tooYoung', 'locked', 'disabled', 'rights', 'unreachable', 'other'] as const;
export type RefusalKind = (typeof refusalKinds)[number];

export type WriteOutcome = { ok: true } | { ok: false; kind: RefusalKind; message: string };
/** Kept for callers written before refusals had kinds. */
export type SetPasswordResult = WriteOutcome;

/** The directory's own password rules, for the live checklist (read from the directory, never hard-coded). */
export interface DirectoryPasswordRules {
  minLength?: number;
  /** AD complexity: 3 of the 4 character classes, and not the account name. */
  complexity?: boolean;
  /** How many previous passwords are refused. */
  history?: number;
  /** Minimum age in seconds before the password may change again. */
  minAgeSeconds?: number;
  /** Where the rules come from, for the user ("Fine-grained policy sspr-pso", "ppolicy cn=default"). */
  source?: string;
}

export interface Directory {
  findUser(userId: string): Promise<DirectoryUser | null>;
  verifyPassword(userId: string, password: string): Promise<PasswordCheck>;
  /** An administrative reset (the user proved who they are by other means). */
  resetPassword(userId: string, newPassword: string): Promise<WriteOutcome>;
  /** The user's own change: the old password must be right; the directory applies its own rules (history, quality). */
  changePassword(userId: string, oldPassword: string, newPassword: string): Promise<WriteOutcome | { ok: false; wrongPassword: true }>;
  /** Clear the directory's sign-in lockout for the account. */
  unlock(userId: string): Promise<WriteOutcome>;
  /** The rules the directory applies to this user's new password (a fine-grained policy may differ per user). */
  passwordRules?(userId?: string): Promise<DirectoryPasswordRules>;
  /** Close pooled connections. */
  close?(): Promise<void>;
}

/** The directory could not be asked (down, timeout, TLS failure, the service account refused). */
export class DirectoryUnavailableError extends Error {
  override readonly name = 'DirectoryUnavailableError';
  constructor(
    message: string,
    /** A short machine code for the audit: 'ECONNREFUSED', 'TIMEOUT', 'TLS', 'SERVICE_BIND'… */
    readonly code: string,
  ) {
    super(message);
  }
}
