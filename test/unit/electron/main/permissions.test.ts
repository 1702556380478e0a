import { describe, expect, it, vi } from 'vitest';
import { allowedPermissions, applyPermissionPolicy } from '../../../../electron/main/permissions.js';

describe('permission policy', () => {
  it('allows nothing (WebAuthn is not a permission, so the list stays empty)', () => {
    expect(allowedPermissions.size).toBe(0);
  });

  it('denies requests and checks with the same list', () => {
    const session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() };
    applyPermissionPolicy(session as never);
    const request = session.setPermissionRequestHandler.mock.calls[0]?.[0] as (c: unknown, p: string, cb: (ok: boolean) => void) => void;
    const check = session.setPermissionCheckHandler.mock.calls[0]?.[0] as (c: unknown, p: string) => boolean;
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'hid', 'openExternal', 'fullscreen']) {
      const callback = vi.fn();
      request(null, permission, callback);
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
      expect(check(null, permission)).toBe(false);
    }
  });
});
