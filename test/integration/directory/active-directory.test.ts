/**
 * The Active Directory directory against a real Samba AD DC over LDAPS, with the service
 * account delegated "Reset password" and "Write lockoutTime" only (not a domain admin).
 * ONE DC for every AD case (its ports are fixed: a second file starting Samba would collide):
 * the Directory contract, then what only AD has. Each case makes its own accounts, as the
 * domain's administrator over a raw LDAPS connection, and checks passwords with fresh binds
 * outside our code. No outage here: restarting Samba costs ~15 s (slapd proves the outage).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActiveDirectory } from '../../../server/directories/ldap/active-directory.js';
import { directoryContract, type FreshUser } from '../../support/directory-contract.js';
import { AD_USERS, adBinds, adChange, adOptions, asAdAdmin, createAdUser, PSO_DN, startSambaAd, type SambaAd } from './samba-ad.js';

let ad: SambaAd;
beforeAll(async () => {
  ad = await startSambaAd();
}, 180_000);
afterAll(async () => {
  await ad?.stop();
});

/** Unique per run, so a DC kept between runs (SIGNIN_TEST_AD_URL) never sees a name twice; sAMAccountName ≤ 20. */
const run = Date.now().toString(36).slice(-5);
let n = 0;
const dnOf = new Map<string, string>();
const dn = (user: FreshUser) => dnOf.get(user.id)!;
/** Windows FILETIME (100 ns since 1601) of a day ago: accountExpires in the past. */
const aDayAgo = () => String(116444736000000000n + BigInt(Date.now() - 86_400_000) * 10_000n);

directoryContract('Active Directory (real Samba AD DC, LDAPS)', async () => {
  const directory = new ActiveDirectory(adOptions(ad));
  return {
    directory,
    reference: {
      id: 'alain',
      password: AD_USERS.alain,
      expected: { userId: 'alain@contoso.test', displayName: 'Alain Dupont', groups: ['sspr-users'], passwordManaged: true, state: { locked: false, disabled: false, expired: false, mustChange: false }, contact: { email: 'alain@contoso.test', phone: '+14255550101' } },
    },
    async freshUser(): Promise<FreshUser> {
      const sam = `c${run}${++n}`;
      const password = `Fresh-Passw0rd-${n}`;
      const made = await createAdUser(ad, sam, password);
      dnOf.set(sam, made.dn);
      return { id: sam, password, forms: [sam, made.upn, made.mail], canonical: made.upn };
    },
    passwordWorks: (user, password) => adBinds(ad, user.canonical, password),
    async lockByFailedBinds(user) {
      // Lockout threshold 3 (samba-ad-up.sh).
      for (let i = 0; i < 3; i++) expect(await adBinds(ad, user.canonical, `Wrong-Passw0rd-${i}`)).toBe(false);
    },
    // userAccountControl ACCOUNTDISABLE (0x2) on a normal account, as "Disable account" sets it.
    disable: (user) => asAdAdmin(ad, (c) => c.modify(dn(user), adChange('replace', 'userAccountControl', [String(0x200 | 0x2)]))),
    expireAccount: (user) => asAdAdmin(ad, (c) => c.modify(dn(user), adChange('replace', 'accountExpires', [aDayAgo()]))),
    // "User must change password at next logon".
    requireChange: (user) => asAdAdmin(ad, (c) => c.modify(dn(user), adChange('replace', 'pwdLastSet', ['0']))),
    // No expirePassword: AD takes only 0 or -1 (now) for pwdLastSet, samba-tool's maximum age is
    // whole days, and a PSO given a maximum age of seconds over LDAP is not applied by Samba 4.17
    // (measured: msDS-UserPasswordExpiryTimeComputed stays "never", the bind succeeds). An
    // expired password (532) takes the same path as must-change (773), which is proven.
    // sspr-pso has a minimum age of a day; applying it to the account makes its fresh password too young.
    makeTooYoung: (user) => asAdAdmin(ad, (c) => c.modify(PSO_DN, adChange('add', 'msDS-PSOAppliesTo', [dn(user)]))),
    rules: { minLength: 8, complexity: true, history: 3, minAgeSeconds: 0, source: 'domain password policy' },
    words: { history: /history/i, tooShort: { password: 'Ab1!xy', words: /too short/i }, tooYoung: /too young/i },
    close: () => directory.close(),
  };
});

