/**
 * The new-password rules from the user's side (POLICY.md "Passwords"): what a person might type,
 * and which rule the refusal names. The blocklist is zxcvbn-ts's ~49k common passwords.
 */
import { dictionary } from '@zxcvbn-ts/language-common';
import fc from 'fast-check';
import { randomInt } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCommonPasswords } from '../../../../server/passwords/common-passwords.js';
import { checkNewPassword, checkNewPasswordLoaded } from '../../../../server/passwords/password-check.js';
import { defaultPolicy } from '../../../../server/policy/policy.js';

const rules = defaultPolicy.password;
const alain = { userId: 'alain.dupont@contoso.com', displayName: 'Alain Dupont', organizationName: 'Contoso' };
// The routes' check loads the list itself (first test below); the rest use the loaded one synchronously.
beforeAll(async () => {
  await loadCommonPasswords();
});
const refusedBecause = (password: string, context = alain, r = rules) => {
  const verdict = checkNewPasswordLoaded(r, password, context);
  return verdict.ok ? 'accepted' : verdict.rule;
};

describe('the check the routes make', () => {
  it('loads the common-password list itself and refuses from it, the same as the loaded check', async () => {
    expect(await checkNewPassword(rules, 'P@ssw0rd', alain)).toEqual({ ok: false, rule: 'commonPassword' });
    expect(await checkNewPassword(rules, 'Correct-Horse-Battery-77', alain)).toEqual({ ok: true });
  });
});

describe('refused, naming the rule', () => {
  it.each([
    // Leetspeak and substitutions of common passwords.
    ['P@ssw0rd', 'commonPassword'],
    ['P@$$w0rd', 'commonPassword'],
    ['Pa55word', 'commonPassword'],
    ['f00tb4ll', 'commonPassword'],
    ['5unsh1ne', 'commonPassword'],
    ['|etmein!!', 'commonPassword'],
    ['1etme1n2024', 'commonPassword'], // "1" read as "l" here and as "i" there
    ['ＰＡＳＳＷＯＲＤ', 'commonPassword'], // full-width letters (NFKC)
    ['Pässwörd', 'commonPassword'], // accents
    // Trailing and leading digits, years and symbols stripped.
    ['passw0rd!', 'commonPassword'],
    ['Password2024!', 'commonPassword'],
    ['2024Password!', 'commonPassword'],
    ['!!Football1999', 'commonPassword'],
    ['monkey12', 'commonPassword'],
    ['  baseball  ', 'commonPassword'],
    ['@dmin2024', 'commonPassword'],
    ['Sunshin3!', 'commonPassword'],
    ['footbal1!', 'commonPassword'],
    // One letter added, doubled, removed or changed.
    ['sunshinee', 'nearCommonPassword'],
    ['dragonn1', 'nearCommonPassword'],
    ['Passwoord2024', 'nearCommonPassword'],
    ['Princesss!', 'nearCommonPassword'],
    ['Superrman-1', 'nearCommonPassword'],
    ['Basebell#7', 'nearCommonPassword'],
    ['qwerrty123', 'nearCommonPassword'],
    ['footbll!', 'nearCommonPassword'],
    ['Xsunshine99', 'nearCommonPassword'],
    ['Shad0ww2020', 'nearCommonPassword'],
    // The organization, the tenant and the product, with digits or a year around them.
    ['Contoso2025!', 'containsOrganizationName'],
    ['c0nt0so#1', 'containsOrganizationName'],
    ['MyContosoLogin', 'containsOrganizationName'],
    ['SignInHelper1!', 'containsOrganizationName'],
    ['sign-in-helper-2026', 'containsOrganizationName'],
    ['S1gn1nH3lper', 'containsOrganizationName'],
    // The user: the parts of the id and of the display name, also normalized.
    ['alain.dupont99', 'containsUserName'],
    ['Dupont-1987-xyz', 'containsUserName'],
    ['al4in-likes-trains', 'containsUserName'],
    ['my-DUP0NT-pass', 'containsUserName'],
    // Characters directories mishandle.
    ['Correct-Horse\u0000Battery', 'forbiddenCharacter'],
    ['Correct\tHorse Battery', 'forbiddenCharacter'],
    ['Correct-Horse\nBattery', 'forbiddenCharacter'],
    ['Correct-\u202EHorse-Battery', 'forbiddenCharacter'],
    // Length in code points: seven emoji are seven characters, not fourteen.
    ['Ab1-xyz', 'minLength'],
    ['😀😀😀😀😀😀😀', 'minLength'],
    ['x'.repeat(257), 'maxLength'],
  ])('%j → %s', (password, rule) => {
    expect(refusedBecause(password)).toBe(rule);
  });

  it('names the limit of a length rule', () => {
    expect(checkNewPasswordLoaded(rules, 'Ab1-xyz', alain)).toEqual({ ok: false, rule: 'minLength', value: 8 });
    expect(checkNewPasswordLoaded(rules, 'a'.repeat(300), alain)).toEqual({ ok: false, rule: 'maxLength', value: 256 });
  });

  it('another tenant: its name and the words of its name, normalized', () => {
    const fabrikam = { userId: 'kim@fabrikam.example', displayName: 'Kim Akers', organizationName: 'Fabrikam Pharmaceuticals' };
    expect(refusedBecause('Fabrikam!2024', fabrikam)).toBe('containsOrganizationName');
    expect(refusedBecause('ph4rmaceutica1s', fabrikam)).toBe('containsOrganizationName');
    expect(refusedBecause('FabrikamPharmaceuticals', fabrikam)).toBe('containsOrganizationName');
    // The domain of the user id names the organization too.
    expect(refusedBecause('fabrikam-rocks-77', { ...fabrikam, organizationName: 'Other Corp' })).toBe('containsOrganizationName');
    // alain's organization is not kim's.
    expect(refusedBecause('Contoso-Lantern-Orbit', fabrikam)).toBe('accepted');
  });

  it('a short name is refused when typed as is (three characters, as Active Directory does), not when only a normalization finds it', () => {
    const lee = { userId: 'lee@contoso.com', displayName: 'Lee Gu', organizationName: 'Contoso' };
    expect(refusedBecause('Lee-Lantern-Orbit', lee)).toBe('containsUserName');
    expect(refusedBecause('L33-Lantern-Orbit', lee)).toBe('accepted');
  });
});

