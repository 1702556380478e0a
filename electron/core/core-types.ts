/**
 * The surface both hosts (Electron main and the web host) use: build a core once at start,
 * then hand every incoming IPC call to `dispatch`. Nothing here knows about Electron or HTTP.
 */
import type { Result } from '../../contract/errors.js';
import type { UserPresence } from './authenticator/user-presence.js';
import type { HostHooks } from './session/qr-screen-guard.js';
import type { CredentialVault } from './vault/credential-vault.js';
import type { IpcEventPayload, StartFlow } from '../../contract/ipc.js';
import type { CoreEvents } from './events.js';

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
  startFlow?: StartFlow;
  /** From `--user` or a deep link: pre-fills the user id field, nothing more. */
  startUserId?: string;
  /** `--lock-screen`: reset and unlock only; this device is no authenticator. */
  lockScreen?: boolean;
  /** The OS's user-presence check; absent = none, so this device cannot be an authenticator. */
  presence?: UserPresence;
  /** What the host can do to its window (content protection); absent = nothing. */
  hostHooks?: HostHooks;
  /** The clock this device's codes are made with; tests shift it to step past a spent code. */
  now?: () => number;
  /** Idle time before the session is wiped (default: 10 min; 3 min on the lock screen). */
  idleTimeoutMs?: number;
}

export interface Core {
  /** Parse `request` with the channel's schema, run its handler, always resolve to a Result. */
  dispatch(channel: string, request: unknown): Promise<Result<unknown>>;
  /** Main → renderer events for the host to carry to its page. */
  readonly events: CoreEvents;
  /** A deep link or a second launch: tell the page to open a flow. */
  navigate(to: IpcEventPayload<'app.navigate'>): void;
  /** Forget the session now (sign-out everywhere, lock-screen done) and tell the page. */
  wipe(reason: IpcEventPayload<'session.wiped'>['reason']): void;
  /** The directory the core talks to (embedded demo URL or configured one). */
  readonly directoryUrl: string;
  readonly demo: boolean;
  /** The configured `appHost` (Electron: the host of the page's https origin), if any. */
  readonly appHost?: string;
  dispose(): Promise<void>;
}
