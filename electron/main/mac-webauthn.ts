import type { App } from 'electron';
import { createLogger } from './log.js';

const log = createLogger('webauthn');

/**
 * The keychain access group Touch ID passkeys are stored under. It must also be listed in
 * the `keychain-access-groups` entitlement (resources/entitlements.mac.plist); `TEAMID` is
 * the Apple team id, replaced in both places by the macOS signing step (docs/security.md).
 */
export const MAC_WEBAUTHN_KEYCHAIN_GROUP = 'TEAMID.com.signinhelper.app.webauthn';

export type MacWebAuthnOutcome = 'configured' | 'not-mac' | 'unsupported';

/**
 * Turn on the macOS platform authenticator (Touch ID, Secure Enclave) for WebAuthn. Without
 * this call Chromium in Electron reports no platform authenticator on macOS; security keys
 * (USB/NFC) work either way, on every OS. Call after `ready`.
 *
 * Guarded by a typeof check, not by the types: `app.configureWebAuthn` exists from
 * Electron 41.5 on, and the types come from the installed `electron` package while the code
 * runs on whatever binary starts it (the stub Electron of `npm run package:check`, an older
 * runtime). Calling a missing function would stop start-up; a missing platform authenticator
 * only hides "this device" as a passkey option.
 *
 * `platformPasskeys` (the system credential providers) stays off: it needs the associated
 * domains entitlement, a provisioning profile and an apple-app-site-association file on the
 * rpId, and it reports `https://<rpId>` as the origin — a deployment choice for IT, not a
 * default.
 */
export function configureMacWebAuthn(app: Pick<App, 'configureWebAuthn'>, platform: NodeJS.Platform = process.platform): MacWebAuthnOutcome {
  if (platform !== 'darwin') return 'not-mac';
  const configure = (app as { configureWebAuthn?: unknown }).configureWebAuthn;
  if (typeof configure !== 'function') {
    log.warn('This Electron has no app.configureWebAuthn (needs 41.5 or later): Touch ID passkeys are off');
    return 'unsupported';
  }
  if (MAC_WEBAUTHN_KEYCHAIN_GROUP.startsWith('TEAMID.')) {
    // Not replaced by the signing step: a development build, which has no keychain group.
    log.info('Touch ID passkeys are off in a build without its Apple team id');
    return 'unsupported';
  }
  try {
    app.configureWebAuthn({ touchID: { keychainAccessGroup: MAC_WEBAUTHN_KEYCHAIN_GROUP } });
    return 'configured';
  } catch {
    // An unsigned build (no entitlement) can refuse; security keys still work.
    log.warn('Touch ID passkeys could not be turned on (is the app signed with its keychain group?)');
    return 'unsupported';
  }
}
