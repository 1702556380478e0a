/**
 * A configuration that cannot work is refused — by the loader (`--check` and the start) and
 * by createConfiguredContext for a configuration built another way — naming the fields and
 * the fix: the helpdesk mail without a mail channel, a proxy trusted without being named,
 * entries that name no proxy, a public listener with neither TLS nor a proxy.
 */
import { describe, expect, it } from 'vitest';
import { buildServer } from '../../../../server/app.js';
import { ConfigError } from '../../../../server/config/config-error.js';
import { serviceConfigSchema } from '../../../../server/config/config-schema.js';
import { parseServiceConfig } from '../../../../server/config/load-config.js';
import { createConfiguredContext } from '../../../../server/create-configured-context.js';
import { createDemoContext } from '../../../../server/create-demo-context.js';
import { fastHasher } from '../../../support/api-flows.js';
import { configText, minimalConfig, problemsOf, setPath } from './config-fixtures.js';

describe('the helpdesk mail needs a mail channel', () => {
  it('refuses tenant.helpdesk.email without notify.email, naming both and the fix', () => {
    expect(problemsOf(configText({ 'tenant.helpdesk': { email: 'helpdesk@fabrikam.test' } }))).toEqual([
      'notify.email: required because tenant.helpdesk.email is set (helpdesk requests are mailed there); configure notify.email (kind: smtp), or remove tenant.helpdesk.email',
    ]);
  });

  it('accepts it with a mail channel, and a helpdesk reached only by phone or page without one', () => {
    expect(problemsOf(configText({ 'tenant.helpdesk': { email: 'helpdesk@fabrikam.test' }, 'notify.email': { kind: 'outbox' } }))).toEqual([]);
    expect(problemsOf(configText({ 'tenant.helpdesk': { phone: '+1 425 555 0100', url: 'https://help.fabrikam.test' } }))).toEqual([]);
  });
});

describe('a phone call needs a phone number to call from', () => {
  const provider = (from: string) => ({ kind: 'http', baseUrl: 'https://api.twilio.com/2010-04-01', accountSid: 'AC1', authTokenEnv: 'TOKEN', from });
  it('refuses an alphanumeric sender id as the caller of calls, and keeps it for texts', () => {
    expect(problemsOf(configText({ 'notify.voice': provider('Fabrikam'), 'notify.sms': provider('Fabrikam') }))).toEqual([
      'notify.voice.from: a phone call needs a phone number as caller (E.164, e.g. +14255550199), not the sender id "Fabrikam" (sender ids work for texts only)',
    ]);
    expect(problemsOf(configText({ 'notify.voice': provider('+14255550199') }))).toEqual([]);
  });
});

