/**
 * The Active Directory directory against a real Samba AD DC over LDAPS, with the service
 * account delegated "Reset password" and "Write lockoutTime" only (not a domain admin).
 * One DC for the file (its ports are fixed): each test uses its own user.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DirectoryUnavailableError } from '../../../server/directories/directory.js';
import { ActiveDirectory } from '../../../server/directories/ldap/active-directory.js';
import { AD_USERS, adOptions, startSambaAd, type SambaAd } from './samba-ad.js';

let ad: SambaAd;
let directory: ActiveDirectory;
beforeAll(async () => {
  ad = await startSambaAd();
  directory = new ActiveDirectory(adOptions(ad, { unmanagedGroups: ['it-admins'] }));
}, 180_000);
afterAll(async () => {
  await directory?.close();
  await ad?.stop();
});

describe('Active Directory (real Samba AD DC, LDAPS)', () => {
  it('finds a user by sAMAccountName, UPN or mail, with groups, contact and state', async () => {
    expect(await directory.findUser('alain')).toEqual({
      userId: 'alain@contoso.test',
      displayName: 'Alain Dupont',
      groups: ['sspr-users'],
      passwordManaged: true,
      state: { locked: false, disabled: false, expired: false, mustChange: false },
      contact: { email: 'alain@contoso.test', phone: '+14255550101' },
    });
    expect((await directory.findUser('alain@contoso.test'))?.userId).toBe('alain@contoso.test');
    expect(await directory.findUser('nobody')).toBeNull();
    expect(await directory.findUser('*')).toBeNull();
    expect((await directory.findUser('admin1'))?.passwordManaged).toBe(false);
  });

  it("reads the domain's password policy: length, complexity, history", async () => {
    expect(await directory.passwordRules('alain')).toEqual({ minLength: 8, complexity: true, history: 3, minAgeSeconds: 0, source: 'domain password policy' });
  });

  it('an administrative reset by the delegated service account; AD refusals keep their words', async () => {
    const short = await directory.resetPassword('lee', 'Ab1!');
    expect(short).toMatchObject({ ok: false, kind: 'tooShort' });
    expect(short.ok === false && short.message).toMatch(/0000052D/);
    expect(await directory.resetPassword('lee', 'alllowercaseletters')).toMatchObject({ ok: false, kind: 'quality' });
    expect(await directory.resetPassword('lee', 'Lee-NewPassw0rd2')).toEqual({ ok: true });
    expect(await directory.verifyPassword('lee', 'Lee-NewPassw0rd2')).toBe('ok');
    expect(await directory.verifyPassword('lee', AD_USERS.lee)).toBe('invalid');
  });

  it("the user's own change needs the old password and meets history", async () => {
    expect(await directory.changePassword('adele', 'wrong', 'Adele-NewPassw0rd2')).toEqual({ ok: false, wrongPassword: true });
    expect(await directory.changePassword('adele', AD_USERS.adele, 'Adele-NewPassw0rd2')).toEqual({ ok: true });
    expect(await directory.verifyPassword('adele', 'Adele-NewPassw0rd2')).toBe('ok');
    expect(await directory.verifyPassword('adele', AD_USERS.adele)).toBe('invalid'); // old password allowed period = 0
    expect(await directory.changePassword('adele', 'Adele-NewPassw0rd2', AD_USERS.adele)).toMatchObject({ ok: false, kind: 'history' });
  });

  it('locked after 3 failures (data 775) is told apart; unlock (lockoutTime = 0) lets the right password in', async () => {
    for (let i = 0; i < 3; i++) expect(await directory.verifyPassword('megan', 'wrong')).toBe('invalid');
    expect(await directory.verifyPassword('megan', AD_USERS.megan)).toBe('locked');
    expect((await directory.findUser('megan'))?.state?.locked).toBe(true);
    expect(await directory.unlock('megan')).toEqual({ ok: true });
    expect(await directory.verifyPassword('megan', AD_USERS.megan)).toBe('ok');
  });

  it('a certificate that does not match is refused: DirectoryUnavailableError, never a plain connection', async () => {
    const wrongName = new ActiveDirectory(adOptions(ad, { tls: { ca: ad.ca, serverName: 'evil.example' } }));
    try {
      await expect(wrongName.findUser('alain')).rejects.toBeInstanceOf(DirectoryUnavailableError);
    } finally {
      await wrongName.close();
    }
  });
});
