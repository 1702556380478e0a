import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

const { configureMacWebAuthn, MAC_WEBAUTHN_KEYCHAIN_GROUP } = await import('../../../../electron/main/mac-webauthn.js');

beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  vi.spyOn(console, 'info').mockImplementation(() => {});
});

describe('configureMacWebAuthn', () => {
  it('does nothing off macOS (Windows Hello and security keys need no call)', () => {
    const app = { configureWebAuthn: vi.fn() };
    expect(configureMacWebAuthn(app, 'linux')).toBe('not-mac');
    expect(configureMacWebAuthn(app, 'win32')).toBe('not-mac');
    expect(app.configureWebAuthn).not.toHaveBeenCalled();
  });

  it('keeps starting on an Electron without app.configureWebAuthn (older than 41.5, the stub)', () => {
    expect(configureMacWebAuthn({} as never, 'darwin')).toBe('unsupported');
  });

  it('names a keychain group under the app id, the one the entitlement lists', () => {
    expect(MAC_WEBAUTHN_KEYCHAIN_GROUP).toMatch(/^[A-Z0-9]+\.com\.signinhelper\.app\.webauthn$/);
    const plist = readFileSync(new URL('../../../../resources/entitlements.mac.plist', import.meta.url), 'utf8');
    const groups = /<key>keychain-access-groups<\/key>\s*<array>([\s\S]*?)<\/array>/.exec(plist)?.[1] ?? '';
    expect([...groups.matchAll(/<string>([^<]+)<\/string>/g)].map((match) => match[1])).toEqual([MAC_WEBAUTHN_KEYCHAIN_GROUP]);
    const builder = readFileSync(new URL('../../../../electron-builder.yml', import.meta.url), 'utf8');
    expect(builder).toMatch(/^appId: com\.signinhelper\.app$/m);
  });

  it('keeps Touch ID off in a build whose team id was not filled in, rather than failing later', () => {
    const app = { configureWebAuthn: vi.fn() };
    const outcome = configureMacWebAuthn(app, 'darwin');
    if (MAC_WEBAUTHN_KEYCHAIN_GROUP.startsWith('TEAMID.')) {
      expect(outcome).toBe('unsupported');
      expect(app.configureWebAuthn).not.toHaveBeenCalled();
    } else {
      expect(outcome).toBe('configured');
      expect(app.configureWebAuthn).toHaveBeenCalledExactlyOnceWith({ touchID: { keychainAccessGroup: MAC_WEBAUTHN_KEYCHAIN_GROUP } });
    }
  });
});
