import { createRequire } from 'node:module';
import { VaultError, type CredentialVault } from './credential-vault.js';

type Keytar = typeof import('keytar');

/** keytar fails fast without a keyring, but a wedged D-Bus could hang: never wait longer than this. */
const TIMEOUT_MS = 5_000;

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new VaultError(`The system keyring did not answer within ${TIMEOUT_MS / 1000} s (${what})`)), TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * The CredentialVault on the OS keyring through keytar. keytar's upstream is archived; it sits
 * behind this interface so `@napi-rs/keyring` can replace it without touching callers.
 */
export class KeytarVault implements CredentialVault {
  private keytar: Keytar | undefined;
  constructor(private readonly options: { service: string }) {}

  private load(): Keytar {
    // Loaded on first use: a machine without the native module can still run every flow
    // that does not need the keyring, and gets a clear error when one does.
    if (!this.keytar) {
      try {
        this.keytar = createRequire(import.meta.url)('keytar') as Keytar;
      } catch (cause) {
        throw new VaultError('The system keyring module could not be loaded', { cause });
      }
    }
    return this.keytar;
  }

  private async run<T>(what: string, action: (k: Keytar) => Promise<T>): Promise<T> {
    try {
      return await withTimeout(action(this.load()), what);
    } catch (cause) {
      if (cause instanceof VaultError) throw cause;
      const reason = cause instanceof Error ? cause.message : String(cause);
      throw new VaultError(`The system keyring is not available: ${reason}`, { cause });
    }
  }

  get(account: string): Promise<string | null> {
    return this.run('read', (k) => k.getPassword(this.options.service, account));
  }
  set(account: string, secret: string): Promise<void> {
    return this.run('write', (k) => k.setPassword(this.options.service, account, secret));
  }
  delete(account: string): Promise<boolean> {
    return this.run('delete', (k) => k.deletePassword(this.options.service, account));
  }
}
