/**
 * checkPassword with the directory's rules: one minimum-length line (the larger), complexity
 * checked as you type, history and minimum age as lines only the directory can check; and
 * which line a refusal (the service's or the directory's) is about.
 */
import { describe, expect, it } from 'vitest';
import type { PasswordPolicy } from '../../../../contract/api';
import { characterClassCount, checkPassword, refusedRule, type RuleCheck } from '../../../../renderer/components/password-checks';

const USER = 'alain@contoso.com';
const ours: PasswordPolicy = { minLength: 8, maxLength: 64, disallowUserName: false, blockCommon: true };
const byId = (checks: RuleCheck[]) => Object.fromEntries(checks.map((c) => [c.id, c]));

describe('checkPassword without directory rules', () => {
  it('shows only the service rules, every line the service’s', () => {
    const checks = checkPassword(ours, 'short', '', USER);
    expect(checks.map((c) => c.id)).toEqual(['minLength', 'maxLength', 'commonPassword', 'match']);
    expect(checks.every((c) => c.from === 'service')).toBe(true);
    expect(byId(checks).minLength).toEqual({ id: 'minLength', met: false, n: 8, from: 'service' });
  });
});

describe('checkPassword with directory rules', () => {
  it('has one minimum-length line, the directory’s when it asks for more', () => {
    const checks = checkPassword({ ...ours, directory: { minLength: 12, source: 'ppolicy cn=default,ou=policies,dc=contoso,dc=test' } }, 'elevenchars', '', USER);
    expect(checks.filter((c) => c.id === 'minLength')).toEqual([{ id: 'minLength', met: false, n: 12, from: 'directory' }]);
    expect(byId(checkPassword({ ...ours, directory: { minLength: 12 } }, 'twelve chars', '', USER)).minLength?.met).toBe(true);
  });

  it('keeps ours when the directory asks for less or the same', () => {
    for (const minLength of [6, 8]) {
      expect(checkPassword({ ...ours, directory: { minLength } }, 'x', '', USER).filter((c) => c.id === 'minLength')).toEqual([{ id: 'minLength', met: false, n: 8, from: 'service' }]);
    }
  });

  it('checks complexity (3 of the classes) live, as the directory’s line', () => {
    const policy = { ...ours, directory: { complexity: true } };
    const complexity = (password: string) => byId(checkPassword(policy, password, '', USER)).complexity;
    expect(complexity('')).toEqual({ id: 'complexity', met: false, n: 3, from: 'directory' });
    expect(complexity('lowercaseonly')?.met).toBe(false);
    expect(complexity('lower and 42')?.met).toBe(true); // lower, digit, symbol (the spaces)
    expect(complexity('LowerUpper')?.met).toBe(false);
    expect(complexity('LowerUpper7')?.met).toBe(true);
    expect(complexity('Lower-Upper')?.met).toBe(true);
    expect(complexity('lower-42')?.met).toBe(true);
  });

  it('counts uncased letters (Chinese) as a class, as Active Directory does', () => {
    expect(characterClassCount('密碼')).toBe(1);
    expect(characterClassCount('密碼abc12')).toBe(3);
    expect(characterClassCount('Aa1!密')).toBe(5);
    expect(byId(checkPassword({ ...ours, directory: { complexity: true } }, '密碼abc12', '', USER)).complexity?.met).toBe(true);
  });

  it('adds the account-name line for AD complexity even when the service does not ask for it', () => {
    const checks = byId(checkPassword({ ...ours, directory: { complexity: true } }, 'Alain-2026!', '', USER));
    expect(checks.containsUserName).toEqual({ id: 'containsUserName', met: false, from: 'directory' });
    const both = checkPassword({ ...ours, disallowUserName: true, directory: { complexity: true } }, 'Blue-mountain-42', '', USER);
    expect(both.filter((c) => c.id === 'containsUserName')).toEqual([{ id: 'containsUserName', met: true, from: 'service' }]);
  });

  it('shows history and minimum age as lines only the directory can check', () => {
    const checks = byId(checkPassword({ ...ours, directory: { history: 24, minAgeSeconds: 86_400 } }, 'Blue-mountain-42', 'Blue-mountain-42', USER));
    expect(checks.history).toEqual({ id: 'history', met: null, n: 24, from: 'directory' });
    expect(checks.minAge).toEqual({ id: 'minAge', met: null, n: 86_400, from: 'directory' });
    expect(checks.match?.met).toBe(true);
  });

  it('shows no directory line for a rule the directory does not set (zero or absent)', () => {
    const ids = checkPassword({ ...ours, directory: { history: 0, minAgeSeconds: 0, complexity: false, source: 'domain password policy' } }, 'x', '', USER).map((c) => c.id);
    expect(ids).toEqual(['minLength', 'maxLength', 'commonPassword', 'match']);
  });
});

describe('refusedRule', () => {
  const violation = (extra: object) => ({ code: 'POLICY_VIOLATION' as const, message: 'refused', ...extra });

  it.each([
    ['tooShort', 'minLength'],
    ['quality', 'complexity'],
    ['history', 'history'],
    ['tooYoung', 'minAge'],
    ['other', null],
    [undefined, null],
  ] as const)('directory reason %s → line %s', (directoryReason, line) => {
    expect(refusedRule(violation({ rule: 'directory', ...(directoryReason ? { directoryReason } : {}) }))).toBe(line);
  });

  it('names the service’s own rules as before, and nothing for rules without a line or other errors', () => {
    expect(refusedRule(violation({ rule: 'minLength', ruleValue: 8 }))).toBe('minLength');
    expect(refusedRule(violation({ rule: 'commonPassword' }))).toBe('commonPassword');
    expect(refusedRule(violation({ rule: 'containsOrganizationName' }))).toBeNull();
    expect(refusedRule({ code: 'RESET_EXPIRED', message: 'expired' })).toBeNull();
    expect(refusedRule(null)).toBeNull();
  });
});
