/**
 * The OpenLDAP directory against a real slapd with ppolicy: the Directory contract (a fresh
 * slapd per case, ~0.2 s, so lockouts and history never leak), then what only OpenLDAP has —
 * StartTLS with the organization's CA, history on administrative resets, the service bind.
 * Every state is set as IT would set it (rootdn, ppolicy attributes); every password is
 * checked again with ldapwhoami, outside our code.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Attribute, Change, Client, ResultCodeError } from 'ldapts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DirectoryUnavailableError } from '../../../server/directories/directory.js';
import { OpenLdapDirectory } from '../../../server/directories/ldap/openldap-directory.js';
import { PASSWORD_MODIFY_OID, passwordModifyValue } from '../../../server/directories/ldap/password-modify.js';
import { directoryContract, type FreshUser } from '../../support/directory-contract.js';
import { adminModify, asAdmin, BASE, LDAP_USERS, ldapwhoami, openLdapOptions, SERVICE_DN, SERVICE_PASSWORD, startSlapd, userDn, type Slapd } from './slapd.js';

const replace = (type: string, values: string[]) => new Change({ operation: 'replace', modification: new Attribute({ type, values }) });
const policy = (cn: string) => `cn=${cn},ou=policies,${BASE}`;

directoryContract('OpenLDAP (real slapd, ppolicy)', async () => {
  const slapd = await startSlapd();
  const directory = new OpenLdapDirectory(openLdapOptions(slapd.url));
  let n = 0;
  return {
    directory,
    reference: {
      id: 'alain',
      password: LDAP_USERS.alain,
      expected: { userId: 'alain', displayName: 'Alain Dupont', groups: ['sspr-users'], passwordManaged: true, state: { locked: false, disabled: false, expired: false, mustChange: false }, contact: { email: 'alain@contoso.test', phone: '+14255550101' } },
    },
    async freshUser(): Promise<FreshUser> {
      const uid = `fresh${++n}`;
      const password = `Fresh-Passw0rd-${n}`;
      const mail = `${uid}.mail@example.org`;
      // A cleartext userPassword on add: ppolicy_hash_cleartext hashes it, as for any administrator's add.
      await asAdmin(slapd.url, (c) => c.add(userDn(uid), { objectClass: 'inetOrgPerson', uid, cn: `Fresh Person ${n}`, sn: 'Person', displayName: `Fresh Person ${n}`, mail, userPassword: password }));
      return { id: uid, password, forms: [uid, mail], canonical: uid };
    },
    passwordWorks: (user, password) => ldapwhoami(slapd.url, userDn(user.id), password),
    async lockByFailedBinds(user) {
      // pwdMaxFailure 3 in the seeded policy.
      for (let i = 0; i < 3; i++) expect(await ldapwhoami(slapd.url, userDn(user.id), `wrong-${i}`)).toBe(false);
    },
    disable: (user) => adminModify(slapd.url, userDn(user.id), [replace('pwdAccountLockedTime', ['000001010000Z'])]),
    expireAccount: (user) => adminModify(slapd.url, userDn(user.id), [replace('pwdEndTime', ['20200101000000Z'])]),
    // slapd enforces pwdReset only under a policy with pwdMustChange: TRUE (measured).
    requireChange: (user) => adminModify(slapd.url, userDn(user.id), [replace('pwdPolicySubentry', [policy('mustchange')]), replace('pwdReset', ['TRUE'])]),
    // pwdMaxAge is a day in cn=expiring: the password "was set" in 2020 (relax control).
    expirePassword: (user) => adminModify(slapd.url, userDn(user.id), [replace('pwdPolicySubentry', [policy('expiring')]), replace('pwdChangedTime', ['20200101000000Z'])], true),
    makeTooYoung: (user) => adminModify(slapd.url, userDn(user.id), [replace('pwdPolicySubentry', [policy('young')])]),
    rules: { minLength: 8, history: 3, minAgeSeconds: 0, source: `ppolicy ${policy('default')}` },
    words: { history: /history/i, tooShort: { password: 'Ab1!xy', words: /quality/i }, tooYoung: /too young/i },
    outage: { stop: () => slapd.down(), start: () => slapd.restart() },
    async close() {
      await directory.close();
      await slapd.stop();
    },
  };
});

describe('OpenLDAP directory: what only OpenLDAP has', () => {
  let slapd: Slapd;
  let directory: OpenLdapDirectory;
  beforeEach(async () => {
    slapd = await startSlapd();
    directory = new OpenLdapDirectory(openLdapOptions(slapd.url, { unmanagedGroups: ['it-admins'] }));
  });
  afterEach(async () => {
    await directory.close();
    await slapd.stop();
  });

  it('a filter typed as the id stays data; members of an unmanaged group have their password elsewhere', async () => {
    expect(await directory.findUser('al*)(uid=*')).toBeNull();
    expect(await directory.findUser('*)(objectClass=*')).toBeNull();
    expect((await directory.findUser('admin1'))?.passwordManaged).toBe(false);
    expect((await directory.findUser('alain'))?.passwordManaged).toBe(true);
  });

  it('ppolicy applies history to administrative resets too (Active Directory does not)', async () => {
    expect(await directory.resetPassword('lee', 'Lee-NewPassw0rd2')).toEqual({ ok: true });
    const again = await directory.resetPassword('lee', LDAP_USERS.lee);
    expect(again).toMatchObject({ ok: false, kind: 'history', message: expect.stringMatching(/history/i) });
    expect(await ldapwhoami(slapd.url, userDn('lee'), 'Lee-NewPassw0rd2')).toBe(true);
  });

  it('slapd checks the old password of a Password Modify sent by the service account (what the expired-password change relies on)', async () => {
    const client = new Client({ url: slapd.url, timeout: 3000 });
    try {
      await client.bind(SERVICE_DN, SERVICE_PASSWORD);
      const wrong = await client.exop(PASSWORD_MODIFY_OID, passwordModifyValue({ userDn: userDn('megan'), oldPassword: 'not-her-password', newPassword: 'Megan-NewPassw0rd2' })).catch((e: unknown) => e);
      expect(wrong).toBeInstanceOf(ResultCodeError);
      expect(wrong).toMatchObject({ code: 53, message: expect.stringMatching(/unwilling to verify old password/) });
    } finally {
      await client.unbind();
    }
    expect(await ldapwhoami(slapd.url, userDn('megan'), LDAP_USERS.megan)).toBe(true);
    expect(await ldapwhoami(slapd.url, userDn('megan'), 'Megan-NewPassw0rd2')).toBe(false);
  });

  it('a pwdReset under a policy without pwdMustChange is not enforced by slapd, so it is no "must change"', async () => {
    await adminModify(slapd.url, userDn('lee'), [replace('pwdReset', ['TRUE'])]);
    expect((await directory.findUser('lee'))?.state?.mustChange).toBe(false);
    expect(await directory.verifyPassword('lee', LDAP_USERS.lee)).toBe('ok');
  });

  it('a wrong service password is DirectoryUnavailableError naming the service bind, not a wrong user password', async () => {
    const broken = new OpenLdapDirectory(openLdapOptions(slapd.url, { bindPassword: 'wrong' }));
    try {
      await expect(broken.findUser('alain')).rejects.toMatchObject({ name: 'DirectoryUnavailableError', code: 'SERVICE_BIND' });
    } finally {
      await broken.close();
    }
  });

  describe('StartTLS with a configured CA', () => {
    it('upgrades before any bind: find, verify, reset and change work over it', async () => {
      const tls = new OpenLdapDirectory(openLdapOptions(slapd.url, { startTls: true, tls: { ca: slapd.ca } }));
      try {
        expect((await tls.findUser('alain'))?.userId).toBe('alain');
        expect(await tls.verifyPassword('megan', LDAP_USERS.megan)).toBe('ok');
        expect(await tls.resetPassword('lee', 'Lee-TlsPassw0rd2')).toEqual({ ok: true });
        expect(await tls.changePassword('adele', LDAP_USERS.adele, 'Adele-TlsPassw0rd2')).toEqual({ ok: true });
      } finally {
        await tls.close();
      }
      expect(await ldapwhoami(slapd.url, userDn('lee'), 'Lee-TlsPassw0rd2')).toBe(true);
      expect(await ldapwhoami(slapd.url, userDn('adele'), 'Adele-TlsPassw0rd2')).toBe(true);
    });

    it('a certificate from another CA is refused: DirectoryUnavailableError with code TLS, and nothing is sent in the clear', async () => {
      const other = await otherCa();
      for (const options of [{ startTls: true, tls: { ca: other } }, { startTls: true }]) {
        const wrong = new OpenLdapDirectory(openLdapOptions(slapd.url, options));
        try {
          await expect(wrong.findUser('alain')).rejects.toMatchObject({ name: 'DirectoryUnavailableError', code: 'TLS' });
          await expect(wrong.verifyPassword('megan', LDAP_USERS.megan)).rejects.toBeInstanceOf(DirectoryUnavailableError);
          expect(await wrong.resetPassword('lee', 'Lee-NeverPassw0rd2')).toMatchObject({ ok: false, kind: 'unreachable' });
        } finally {
          await wrong.close();
        }
      }
      expect(await ldapwhoami(slapd.url, userDn('lee'), LDAP_USERS.lee)).toBe(true);
    });
  });
});

/** A CA of its own, made with openssl: not the one that signed slapd's certificate. */
async function otherCa(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'signin-other-ca-'));
  try {
    await promisify(execFile)('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', '/CN=Another CA', '-keyout', join(dir, 'ca.key'), '-out', join(dir, 'ca.pem')]);
    return await readFile(join(dir, 'ca.pem'), 'utf8');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
