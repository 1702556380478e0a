import { dictionary } from '@zxcvbn-ts/language-common';
import type { PasswordRule } from '../../contract/errors.js';
import type { SsprPolicy } from '../policy/policy.js';

/** ~49,000 common passwords from zxcvbn-ts's maintained list, lower-cased for lookup. */
const common = new Set<string>(dictionary['passwords-common'] as string[]);

export type PasswordVerdict = { ok: true } | { ok: false; rule: PasswordRule; value?: number };

/** Code points, not UTF-16 units: an emoji is one character to the person typing it. */
const length = (s: string) => [...s].length;

/**
 * The service's own rules for a new password (POLICY.md); the directory may refuse more,
 * in its own words, afterwards.
 */
export function checkNewPassword(rules: SsprPolicy['password'], password: string, user: { userId: string; displayName: string }): PasswordVerdict {
  if (length(password) < rules.minLength) return { ok: false, rule: 'minLength', value: rules.minLength };
  if (length(password) > rules.maxLength) return { ok: false, rule: 'maxLength', value: rules.maxLength };
  const lower = password.normalize('NFKC').toLowerCase();
  if (rules.disallowUserName) {
    const local = user.userId.split('@')[0]!.toLowerCase();
    const names = [local, ...user.displayName.toLowerCase().split(/\s+/)].filter((n) => n.length >= 3);
    if (names.some((n) => lower.includes(n))) return { ok: false, rule: 'containsUserName' };
  }
  if (rules.blockCommon && common.has(lower)) return { ok: false, rule: 'commonPassword' };
  return { ok: true };
}
