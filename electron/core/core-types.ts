/**
 * The surface both hosts (Electron main and the web host) use: build a core once at start,
 * then hand every incoming IPC call to `dispatch`. Nothing here knows about Electron or HTTP.
 */
import type { Result } from '../../contract/errors.js';
import type { UserPresence } from './authenticator/user-presence.js';
import type { HostHooks } from './session/qr-screen-guard.js';
import type { CredentialVault } from './vault/credential-vault.js';

export interface CoreOptions {
  host: 'electron' | 'web';
  version: string;
  /** OS locale (Electron: app.getLocale()) or the process locale for the web host. */
  systemLocale: string;
  /** Where user preferences are read and written (JSON). */
  userPrefsPath: string;
  /** Managed policy file (Linux: /etc/sign-in-helper/policy.json); missing file = no policy. */
  managedPolicyPath?: string;
  /** Overrides from the command line (e.g. `--directory-url`), above prefs, below policy. */
  overrides?: { directoryUrl?: string };
  vault: CredentialVault;
  startFlow?: 'home' | 'reset';
  /** The OS's user-presence check; absent = none, so this device cannot be an authenticator. */
  presence?: UserPresence;
  /** What the host can do to its window (content protection); absent = nothing. */
  hostHooks?: HostHooks;
  /** The clock this device's codes are made with; tests shift it to step past a spent code. */
  now?: () => number;
}

export interface Core {
  /** Parse `request` with the channel's schema, run its handler, always resolve to a Result. */
  dispatch(channel: string, request: unknown): Promise<Result<unknown>>;
  /** The directory the core talks to (embedded demo URL or configured one). */
  readonly directoryUrl: string;
  readonly demo: boolean;
  /** The configured `appHost` (Electron: the host of the page's https origin), if any. */
  readonly appHost?: string;
  dispose(): Promise<void>;
}
