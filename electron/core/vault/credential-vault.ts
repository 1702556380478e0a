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

export class VaultError extends Error {
  readonly code = 'VAULT_UNAVAILABLE' as const;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'VaultError';
  }
}
