import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadServiceConfig, parseServiceConfig } from '../../../../server/config/load-config.js';
import { configText, problemsOf } from './config-fixtures.js';

describe('loadServiceConfig', () => {
  it('loads the shipped example, complete and commented', async () => {
    const config = await loadServiceConfig(new URL('../../../../server/config/example-config.yaml', import.meta.url).pathname);
    expect(config.tenant.name).toBe('Contoso');
    expect(config.notify.email?.kind).toBe('smtp');
    expect(config.policy.groups).toHaveLength(2);
  });

  it('fills the defaults of optional sections', () => {
    const config = parseServiceConfig(configText());
    expect(config.server).toEqual({ host: '127.0.0.1', port: 8787, trustedProxies: [] });
    expect(config.notify).toEqual({});
    expect(config.tenant.helpdesk).toEqual({});
  });

  it('resolves relative file paths against the file folder', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sih-config-'));
    const file = join(dir, 'service.yaml');
    await writeFile(file, configText({ 'store': { kind: 'sqlite', path: 'data/db.sqlite' }, 'secrets.keyFile': 'secrets.key', 'server.tls': { certFile: '/etc/c.pem', keyFile: 'k.pem' } }));
    const config = await loadServiceConfig(file);
    expect(config.store).toEqual({ kind: 'sqlite', path: join(dir, 'data/db.sqlite') });
    expect(config.secrets?.keyFile).toBe(join(dir, 'secrets.key'));
    expect(config.server.tls).toEqual({ certFile: '/etc/c.pem', keyFile: join(dir, 'k.pem') });
  });

  it('names an unreadable file', async () => {
    await expect(loadServiceConfig('/nonexistent/service.yaml')).rejects.toThrow(/cannot read \/nonexistent\/service.yaml \(ENOENT\)/);
  });

  it('accepts JSON, which is YAML', () => {
    expect(problemsOf(JSON.stringify({ tenant: { name: 'J' }, policy: { methodsEnabled: ['authenticatorApp'] }, directory: { kind: 'memory', users: [] }, store: { kind: 'memory' } }))).toEqual([]);
  });
});

describe('problems are named by path', () => {
  it('refuses an unknown key with its full path (a typo is never ignored)', () => {
    expect(problemsOf(configText({ 'policy.methodsRequird': 2 }))).toEqual(['policy.methodsRequird: unknown key']);
    expect(problemsOf(configText({ 'policy.throttles.verifyFailures.maxx': 3 }))).toEqual(['policy.throttles.verifyFailures.maxx: unknown key']);
    expect(problemsOf(configText({ 'policy.groups': [{ match: ['a'], policy: { codes: { smsDigit: 6 } } }] }))).toEqual(['policy.groups[0].policy.codes.smsDigit: unknown key']);
    expect(problemsOf(configText({ colour: 'blue' }))).toEqual(['colour: unknown key']);
  });

  it('reports several problems at once', () => {
    const problems = problemsOf(configText({ 'policy.methodsRequired': 3, 'policy.codes.smsLifetimeMinutes': 11, 'tenant.nmae': 'x', 'server.port': 70000, 'store': { kind: 'sqlite' } }));
    expect(problems).toEqual(
      expect.arrayContaining([
        'policy.methodsRequired: must be 1 or 2 (got 3)',
        'policy.codes.smsLifetimeMinutes: at most 10 (got 11)',
        'tenant.nmae: unknown key',
        'server.port: at most 65535 (got 70000)',
        'store.path: required',
      ]),
    );
    expect(problems).toHaveLength(5);
  });

  it('reports a YAML syntax error with its line', () => {
    const problems = problemsOf('tenant:\n  name: Contoso\npolicy: [unclosed\n');
    expect(problems[0]).toMatch(/^line \d+, column \d+: /);
    expect(problemsOf('tenant:\n  name: A\n  name: B\n')[0]).toMatch(/^line 3, column 3: .*unique/i);
  });

  it('refuses an empty file and a missing section', () => {
    expect(problemsOf('')).toEqual(['(top level): the file is empty']);
    expect(problemsOf('tenant: { name: X }\nstore: { kind: memory }\n')).toEqual(['directory: required']);
  });

  it('names an unknown kind with the allowed ones', () => {
    expect(problemsOf(configText({ directory: { kind: 'ldap' } }))).toEqual(['directory.kind: must be one of "openldap", "activeDirectory", "memory"']);
    expect(problemsOf(configText({ store: { kind: 'mysql' } }))).toEqual(['store.kind: must be one of "memory", "sqlite", "postgres"']);
  });

  it('never repeats a password from the file in a problem', () => {
    const problems = problemsOf(configText({ 'directory.users': [{ userId: 'a', displayName: 'A', password: 'x'.repeat(0) }] }));
    expect(problems).toEqual(['directory.users[0].password: at least 1 character']);
  });
});