describe('Active Directory: what only AD has', () => {
  let directory: ActiveDirectory;
  beforeAll(() => {
    directory = new ActiveDirectory(adOptions(ad, { unmanagedGroups: ['it-admins'] }));
  });
  afterAll(async () => {
    await directory?.close();
  });

  it('members of an unmanaged group, and smart-card-required accounts (userAccountControl 0x40000), have their password elsewhere', async () => {
    expect((await directory.findUser('admin1'))?.passwordManaged).toBe(false);
    const card = await createAdUser(ad, `s${run}card`, 'Card-Passw0rd-1', 0x40000);
    expect(await directory.findUser(card.upn)).toMatchObject({ userId: card.upn, passwordManaged: false });
    expect((await directory.findUser('alain'))?.passwordManaged).toBe(true);
  });

  it("complexity: a password without 3 of the 4 character classes is refused as quality, in AD's words", async () => {
    const user = await createAdUser(ad, `q${run}x`, 'Quality-Passw0rd-1');
    const refused = await directory.resetPassword(user.upn, 'alllowercaseletters');
    expect(refused).toMatchObject({ ok: false, kind: 'quality', message: expect.stringMatching(/0000052D/) });
    expect(await adBinds(ad, user.upn, 'Quality-Passw0rd-1')).toBe(true);
  });

  it('an administrative reset is not held to history (AD applies history to the user\'s own change only)', async () => {
    const user = await createAdUser(ad, `h${run}x`, 'History-Passw0rd-1');
    expect(await directory.resetPassword(user.upn, 'History-Passw0rd-2')).toEqual({ ok: true });
    expect(await directory.resetPassword(user.upn, 'History-Passw0rd-1')).toEqual({ ok: true });
    expect(await adBinds(ad, user.upn, 'History-Passw0rd-1')).toBe(true);
  });

  it('a fine-grained password policy (PSO) applied to the user gives its rules, by name, and AD enforces them', async () => {
    expect(await directory.passwordRules('pia')).toEqual({ minLength: 12, complexity: true, history: 5, minAgeSeconds: 86_400, source: 'fine-grained policy sspr-pso' });
    // The domain's rules for everyone else.
    expect((await directory.passwordRules('alain'))?.source).toBe('domain password policy');
    // The domain allows 8; the PSO asks 12: 11 characters are refused, 12 taken.
    expect(await directory.resetPassword('pia', 'Quartz-Mea1')).toMatchObject({ ok: false, kind: 'tooShort', message: expect.stringMatching(/12 characters/) });
    expect(await directory.resetPassword('pia', 'Quartz-Mead1')).toEqual({ ok: true });
    expect(await adBinds(ad, 'pia@contoso.test', 'Quartz-Mead1')).toBe(true);
  });

  it('a certificate that does not match is refused: DirectoryUnavailableError TLS, never a plain connection', async () => {
    const wrongName = new ActiveDirectory(adOptions(ad, { tls: { ca: ad.ca, serverName: 'evil.example' } }));
    try {
      await expect(wrongName.findUser('alain')).rejects.toMatchObject({ name: 'DirectoryUnavailableError', code: 'TLS' });
      expect(await wrongName.resetPassword('alain', 'Never-Passw0rd-1')).toMatchObject({ ok: false, kind: 'unreachable' });
    } finally {
      await wrongName.close();
    }
    expect(await adBinds(ad, 'alain@contoso.test', AD_USERS.alain)).toBe(true);
  });
});
