import type { ThisDeviceKeys } from './authenticator/this-device-keys.js';
import type { UserPresence } from './authenticator/user-presence.js';
import type { ConfigService } from './config/config-service.js';
import type { DirectoryClient } from './directory/directory-client.js';
import type { ReadingLanguage } from './language/reading-language.js';
import type { QrScreenGuard } from './session/qr-screen-guard.js';
import type { SessionState } from './session/session-state.js';
import type { CredentialVault } from './vault/credential-vault.js';
import type { StartFlow } from '../../contract/ipc.js';

/** What IPC handlers may use. Built once by createCore; replaced by fakes in unit tests. */
export interface Services {
  client: DirectoryClient;
  state: SessionState;
  config: ConfigService;
  /** The OS keychain; this device's authenticator reaches it only through `keys`. */
  vault: CredentialVault;
  /** This device's authenticator secrets (in the vault), keyed on the directory and user. */
  keys: ThisDeviceKeys;
  /** The OS's user-presence check (Touch ID), asked before a code of this device is shown. */
  presence: UserPresence;
  /** Content protection while an authenticator app's QR code may be on screen. */
  qrGuard: QrScreenGuard;
  /** The language the user reads now (sent to the directory on every request). */
  language: ReadingLanguage;
  host: 'electron' | 'web';
  version: string;
  systemLocale: string;
  demo: boolean;
  startFlow: StartFlow;
  startUserId?: string;
  lockScreen: boolean;
  /** Idle time before the core wipes the session (the page warns before it). */
  idleTimeoutMs: number;
  /** Wipe the session, then close the app where the host can. */
  quit: () => void;
  /** The clock codes are made with (Date.now; tests may shift it). */
  now: () => number;
  log: (message: string) => void;
}