describe('cross-field checks', () => {
  it('asks no more questions than were registered', () => {
    expect(problemsOf(configText({ 'policy.questions': { toRegister: 3, toAnswer: 4 } }))).toEqual(['policy.questions.toAnswer: at most questions.toRegister (3) (got 4)']);
  });

  it('checks each group override as it applies on top of the tenant policy', () => {
    const problems = problemsOf(configText({ 'policy.questions': { toRegister: 5, toAnswer: 5 }, 'policy.groups': [{ match: ['g'], policy: { questions: { toRegister: 3 } } }] }));
    expect(problems).toEqual(['policy.groups[0].policy.questions.toAnswer: at most questions.toRegister (3) (got 5)']);
  });

  it('requires the channel of every enabled method', () => {
    expect(problemsOf(configText({ 'policy.methodsEnabled': ['authenticatorApp', 'sms', 'securityKey'] }))).toEqual([
      'notify.sms: required because policy.methodsEnabled includes sms; configure notify.sms (kind: http, a text-message provider), or remove sms from policy.methodsEnabled',
      'webauthn: required because policy.methodsEnabled includes securityKey; configure webauthn { rpId, rpName, origins }, or remove securityKey from policy.methodsEnabled',
    ]);
    expect(problemsOf(configText({ 'policy.groups': [{ match: ['g'], policy: { methodsEnabled: ['email'] } }] }))).toEqual([
      'notify.email: required because policy.groups[0].policy.methodsEnabled includes email; configure notify.email (kind: smtp), or remove email from policy.groups[0].policy.methodsEnabled',
    ]);
  });

  it('never lets questions stand alone, and leaves administrators 2 usable methods', () => {
    expect(problemsOf(configText({ 'policy.methodsEnabled': ['questions'] }))).toContain('policy.methodsEnabled: security questions are never used alone; enable another method too');
    expect(problemsOf(configText({ 'policy.methodsEnabled': ['authenticatorApp', 'questions'], 'policy.adminGroups': ['admins'] }))).toEqual([
      'policy.methodsEnabled: administrators need 2 methods other than security questions (enabled: authenticatorApp)',
    ]);
    expect(problemsOf(configText({ 'policy.methodsRequired': 2 }))).toEqual(['policy.methodsRequired: needs at least 2 enabled methods (methodsEnabled has 1)']);
  });

  it('refuses knobs a group override may not set, saying why', () => {
    const problems = problemsOf(configText({ 'policy.groups': [{ match: ['g'], policy: { hideAccountState: true, adminGroups: ['g'], throttles: { perAddress: { max: 20 } } } }] }));
    expect(problems).toEqual([
      'policy.groups[0].policy.throttles.perAddress: cannot be set in a group override: it applies before the user is known',
      'policy.groups[0].policy.adminGroups: cannot be set in a group override: administrators are defined once, for the tenant',
      'policy.groups[0].policy.hideAccountState: cannot be set in a group override: answers would differ by account and reveal it (got true)',
    ]);
  });

  it('refuses a non-loopback listener without TLS unless a proxy terminates it', () => {
    expect(problemsOf(configText({ 'server.host': '0.0.0.0' }))[0]).toMatch(/^server\.tls: required when server\.host \(0\.0\.0\.0\)/);
    expect(problemsOf(configText({ 'server.host': '0.0.0.0', 'server.trustedProxies': ['10.0.0.5'] }))).toEqual([]);
    expect(problemsOf(configText({ 'server.host': '0.0.0.0', 'server.tls': { certFile: 'c', keyFile: 'k' } }))).toEqual([]);
  });

  it('binds WebAuthn origins to the rpId', () => {
    const webauthn = (origins: string[]) => configText({ webauthn: { rpId: 'contoso.com', rpName: 'Contoso', origins } });
    expect(problemsOf(webauthn(['https://signin.contoso.com', 'http://localhost:5173']))).toEqual(['webauthn.origins[1]: host localhost is not contoso.com nor a subdomain of it']);
    expect(problemsOf(webauthn(['http://signin.contoso.com']))).toEqual(['webauthn.origins[0]: must be an https origin (http only for localhost) (got "http://signin.contoso.com")']);
    expect(problemsOf(webauthn(['https://contoso.com.evil.example']))[0]).toMatch(/is not contoso.com nor a subdomain/);
  });
});
