import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { AccountState, Directory, DirectoryPasswordRules, DirectoryUser, PasswordCheck, WriteOutcome } from './directory.js';

const scrypt = (password: string, salt: Buffer, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) =>
    scryptCb(password.normalize('NFKC'), salt, 32, options, (e, key) => (e ? reject(e) : resolve(key))),
  );

export interface MemoryUserSeed extends DirectoryUser {
  password: string;
}

interface StoredUser extends DirectoryUser {
  salt: Buffer;
  hash: Buffer;
  /** Hashes of the last passwords, so the demo directory refuses reuse in its own words. */
  history: { salt: Buffer; hash: Buffer }[];
  state: AccountState;
}

const noState = (): AccountState => ({ locked: false, disabled: false, expired: false, mustChange: false });

/**
 * The demo directory: users in memory, passwords hashed with scrypt. Its cost is lower than
 * POLICY.md's N=2^17 because it is a demo stand-in for a real directory, rebuilt at each start;
 * it still never keeps a plain password.
 */
export class MemoryDirectory implements Directory {
  private readonly users = new Map<string, StoredUser>();
  private readonly historySize = 3;
  private constructor(private readonly options: ScryptOptions) {}

  /** `scryptN` lower than the default only where the cost is not what is tested (property tests). */
  static async create(seeds: readonly MemoryUserSeed[], { scryptN = 2 ** 14 }: { scryptN?: number } = {}): Promise<MemoryDirectory> {
    const directory = new MemoryDirectory({ N: scryptN, r: 8, p: 1 });
    for (const { password, ...user } of seeds) {
      const salt = randomBytes(16);
      const hash = await scrypt(password, salt, directory.options);
      directory.users.set(user.userId.toLowerCase(), { ...user, salt, hash, history: [], state: { ...noState(), ...user.state } });
    }
    return directory;
  }

  async findUser(userId: string): Promise<DirectoryUser | null> {
    const user = this.users.get(userId.trim().toLowerCase());
    if (!user) return null;
    const { userId: id, displayName, groups, passwordManaged, state, contact } = user;
    return { userId: id, displayName, groups: [...groups], passwordManaged, state: { ...state }, ...(contact ? { contact: { ...contact } } : {}) };
  }

  async verifyPassword(userId: string, password: string): Promise<PasswordCheck> {
    const user = this.users.get(userId.trim().toLowerCase());
    // Hash even for unknown users so timing does not tell who exists.
    const hash = await scrypt(password, user?.salt ?? randomBytes(16), this.options);
    if (!user) return 'invalid';
    // As Active Directory answers: locked whatever the password; the other states only to the right one.
    if (user.state.locked) return 'locked';
    if (!timingSafeEqual(hash, user.hash)) return 'invalid';
    if (user.state.disabled) return 'disabled';
    if (user.state.expired) return 'expired';
    return user.state.mustChange ? 'mustChange' : 'ok';
  }

  async resetPassword(userId: string, newPassword: string): Promise<WriteOutcome> {
    const user = this.users.get(userId.trim().toLowerCase());
    if (!user) return { ok: false, kind: 'other', message: 'No such user' };
    for (const old of [{ salt: user.salt, hash: user.hash }, ...user.history]) {
      if (timingSafeEqual(await scrypt(newPassword, old.salt, this.options), old.hash)) {
        return { ok: false, kind: 'history', message: 'Password is in history of old passwords' };
      }
    }
    user.history = [{ salt: user.salt, hash: user.hash }, ...user.history].slice(0, this.historySize);
    user.salt = randomBytes(16);
    user.hash = await scrypt(newPassword, user.salt, this.options);
    user.state.mustChange = false;
    return { ok: true };
  }

  async changePassword(userId: string, oldPassword: string, newPassword: string): Promise<WriteOutcome | { ok: false; wrongPassword: true }> {
    const check = await this.verifyPassword(userId, oldPassword);
    if (check === 'locked') return { ok: false, kind: 'locked', message: 'The account is locked' };
    if (check === 'disabled' || check === 'expired') return { ok: false, kind: 'disabled', message: 'The account is disabled' };
    if (check !== 'ok' && check !== 'mustChange') return { ok: false, wrongPassword: true };
    return this.resetPassword(userId, newPassword);
  }

  /** Demo and tests: lock the account as too many wrong passwords would. */
  lock(userId: string): void {
    const user = this.users.get(userId.trim().toLowerCase());
    if (user) user.state.locked = true;
  }

  /** Tests: set what an administrator would (disabled, expired, must change). */
  setState(userId: string, state: Partial<AccountState>): void {
    const user = this.users.get(userId.trim().toLowerCase());
    if (user) Object.assign(user.state, state);
  }

  async unlock(userId: string): Promise<WriteOutcome> {
    const user = this.users.get(userId.trim().toLowerCase());
    if (!user) return { ok: false, kind: 'other', message: 'No such user' };
    if (user.state.disabled) return { ok: false, kind: 'disabled', message: 'The account is disabled' };
    user.state.locked = false;
    return { ok: true };
  }

  async passwordRules(): Promise<DirectoryPasswordRules> {
    return { history: this.historySize, source: 'demo directory' };
  }
}
