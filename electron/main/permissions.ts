import type { Session } from 'electron';

/**
 * The ONE permission allow-list, used by both the request and the check handler so they
 * can never disagree. Empty on purpose: the UI needs no camera, microphone, notifications,
 * clipboard, geolocation or HID access. WebAuthn (security keys, passkeys, Windows Hello,
 * Touch ID) is not a Chromium permission, so it works with this list empty.
 * Add an entry only with a reason next to it.
 */
export const allowedPermissions: ReadonlySet<string> = new Set<string>([]);

/** True when `permission` is on the allow-list. */
export function isPermissionAllowed(permission: string): boolean {
  return allowedPermissions.has(permission);
}

/** Install the allow-list on `session` for permission requests and permission checks. */
export function applyPermissionPolicy(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(isPermissionAllowed(permission)));
  session.setPermissionCheckHandler((_contents, permission) => isPermissionAllowed(permission));
}
