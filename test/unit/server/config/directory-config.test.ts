/**
 * The directory section: OpenLDAP and Active Directory are configured with their defaults
 * filled in; what cannot work safely is refused naming the field and the fix.
 */
import { describe, expect, it } from 'vitest';
import { parseServiceConfig } from '../../../../server/config/load-config.js';
import { createDirectory } from '../../../../server/directories/create-directory.js';
import { configText, problemsOf } from './config-fixtures.js';

const openldap = (extra: Record<string, unknown> = {}) => ({ kind: 'openldap', url: 'ldaps://ldap.contoso.com', bindDn: 'cn=sspr,ou=services,dc=contoso,dc=com', bindPasswordEnv: 'LDAP_PW', userBase: 'ou=people,dc=contoso,dc=com', groupBase: 'ou=groups,dc=contoso,dc=com', ...extra });
const ad = (extra: Record<string, unknown> = {}) => ({ kind: 'activeDirectory', url: 'ldaps://dc1.contoso.com', bindDn: 'sspr@contoso.com', bindPasswordEnv: 'AD_PW', userBase: 'OU=Staff,DC=contoso,DC=com', domainBase: 'DC=contoso,DC=com', ...extra });

describe('directory configuration', () => {
  it('fills the OpenLDAP and AD defaults', () => {
    const l = parseServiceConfig(configText({ directory: openldap() })).directory;
    expect(l).toMatchObject({ kind: 'openldap', userFilter: '(|(uid={id})(mail={id}))', userIdAttribute: 'uid', groupFilter: '(member={dn})', startTls: false, timeoutSeconds: 5, poolSize: 4, unmanagedGroups: [] });
    const a = parseServiceConfig(configText({ directory: ad() })).directory;
    expect(a).toMatchObject({ kind: 'activeDirectory', userIdAttribute: 'userPrincipalName', phoneAttribute: 'mobile' });
  });

  it('refuses passwords in clear over the network, and AD without TLS even on loopback', () => {
    expect(problemsOf(configText({ directory: openldap({ url: 'ldap://ldap.contoso.com' }) }))).toEqual(['directory.url: passwords would cross the network in clear to ldap.contoso.com; use ldaps:// or set directory.startTls: true']);
    expect(problemsOf(configText({ directory: openldap({ url: 'ldap://ldap.contoso.com', startTls: true }) }))).toEqual([]);
    expect(problemsOf(configText({ directory: openldap({ url: 'ldap://127.0.0.1:3890' }) }))).toEqual([]);
    expect(problemsOf(configText({ directory: ad({ url: 'ldap://127.0.0.1' }) }))).toEqual(['directory.url: Active Directory accepts password writes only over TLS; use ldaps:// or set directory.startTls: true']);
    expect(problemsOf(configText({ directory: openldap({ startTls: true }) }))).toEqual(['directory.startTls: ldaps:// is TLS already; remove startTls or use ldap://']);
  });

  it('refuses a filter without its placeholder, and a URL carrying a base DN', () => {
    expect(problemsOf(configText({ directory: openldap({ userFilter: '(uid=alain)' }) })).join('\n')).toMatch(/directory\.userFilter: must contain \{id\}/);
    expect(problemsOf(configText({ directory: openldap({ url: 'ldaps://ldap.contoso.com/dc=contoso' }) })).join('\n')).toMatch(/directory\.url: must be ldap:\/\/host:port or ldaps:\/\/host:port/);
  });

  it('refuses the memory directory with a store shared by several instances', () => {
    expect(problemsOf(configText({ store: { kind: 'postgres', urlEnv: 'PG_URL' } }))).toContain(
      'directory.kind: the memory directory is per process, so instances sharing store.kind: postgres would disagree on passwords; use directory.kind: openldap or activeDirectory (the memory directory is for demos and tests)',
    );
  });

  it("names the missing service password and an unreadable CA at start", async () => {
    const l = parseServiceConfig(configText({ directory: openldap() })).directory;
    await expect(createDirectory(l, {})).rejects.toMatchObject({ problems: ["directory.bindPasswordEnv: environment variable LDAP_PW is not set (the service account's password)"] });
    const withCa = parseServiceConfig(configText({ directory: openldap({ tls: { caFile: '/nonexistent/ca.pem' } }) })).directory;
    await expect(createDirectory(withCa, { LDAP_PW: 'x' })).rejects.toMatchObject({ problems: ['directory.tls.caFile: cannot read /nonexistent/ca.pem (ENOENT)'] });
  });
});
