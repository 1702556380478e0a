import { CONTROL_CHARACTERS } from '../../contract/api.js';
import type { PasswordRule } from '../../contract/errors.js';
import type { SsprPolicy } from '../policy/policy.js';
import { commonPasswords, loadCommonPasswords } from './common-passwords.js';
import { containsAnyWord, organizationWords, typedPassword, userWords, type PasswordContext, type TypedPassword } from './context-words.js';
import { candidates } from './normalize.js';

export type { PasswordContext } from './context-words.js';
export type PasswordVerdict = { ok: true } | { ok: false; rule: PasswordRule; value?: number };

/** A stripped core shorter than this is not matched ("ab" of "ab12345678"): the whole password always is. */
export const MIN_CORE = 4;

/** Code points, not UTF-16 units: an emoji is one character to the person typing it. */
const length = (s: string) => [...s].length;

/**
 * The service's own rules for a new password (POLICY.md "Passwords"); the directory may refuse
 * more, in its own words, afterwards. The first rule broken is named:
 *   minLength, maxLength (code points) → forbiddenCharacter (NUL, controls, bidi overrides) →
 *   containsUserName (if `disallowUserName`) → containsOrganizationName, commonPassword,
 *   nearCommonPassword (if `blockCommon`: the organization's and product's names are as
 *   guessable as the list).
 * Lengths first, so no normalization ever runs on an over-long input.
 */
export async function checkNewPassword(rules: SsprPolicy['password'], password: string, context: PasswordContext): Promise<PasswordVerdict> {
  if (rules.blockCommon) await loadCommonPasswords();
  return checkNewPasswordLoaded(rules, password, context);
}

/** `checkNewPassword` once the common-password list is loaded (the bench's tight loop; routes use the one above). */
export function checkNewPasswordLoaded(rules: SsprPolicy['password'], password: string, context: PasswordContext): PasswordVerdict {
  const n = length(password);
  if (n < rules.minLength) return { ok: false, rule: 'minLength', value: rules.minLength };
  if (n > rules.maxLength) return { ok: false, rule: 'maxLength', value: rules.maxLength };
  if (CONTROL_CHARACTERS.test(password)) return { ok: false, rule: 'forbiddenCharacter' };
  const typed = typedPassword(password);
  if (rules.disallowUserName && containsAnyWord(typed, userWords(context))) return { ok: false, rule: 'containsUserName' };
  if (rules.blockCommon) {
    if (containsAnyWord(typed, organizationWords(context))) return { ok: false, rule: 'containsOrganizationName' };
    const listed = onTheList(typed);
    if (listed) return { ok: false, rule: listed };
  }
  return { ok: true };
}

/** The password, or one of its normalized cores, is a common password (exactly, or one edit away). */
function onTheList(typed: TypedPassword): 'commonPassword' | 'nearCommonPassword' | null {
  const { exact, near } = commonPasswords();
  const { whole, others } = candidates(typed.typed);
  const cores = others.filter((c) => length(c) >= MIN_CORE);
  if (exact.has(whole) || cores.some((c) => exact.has(c))) return 'commonPassword';
  // One edit away is a looser match: it counts only for a core that is at least half of the
  // password. Else a random 16 characters whose first four read "ben/" would be refused as
  // near a common word, though the other twelve are what makes it strong (measured: 1 of ~2,000).
  const half = length(whole) / 2;
  if (near.near(whole) || cores.some((c) => length(c) >= half && near.near(c))) return 'nearCommonPassword';
  return null;
}