describe('trusted proxies are named, never "everyone"', () => {
  it('refuses trustProxy: true, naming the field and what to write instead', () => {
    const problems = problemsOf(configText({ 'server.host': '0.0.0.0', 'server.trustProxy': true }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^server\.trustProxy: true trusts every address, .*X-Forwarded-For.*server\.trustedProxies: \["10\.0\.0\.5"\]/);
  });

  it('still loads an older file with trustProxy: false, which changes nothing', () => {
    const config = parseServiceConfig(configText({ 'server.trustProxy': false }));
    expect(config.server).toEqual({ host: '127.0.0.1', port: 8787, trustedProxies: [] });
  });

  it('accepts addresses, CIDR ranges and the named ranges, and Fastify accepts them too', async () => {
    const list = ['10.0.0.5', '10.0.0.0/8', '192.168.1.0/24', '::1', 'fd00::/8', '2001:db8::/32', 'loopback', 'linklocal', 'uniquelocal', '::ffff:10.0.0.1'];
    const config = parseServiceConfig(configText({ 'server.host': '0.0.0.0', 'server.trustedProxies': list }));
    expect(config.server.trustedProxies).toEqual(list);
    const app = await buildServer(await createDemoContext({ hasher: fastHasher() }), { trustedProxies: config.server.trustedProxies });
    await expect(app.ready()).resolves.toBeDefined();
    await app.close();
  });

  it('refuses entries that name no proxy, and ranges that trust everyone, by index', () => {
    const problems = problemsOf(configText({ 'server.trustedProxies': ['proxy.fabrikam.test', '10.0.0.0/33', '0.0.0.0/0', '::/0', '10.0.0.0/8/1', 'fd00::/129', '10.0.0.0/x'] }));
    expect(problems).toEqual([
      'server.trustedProxies[0]: must be an IP address, a CIDR range (10.0.0.0/8, fd00::/8) or one of loopback, linklocal, uniquelocal (got "proxy.fabrikam.test")',
      'server.trustedProxies[1]: the prefix length must be 0–32 for an IPv4 range (got "10.0.0.0/33")',
      'server.trustedProxies[2]: a /0 range trusts every address, so any client could choose its own; list your proxies or their subnet (got "0.0.0.0/0")',
      'server.trustedProxies[3]: a /0 range trusts every address, so any client could choose its own; list your proxies or their subnet (got "::/0")',
      'server.trustedProxies[4]: must be an IP address, a CIDR range (10.0.0.0/8, fd00::/8) or one of loopback, linklocal, uniquelocal (got "10.0.0.0/8/1")',
      'server.trustedProxies[5]: the prefix length must be 0–128 for an IPv6 range (got "fd00::/129")',
      'server.trustedProxies[6]: the prefix length must be 0–32 for an IPv4 range (got "10.0.0.0/x")',
    ]);
  });

  it('a public listener needs TLS or a named proxy; the message says both ways', () => {
    expect(problemsOf(configText({ 'server.host': '0.0.0.0' }))).toEqual([
      'server.tls: required when server.host (0.0.0.0) is not loopback; give the service a certificate (server.tls { certFile, keyFile }), or list the TLS-terminating proxy in front of it in server.trustedProxies',
    ]);
    expect(problemsOf(configText({ 'server.host': '0.0.0.0', 'server.trustedProxies': [] }))[0]).toMatch(/^server\.tls: required/);
  });
});

describe('the start refuses what --check refuses', () => {
  /** Schema-valid only: as a program, not the file loader, would build it. */
  const schemaOnly = (settings: Record<string, unknown>) => {
    const raw = minimalConfig();
    for (const [path, value] of Object.entries(settings)) setPath(raw, path, value);
    return serviceConfigSchema.parse(raw);
  };
  // A key is present, so a refusal cannot be the missing secrets key's.
  const env = { KEY: Buffer.alloc(32, 7).toString('base64') };

  it('refuses a helpdesk mail without a channel and a method without its channel, before opening anything', async () => {
    const config = schemaOnly({ 'secrets.keyEnv': 'KEY', 'tenant.helpdesk': { email: 'helpdesk@fabrikam.test' }, 'policy.methodsEnabled': ['authenticatorApp', 'securityKey'] });
    const refused = await createConfiguredContext(config, env).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(ConfigError);
    expect((refused as ConfigError).problems).toEqual([
      'webauthn: required because policy.methodsEnabled includes securityKey; configure webauthn { rpId, rpName, origins }, or remove securityKey from policy.methodsEnabled',
      'notify.email: required because tenant.helpdesk.email is set (helpdesk requests are mailed there); configure notify.email (kind: smtp), or remove tenant.helpdesk.email',
    ]);
  });

  it('starts a configuration that can work', async () => {
    const { context, close } = await createConfiguredContext(schemaOnly({ 'secrets.keyEnv': 'KEY', 'tenant.helpdesk': { email: 'helpdesk@fabrikam.test' }, 'notify.email': { kind: 'outbox' } }), env);
    expect(context.tenant.helpdesk.email).toBe('helpdesk@fabrikam.test');
    await context.store.close();
    await close();
  });
});
