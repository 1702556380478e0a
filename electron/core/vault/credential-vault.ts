/**
 * The OS credential store as the core sees it: Windows Credential Manager, macOS Keychain,
 * the Secret Service on Linux. Every failure is a VaultError with a code the UI can explain;
 * there is never a plaintext fallback.
 */
export interface CredentialVault {
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  delete(account: string): Promise<boolean>;
}

/**
 * Why the vault failed, as two different problems with two different fixes:
 * - KEYRING_MODULE_MISSING: keytar's native module is not installed or cannot load (a fresh
 *   machine without libsecret's headers); the fix is on the developer's side, the message
 *   names the commands.
 * - VAULT_UNAVAILABLE: the module is there, but no keyring answers (locked, no D-Bus session).
 */
export type VaultErrorCode = 'VAULT_UNAVAILABLE' | 'KEYRING_MODULE_MISSING';

export class VaultError extends Error {
  readonly code: VaultErrorCode;
  constructor(message: string, options?: { cause?: unknown; code?: VaultErrorCode }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'VaultError';
    this.code = options?.code ?? 'VAULT_UNAVAILABLE';
  }
}
