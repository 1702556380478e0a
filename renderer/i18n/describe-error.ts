import type { ParseKeys, TFunction } from 'i18next';
import type { ErrorCode, ErrorInfo } from '../../contract/errors';
import { formatTime } from './format';

/** What a person can do about an error; the flow decides how each one is carried out. */
export type ErrorActionKind = 'none' | 'retry' | 'startOver' | 'signInAgain' | 'tryAnotherMethod' | 'contactAdmin' | 'contactHelpdesk' | 'unlock' | 'changePassword';

/**
 * Where the error was met, when that changes its meaning: at sign-in a lockout is undone by
 * "Unlock my account"; at a gate a refused step means the code ran out (send a new one).
 */
export type ErrorContext = 'signIn' | 'gate';

/** An error as a person reads it: translated, with one suggested action. */
export interface ErrorView {
  title: string;
  body: string;
  /** A further line (the seed's third sentence, a hint, the directory's own words). */
  more: string | null;
  action: ErrorActionKind;
  /** Label of the action's button, when the action is a button. */
  actionLabel: string | null;
  supportCode: string | null;
}

/** One row per code: Record<ErrorCode, …> makes a missing code a compile error. */
const actions: Record<ErrorCode, ErrorActionKind> = {
  BAD_REQUEST: 'none',
  UNAUTHORIZED: 'signInAgain',
  NOT_FOUND: 'none',
  INTERNAL: 'retry',
  INVALID_CREDENTIALS: 'none',
  SECOND_FACTOR_REQUIRED: 'signInAgain',
  INVALID_CODE: 'none',
  SETUP_EXPIRED: 'startOver',
  RESET_EXPIRED: 'startOver',
  STEP_NOT_ALLOWED: 'startOver',
  METHOD_NOT_AVAILABLE: 'tryAnotherMethod',
  METHOD_LIMIT_REACHED: 'none',
  PASSWORD_NOT_MANAGED: 'contactHelpdesk',
  SSPR_NOT_ENABLED: 'contactAdmin',
  NOT_REGISTERED: 'contactAdmin',
  THROTTLED: 'tryAnotherMethod',
  POLICY_VIOLATION: 'none',
  DIRECTORY_UNREACHABLE: 'retry',
  DIRECTORY_TIMEOUT: 'retry',
  DIRECTORY_ERROR: 'retry',
  DIRECTORY_BAD_RESPONSE: 'retry',
  DIRECTORY_INSECURE: 'contactHelpdesk',
  VAULT_UNAVAILABLE: 'retry',
  KEYRING_MODULE_MISSING: 'none',
  FORBIDDEN_SENDER: 'none',
  NOT_AVAILABLE: 'none',
  DELIVERY_FAILED: 'retry',
  DIRECTORY_UNAVAILABLE: 'retry',
  ACCOUNT_DISABLED: 'contactHelpdesk',
  ACCOUNT_LOCKED: 'unlock',
  PASSWORD_EXPIRED: 'changePassword',
};

const moreKeys: Partial<Record<ErrorCode, ParseKeys>> = {
  PASSWORD_NOT_MANAGED: 'errors.PASSWORD_NOT_MANAGED.more',
  SSPR_NOT_ENABLED: 'errors.SSPR_NOT_ENABLED.more',
  NOT_REGISTERED: 'errors.NOT_REGISTERED.more',
  THROTTLED: 'errors.THROTTLED.more',
};

const actionLabels: Partial<Record<ErrorActionKind, ParseKeys>> = {
  retry: 'errors.actions.retry',
  startOver: 'errors.actions.startOver',
  signInAgain: 'errors.actions.signInAgain',
  tryAnotherMethod: 'errors.actions.tryAnotherMethod',
  contactAdmin: 'errors.actions.contactAdmin',
  unlock: 'errors.actions.unlock',
  changePassword: 'errors.actions.changePassword',
};

