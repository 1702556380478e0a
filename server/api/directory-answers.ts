/**
 * What a person is told when the directory says no — one table for every route, so a kind
 * means the same error code wherever it comes from (sign-in, change, reset, unlock). The
 * directory's own words travel along in `directoryMessage` (cut to the contract's bound).
 */
import { err, type Err } from '../../contract/errors.js';
import type { PasswordCheck, WriteOutcome } from '../directories/directory.js';
import type { ServiceContext } from '../service-context.js';

type Refusal = Extract<WriteOutcome, { ok: false }>;

const wordsOf = (message: string) => (message ? { directoryMessage: message.slice(0, 1000) } : {});

/**
 * A password check that is not `ok`, as the person is told it. `invalid` stays
 * INVALID_CREDENTIALS; so does every state with `hideAccountState` (a locked or disabled
 * account would otherwise tell itself apart from a wrong password — slapd answers
 * "locked" whatever the password was).
 */
export function passwordCheckRefusal(ctx: ServiceContext, check: Exclude<PasswordCheck, 'ok'>, wrong: Err): Err {
  if (ctx.policy.hideAccountState) return wrong;
  switch (check) {
    case 'invalid':
      return wrong;
    case 'locked':
      return err('ACCOUNT_LOCKED', 'The directory locked the account after failed sign-ins; unlock it or wait');
    case 'disabled':
      return err('ACCOUNT_DISABLED', 'The account is disabled in the directory');
    case 'expired':
      return err('ACCOUNT_DISABLED', 'The account has expired in the directory');
    case 'mustChange':
      return err('PASSWORD_EXPIRED', 'The password has expired; change it first');
  }
}

/**
 * A refused write (new password, unlock), by kind:
 * - the directory's password rules → POLICY_VIOLATION `directory`, with which rule and its words;
 * - `locked` / `disabled` → ACCOUNT_LOCKED / ACCOUNT_DISABLED;
 * - `rights`: the service account may not write this account (e.g. an AD protected account
 *   under AdminSDHolder) — to the person, the password is not managed here: contact IT;
 * - `unreachable` → DIRECTORY_UNAVAILABLE (nothing was changed).
 */
export function writeRefusal(ctx: ServiceContext, refusal: Refusal): Err {
  const words = wordsOf(refusal.message);
  switch (refusal.kind) {
    case 'tooShort':
    case 'quality':
    case 'history':
    case 'tooYoung':
    case 'other':
      return err('POLICY_VIOLATION', 'The directory refused the new password', { rule: 'directory', directoryReason: refusal.kind, ...words });
    case 'locked':
      return err('ACCOUNT_LOCKED', 'The directory has locked the account', words);
    case 'disabled':
      return err('ACCOUNT_DISABLED', 'The account is disabled in the directory', words);
    case 'rights':
      return err('PASSWORD_NOT_MANAGED', "The service may not change this account's password in the directory", { helpdesk: ctx.tenant.helpdesk, ...words });
    case 'unreachable':
      return err('DIRECTORY_UNAVAILABLE', "The organization's directory is not answering; nothing was changed", words);
  }
}
