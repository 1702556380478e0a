import { protocol } from 'electron';
import { APP_SCHEME } from './app-origin.js';
import { createAppRequestHandler } from './app-request-handler.js';

/**
 * Declare `app:` as a standard, secure scheme. Must run before `app` is ready.
 * "standard" gives it real origins and relative URLs; "secure" makes it a secure context
 * (needed by crypto.subtle, and later WebAuthn); fetch is allowed for same-origin assets.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** Serve `rendererRoot` (dist/renderer) on `app://sign-in-helper/…`. Call after `app` is ready. */
export function handleAppProtocol(rendererRoot: string): void {
  protocol.handle(APP_SCHEME, createAppRequestHandler({ root: rendererRoot }));
}