/** Which of the directory's rules refused the password, as the directory classed it. */
function directoryBody(reason: ErrorInfo['directoryReason'], t: TFunction): string {
  switch (reason) {
    case 'tooShort':
      return t('policy.directoryTooShort');
    case 'quality':
      return t('policy.directoryQuality');
    case 'history':
      return t('policy.directoryHistory');
    case 'tooYoung':
      return t('policy.directoryTooYoung');
    case 'other':
    case undefined:
      return t('policy.directory');
  }
}

/** The rule a POLICY_VIOLATION broke, in words ("must have at least 12 characters"). */
function policyBody(error: ErrorInfo, t: TFunction): string {
  const n = error.ruleValue;
  switch (error.rule) {
    case 'minLength':
      return n === undefined ? t('policy.minLengthNoValue') : t('policy.minLength', { n: String(n) });
    case 'maxLength':
      return n === undefined ? t('policy.maxLengthNoValue') : t('policy.maxLength', { n: String(n) });
    case 'containsUserName':
      return t('policy.containsUserName');
    case 'commonPassword':
      return t('policy.commonPassword');
    case 'nearCommonPassword':
      return t('policy.nearCommonPassword');
    case 'containsOrganizationName':
      return t('policy.containsOrganizationName');
    case 'forbiddenCharacter':
      return t('policy.forbiddenCharacter');
    case 'directory':
      return directoryBody(error.directoryReason, t);
    case undefined:
      return t('errors.POLICY_VIOLATION.body');
  }
}

/** Known code, or INTERNAL for a code a newer server sent that this renderer doesn't know. */
function knownCode(code: string): ErrorCode {
  return Object.hasOwn(actions, code) ? (code as ErrorCode) : 'INTERNAL';
}

/**
 * Maps an ErrorInfo to the text and action a person sees, in the language of `t`.
 * `language` formats THROTTLED's retry time with Intl.
 */
export function describeError(error: ErrorInfo, t: TFunction, language: string, context?: ErrorContext): ErrorView {
  const code = knownCode(error.code);
  // At a gate the service refuses a proof with nothing to check against: the code ran out (or was used).
  if (context === 'gate' && code === 'STEP_NOT_ALLOWED') {
    return { title: t('errors.codeExpired.title'), body: t('errors.codeExpired.body'), more: null, action: 'none', actionLabel: null, supportCode: error.supportCode ?? null };
  }
  let title: string = t(`errors.${code}.title`);
  let body: string = t(`errors.${code}.body`);
  let more: string | null = moreKeys[code] ? t(moreKeys[code]) : null;
  let action = actions[code];
  if (code === 'THROTTLED') {
    // In the user's own clock and language: the service sends an instant.
    body = error.retryAfter ? t('errors.THROTTLED.body', { time: formatTime(error.retryAfter, language) }) : t('errors.THROTTLED.bodyLater');
    if (context === 'signIn') {
      // Too many wrong passwords: the way out is the unlock (it clears the count), not another method.
      title = t('errors.THROTTLED.signInTitle');
      more = t('errors.THROTTLED.signInMore');
      action = 'unlock';
    }
  }
  if (code === 'INVALID_CODE' && error.triesLeft !== undefined) {
    // Only when the policy shows it (`showTriesLeft`): the service counts from its reserved attempt.
    more = error.triesLeft > 0 ? t('errors.INVALID_CODE.triesLeft', { count: error.triesLeft }) : t('errors.INVALID_CODE.lastTry');
  }
  if (code === 'POLICY_VIOLATION') {
    body = policyBody(error, t);
    more = error.directoryMessage ? t('policy.directoryWords', { message: error.directoryMessage }) : null;
  }
  const labelKey = actionLabels[action];
  return {
    title,
    body,
    more,
    action,
    actionLabel: labelKey ? t(labelKey) : null,
    supportCode: error.supportCode ?? null,
  };
}