describe('every look-alike of the table is read back', () => {
  // The table in normalize.ts, each entry put into a common password where its letter stands.
  it.each([
    ['0', 'o', 'football'],
    ['3', 'e', 'sunshine'],
    ['4', 'a', 'baseball'],
    ['@', 'a', 'baseball'],
    ['5', 's', 'sunshine'],
    ['$', 's', 'sunshine'],
    ['7', 't', 'letmein'],
    ['+', 't', 'letmein'],
    ['8', 'b', 'baseball'],
    ['9', 'g', 'dragon'],
    ['!', 'i', 'sunshine'],
    ['|', 'l', 'baseball'],
    ['1', 'l', 'baseball'],
    ['1', 'i', 'sunshine'],
    ['€', 'e', 'sunshine'],
  ])('%s for %s: %s', (lookAlike, letter, word) => {
    expect(refusedBecause(`${word.replaceAll(letter, lookAlike)}!2024`)).toBe('commonPassword');
  });
});

describe('accepted', () => {
  it.each([
    'correct horse battery staple',
    'Tr0ub4dor&3 is long enough?',
    '我的貓喜歡在窗台上曬太陽',
    'Correct-Horse-Battery-77',
    'Quiet-Meadow-Tulip-42',
    'Lantern-Harbor-1987',
    'Zürich-Fondue-Abend-7',
    'Ελληνικός-κωδικός-2026',
    'vK9#mQ2$xL7!pR4z',
    '😀'.repeat(200),
  ])('%j', (password) => {
    expect(refusedBecause(password)).toBe('accepted');
  });

  it('a random string whose first letters are one edit from a common word (CI found "B3N/,;_0>%80:#+}": "ben/" near "ben1")', () => {
    expect(refusedBecause('B3N/,;_0>%80:#+}')).toBe('accepted');
  });

  it('random 16-character strings', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!@#$%^&*()-_=+[]{};:,.<>?/~';
    for (let i = 0; i < 2000; i++) {
      const password = Array.from({ length: 16 }, () => alphabet[randomInt(alphabet.length)]).join('');
      expect(refusedBecause(password), password).toBe('accepted');
    }
  });

  it('the policy switches: without disallowUserName the name is allowed; without blockCommon neither the list nor the organization is checked', () => {
    expect(refusedBecause('alain.dupont99', alain, { ...rules, disallowUserName: false })).toBe('accepted');
    expect(refusedBecause('P@ssw0rd2024', alain, { ...rules, blockCommon: false })).toBe('accepted');
    expect(refusedBecause('sunshinee', alain, { ...rules, blockCommon: false })).toBe('accepted');
    expect(refusedBecause('Contoso2025!', alain, { ...rules, blockCommon: false })).toBe('accepted');
    // The characters and the lengths are not switches.
    expect(refusedBecause('Correct\u0000Horse', alain, { ...rules, blockCommon: false, disallowUserName: false })).toBe('forbiddenCharacter');
  });
});

describe('property: any common password with one random edit is refused', () => {
  // Words of at least four characters: shorter ones are matched exactly only (see near-words.ts).
  const words = (dictionary['passwords-common'] as string[]).filter((w) => [...w].length >= 4);
  const printable = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789!@#$%&*-_.?'.split(''));
  const edit = fc.tuple(fc.constantFrom(...words), fc.constantFrom('insert', 'delete', 'substitute', 'double'), fc.nat(), printable, fc.boolean());
  // Nobody's name can be in these words: only the list is tested.
  const nobody = { userId: 'qq@qq.qq', displayName: 'Q', organizationName: 'Q' };
  const anyLength = { ...rules, minLength: 1 };

  it('insert, delete, substitute or double one character, in any case', () => {
    fc.assert(
      fc.property(edit, ([word, kind, at, c, upper]) => {
        const i = at % word.length;
        const edited =
          kind === 'insert' ? word.slice(0, i) + c + word.slice(i) : kind === 'delete' ? word.slice(0, i) + word.slice(i + 1) : kind === 'substitute' ? word.slice(0, i) + c + word.slice(i + 1) : word.slice(0, i + 1) + word.slice(i);
        const typed = upper ? edited.toUpperCase() : edited;
        expect(['commonPassword', 'nearCommonPassword']).toContain(refusedBecause(typed, nobody, anyLength));
      }),
      { numRuns: 3000 },
    );
  });
});
