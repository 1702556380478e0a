import { err, errorCodeSchema, type Err } from '../../../contract/errors.js';

/**
 * A vault failure as a Result. The vault's own code is kept as it is (VAULT_UNAVAILABLE, or
 * KEYRING_MODULE_MISSING when keytar's native module is not installed), with its message,
 * which names the keyring's problem and never a secret.
 */
export function vaultFailure(cause: unknown): Err {
  const code = errorCodeSchema.safeParse((cause as { code?: unknown } | null)?.code);
  const message = cause instanceof Error ? cause.message : 'The system keyring is not available';
  return err(code.success && (code.data === 'KEYRING_MODULE_MISSING' || code.data === 'VAULT_UNAVAILABLE') ? code.data : 'VAULT_UNAVAILABLE', message);
}
