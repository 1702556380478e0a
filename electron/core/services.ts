import type { ConfigService } from './config/config-service.js';
import type { DirectoryClient } from './directory/directory-client.js';
import type { SessionState } from './session/session-state.js';
import type { CredentialVault } from './vault/credential-vault.js';

/** What IPC handlers may use. Built once by createCore; replaced by fakes in unit tests. */
export interface Services {
  client: DirectoryClient;
  state: SessionState;
  config: ConfigService;
  /** The OS keychain. The this-device authenticator keeps its secrets here (security-info issue). */
  vault: CredentialVault;
  host: 'electron' | 'web';
  version: string;
  systemLocale: string;
  demo: boolean;
  startFlow: 'home' | 'reset';
}
