import { createRequire } from 'node:module';
import { VaultError, type CredentialVault } from './credential-vault.js';

/**
 * The part of keytar's API we use, declared here rather than `typeof import('keytar')`:
 * keytar is an optional dependency, and a machine where its build was skipped must still
 * type-check.
 */
interface Keytar {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

/** keytar fails fast without a keyring, but a wedged D-Bus could hang: never wait longer than this. */
const TIMEOUT_MS = 5_000;

/** What gets keytar back on a machine where its build was skipped (see README "Quick start"). */
export const KEYRING_MODULE_FIX = 'npm run setup, then npm run keyring:build';

/**
 * The one line for a missing keyring module: what is wrong, what it costs, how to fix it.
 * `require` says "not installed" (MODULE_NOT_FOUND) or why the native module cannot load
 * (e.g. libsecret-1.so.0 missing); only its first line, never a stack.
 */
export function keyringModuleMissingLine(cause: unknown): string {
  const notInstalled = (cause as NodeJS.ErrnoException | undefined)?.code === 'MODULE_NOT_FOUND';
  const reason = cause instanceof Error ? (cause.message.split('\n')[0] ?? '').slice(0, 160) : String(cause);
  const what = notInstalled ? 'is not installed' : `cannot load (${reason})`;
  return `The OS keyring module (keytar) ${what}, so features that keep a secret on this device are off. To get it: ${KEYRING_MODULE_FIX}`;
}

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new VaultError(`The system keyring did not answer within ${TIMEOUT_MS / 1000} s (${what})`)), TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

let announcedThisProcess = false;
/** Start-up notice: once per process however many vaults are made, on stderr, one line. */
function announceOnce(line: string): void {
  if (announcedThisProcess) return;
  announcedThisProcess = true;
  console.warn(line);
}

export interface KeytarVaultOptions {
  service: string;
  /**
   * The require boundary: how the module is loaded. Production uses Node's require from
   * this file; tests pass a require rooted where keytar is absent or its binary is broken.
   */
  requireModule?: (id: string) => unknown;
  /** Where the one start-up line goes when the module is missing (default: stderr, once per process; false: nowhere). */
  announce?: ((line: string) => void) | false;
}

/**
 * The CredentialVault on the OS keyring through keytar. keytar's upstream is archived; it sits
 * behind this interface so `@napi-rs/keyring` can replace it without touching callers.
 */
export class KeytarVault implements CredentialVault {
  private keytar: Keytar | undefined;

  constructor(private readonly options: KeytarVaultOptions) {
    // Probe now so a developer sees the one line at start-up rather than at the first use;
    // a machine without the module still runs every flow that does not need the keyring.
    const announce = options.announce ?? announceOnce;
    if (announce) {
      const problem = this.moduleProblem();
      if (problem) announce(problem);
    }
  }

  /** The one line saying why the keyring module cannot be used, or null when it loads. */
  moduleProblem(): string | null {
    try {
      this.load();
      return null;
    } catch (e) {
      return e instanceof VaultError ? e.message : String(e);
    }
  }

  private load(): Keytar {
    // Not cached on failure: after `npm run keyring:build` a running app picks the module up.
    if (!this.keytar) {
      try {
        // Inside the try: even a require that cannot be made (a bundle without a file URL) is a load failure.
        const requireModule = this.options.requireModule ?? createRequire(import.meta.url);
        this.keytar = requireModule('keytar') as Keytar;
      } catch (cause) {
        throw new VaultError(keyringModuleMissingLine(cause), { cause, code: 'KEYRING_MODULE_MISSING' });
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
