/**
 * The OpenLDAP directory against a real slapd with ppolicy: what a reset service must hear
 * from it, in its own words.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DirectoryUnavailableError } from '../../../server/directories/directory.js';
import { OpenLdapDirectory } from '../../../server/directories/ldap/openldap-directory.js';
import { LDAP_USERS, openLdapOptions, startSlapd, type Slapd } from './slapd.js';

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

describe('OpenLDAP directory (real slapd, ppolicy)', () => {
  it('finds a user by uid or mail, with display name, groups, pre-filled contact and state', async () => {
    const byUid = await directory.findUser('alain');
    expect(byUid).toEqual({
      userId: 'alain',
      displayName: 'Alain Dupont',
      groups: ['sspr-users'],
      passwordManaged: true,
      state: { locked: false, disabled: false, expired: false, mustChange: false },
      contact: { email: 'alain@contoso.test', phone: '+14255550101' },
    });
    expect((await directory.findUser('alain@contoso.test'))?.userId).toBe('alain');
    expect(await directory.findUser('nobody')).toBeNull();
    // Filter injection stays data.
    expect(await directory.findUser('*')).toBeNull();
    expect(await directory.findUser('al*)(uid=*')).toBeNull();
    expect((await directory.findUser('admin1'))?.passwordManaged).toBe(false);
  });

  it('verifies a password by binding as the user; locked after 3 failures is told apart from wrong', async () => {
    expect(await directory.verifyPassword('megan', LDAP_USERS.megan)).toBe('ok');
    expect(await directory.verifyPassword('megan', 'wrong')).toBe('invalid');
    expect(await directory.verifyPassword('nobody', 'wrong')).toBe('invalid');
    await directory.verifyPassword('megan', 'wrong');
    await directory.verifyPassword('megan', 'wrong');
    expect(await directory.verifyPassword('megan', LDAP_USERS.megan)).toBe('locked');
    expect((await directory.findUser('megan'))?.state?.locked).toBe(true);
  });

  it('resets as the service account; ppolicy refusals come back with their kind and words', async () => {
    expect(await directory.resetPassword('lee', 'short')).toMatchObject({ ok: false, kind: 'tooShort' });
    expect(await directory.resetPassword('lee', 'Lee-NewPassw0rd2')).toEqual({ ok: true });
    expect(await directory.verifyPassword('lee', 'Lee-NewPassw0rd2')).toBe('ok');
    expect(await directory.verifyPassword('lee', LDAP_USERS.lee)).toBe('invalid');
    const again = await directory.resetPassword('lee', LDAP_USERS.lee);
    expect(again).toMatchObject({ ok: false, kind: 'history' });
    expect(again.ok === false && again.message).toMatch(/history/i);
  });

  it("changes the user's own password with the old one; a wrong old password is said so", async () => {
    expect(await directory.changePassword('adele', 'wrong', 'Adele-NewPassw0rd2')).toEqual({ ok: false, wrongPassword: true });
    expect(await directory.changePassword('adele', LDAP_USERS.adele, 'x1')).toMatchObject({ ok: false, kind: 'tooShort' });
    expect(await directory.changePassword('adele', LDAP_USERS.adele, 'Adele-NewPassw0rd2')).toEqual({ ok: true });
    expect(await directory.verifyPassword('adele', 'Adele-NewPassw0rd2')).toBe('ok');
  });

  it('unlocks a locked account (pwdAccountLockedTime removed); unlocking an unlocked one is fine', async () => {
    for (let i = 0; i < 3; i++) await directory.verifyPassword('megan', 'wrong');
    expect(await directory.verifyPassword('megan', LDAP_USERS.megan)).toBe('locked');
    expect(await directory.unlock('megan')).toEqual({ ok: true });
    expect(await directory.verifyPassword('megan', LDAP_USERS.megan)).toBe('ok');
    expect(await directory.unlock('megan')).toEqual({ ok: true });
  });

  it("reads the directory's own password rules from the ppolicy entry", async () => {
    expect(await directory.passwordRules('alain')).toEqual({ minLength: 8, history: 3, minAgeSeconds: 0, source: 'ppolicy cn=default,ou=policies,dc=contoso,dc=test' });
  });

  it('a directory that is down is DirectoryUnavailableError for reads and "unreachable" for writes; it recovers after a restart', async () => {
    expect((await directory.findUser('alain'))?.userId).toBe('alain'); // a pooled connection is open
    await slapd.restart();
    expect((await directory.findUser('alain'))?.userId).toBe('alain'); // replaced after the restart
    await slapd.stop();
    await expect(directory.findUser('alain')).rejects.toBeInstanceOf(DirectoryUnavailableError);
    await expect(directory.verifyPassword('alain', 'x')).rejects.toBeInstanceOf(DirectoryUnavailableError);
  });

  it('a wrong service password is DirectoryUnavailableError naming the service bind, not a wrong user password', async () => {
    const broken = new OpenLdapDirectory(openLdapOptions(slapd.url, { bindPassword: 'wrong' }));
    try {
      await expect(broken.findUser('alain')).rejects.toMatchObject({ name: 'DirectoryUnavailableError', code: 'SERVICE_BIND' });
    } finally {
      await broken.close();
    }
  });
});
