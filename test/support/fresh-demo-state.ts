/**
 * Fresh demo state for property tests that run hundreds of short journeys against one
 * harness: a new store (with the Contoso methods, sealed), a new outbox, and a directory
 * double that keeps passwords in test memory so a journey costs no scrypt. The service code
 * under test is unchanged; only the demo directory (not what these tests are about) is
 * replaced.
 */
import type { Directory, DirectoryUser, PasswordCheck, SetPasswordResult } from '../../server/directories/directory.js';
import { contosoMethods, contosoUsers } from '../../server/demo/contoso.js';
import { Outbox } from '../../server/notify/outbox.js';
import { MemoryStore } from '../../server/store/memory-store.js';
import type { ApiHarness } from './api-harness.js';

/** The Contoso users with plain-text passwords, a history of 3 and a lock flag. */
export class PlainDirectory implements Directory {
  private readonly users = new Map(contosoUsers.map(({ password, ...user }) => [user.userId, { ...user, passwords: [password], locked: false }]));

  async findUser(userId: string): Promise<DirectoryUser | null> {
    const user = this.users.get(userId.trim().toLowerCase());
    return user ? { userId: user.userId, displayName: user.displayName, groups: [...user.groups], passwordManaged: user.passwordManaged } : null;
  }
  async verifyPassword(userId: string, password: string): Promise<PasswordCheck> {
    const user = this.users.get(userId.trim().toLowerCase());
    if (!user || user.passwords[0] !== password) return 'invalid';
    return user.locked ? 'locked' : 'ok';
  }
  async resetPassword(userId: string, newPassword: string): Promise<SetPasswordResult> {
    const user = this.users.get(userId.trim().toLowerCase());
    if (!user) return { ok: false, message: 'No such user' };
    if (user.passwords.includes(newPassword)) return { ok: false, message: 'Password is in history of old passwords' };
    user.passwords = [newPassword, ...user.passwords].slice(0, 4);
    return { ok: true };
  }
  async changePassword(userId: string, oldPassword: string, newPassword: string) {
    if ((await this.verifyPassword(userId, oldPassword)) !== 'ok') return { ok: false as const, wrongPassword: true as const };
    return this.resetPassword(userId, newPassword);
  }
  lock(userId: string): void {
    const user = this.users.get(userId.trim().toLowerCase());
    if (user) user.locked = true;
  }
  async unlock(userId: string): Promise<void> {
    const user = this.users.get(userId.trim().toLowerCase());
    if (user) user.locked = false;
  }
}

/** Put the harness's context back to a just-started demo at `now`. */
export async function freshDemoState(h: ApiHarness, now: number): Promise<PlainDirectory> {
  h.clock.set(now);
  const store = new MemoryStore();
  for (const method of contosoMethods(new Date(now).toISOString())) {
    await store.addMethod({
      ...method,
      ...(method.secret ? { secret: h.ctx.box.seal(method.secret) } : {}),
      ...(method.address ? { address: h.ctx.box.seal(method.address) } : {}),
    });
  }
  const outbox = new Outbox(h.clock);
  const directory = new PlainDirectory();
  Object.assign(h.ctx, { store, outbox, notifier: outbox, directory });
  return directory;
}
