import type { CredentialVault } from './credential-vault.js';

/** For unit tests only: a vault in memory. Integration tests use the real keyring. */
export class MemoryVault implements CredentialVault {
  private readonly items = new Map<string, string>();
  async get(account: string) {
    return this.items.get(account) ?? null;
  }
  async set(account: string, secret: string) {
    this.items.set(account, secret);
  }
  async delete(account: string) {
    return this.items.delete(account);
  }
}
