/**
 * What the service needs of a directory (OpenLDAP, Active Directory, or the in-memory demo).
 * Implementations translate their own errors into these results; the directory's own words
 * travel in `message` so the user sees why a password was refused.
 */
export interface DirectoryUser {
  userId: string;
  displayName: string;
  groups: string[];
  /** False when the password lives elsewhere (federated, no write-back): the seed's first error. */
  passwordManaged: boolean;
}

export type PasswordCheck = 'ok' | 'invalid' | 'locked';
export type SetPasswordResult = { ok: true } | { ok: false; message: string };

export interface Directory {
  findUser(userId: string): Promise<DirectoryUser | null>;
  verifyPassword(userId: string, password: string): Promise<PasswordCheck>;
  /** An administrative reset (the user proved who they are by other means). */
  resetPassword(userId: string, newPassword: string): Promise<SetPasswordResult>;
  /** The user's own change: the old password must be right; the directory applies its own rules (history, quality). */
  changePassword(userId: string, oldPassword: string, newPassword: string): Promise<SetPasswordResult | { ok: false; wrongPassword: true }>;
  /** Clear the directory's sign-in lockout for the account. */
  unlock(userId: string): Promise<void>;
}
