import { describe, expect, it } from 'vitest';
import { createAppOrigin, deriveAppHost, originOf } from '../../../../electron/main/app-origin.js';
import { configSchema } from '../../../../electron/core/config/config-schema.js';

describe('deriveAppHost', () => {
  it.each([
    ['the embedded demo on 127.0.0.1', 'http://127.0.0.1:49152'],
    ['another 127/8 address', 'http://127.1.2.3:8080/'],
    ['localhost with a port', 'http://localhost:3000'],
    ['a *.localhost name', 'http://sspr.localhost:3000'],
    ['IPv6 loopback', 'http://[::1]:8080/'],
    ['IPv4-mapped IPv6 loopback', 'http://[::ffff:127.0.0.1]:8080/'],
  ])('serves %s from https://localhost (rpId localhost)', (_name, url) => {
    expect(deriveAppHost(url)).toEqual({ host: 'localhost' });
  });

  it('puts the page under a configured directory host, lower-cased, without its trailing dot', () => {
    expect(deriveAppHost('https://sspr.contoso.com')).toEqual({ host: 'sign-in-helper.sspr.contoso.com' });
    expect(deriveAppHost('https://SSPR.Contoso.COM.:8443/base/')).toEqual({ host: 'sign-in-helper.sspr.contoso.com' });
  });

  it('falls back to localhost with a warning for a directory named by an IP address (an rpId never is one)', () => {
    for (const url of ['https://10.0.0.5', 'https://[fe80::1]:8443']) {
      const derived = deriveAppHost(url);
      expect(derived.host).toBe('localhost');
      expect(derived.warning).toMatch(/appHost/);
    }
  });

  it('uses the appHost override over the directory', () => {
    expect(deriveAppHost('https://sspr.contoso.com', 'login.contoso.com')).toEqual({ host: 'login.contoso.com' });
    expect(deriveAppHost('http://127.0.0.1:1', 'helper.contoso.com')).toEqual({ host: 'helper.contoso.com' });
  });

  it.each(['https://login.contoso.com', 'login.contoso.com:443', 'login.contoso.com/path', 'Login.Contoso.com', '10.0.0.5', '::1', '-bad.contoso.com', 'a..b', '', 'evil.example#'])(
    'refuses the bad override %j',
    (bad) => {
      expect(() => deriveAppHost('https://sspr.contoso.com', bad)).toThrow(/appHost/);
      // The same rule refuses it in configuration, so it is reported there first.
      expect(configSchema.safeParse({ appHost: bad }).success).toBe(false);
    },
  );

  it('refuses a directory URL that does not parse', () => {
    expect(() => deriveAppHost('not a url')).toThrow();
  });
});

describe('createAppOrigin', () => {
  it('is https on the host, with the entry page, and owns exactly that origin', () => {
    const origin = createAppOrigin('sign-in-helper.sspr.contoso.com');
    expect(origin).toMatchObject({ origin: 'https://sign-in-helper.sspr.contoso.com', entryUrl: 'https://sign-in-helper.sspr.contoso.com/index.html' });
    expect(origin.owns('https://sign-in-helper.sspr.contoso.com/index.html#reset')).toBe(true);
    expect(origin.owns('https://sign-in-helper.sspr.contoso.com:443/x')).toBe(true);
    for (const url of ['https://sspr.contoso.com/', 'https://sign-in-helper.sspr.contoso.com:8443/', 'http://sign-in-helper.sspr.contoso.com/', 'app://sign-in-helper/index.html', 'garbage']) {
      expect(origin.owns(url)).toBe(false);
    }
  });

  it('cannot be changed once made', () => {
    const origin = createAppOrigin('localhost');
    expect(Object.isFrozen(origin)).toBe(true);
    expect(() => Object.assign(origin, { origin: 'https://evil.example' })).toThrow();
  });

  it('refuses a host that is not a DNS name', () => {
    expect(() => createAppOrigin('evil.example/path')).toThrow();
  });
});

describe('originOf', () => {
  it('rebuilds scheme and host (non-special schemes have an opaque url.origin)', () => {
    expect(originOf('app://sign-in-helper/x')).toBe('app://sign-in-helper');
    expect(originOf('https://localhost/x')).toBe('https://localhost');
    expect(originOf('nope')).toBeNull();
  });
});
