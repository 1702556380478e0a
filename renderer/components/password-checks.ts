import type { PasswordRule } from '../../contract/errors';
import type { ErrorInfo, PasswordPolicy } from '../store/types';

/** Unicode code points, as the policy counts them (an emoji is one character, not two). */
export function passwordLength(password: string): number {
  return [...password].length;
}

/** True when the password contains the user name (or its part before "@"), ignoring case. */
export function containsUserName(password: string, userId: string): boolean {
  const p = password.toLowerCase();
  const names = [userId, userId.split('@')[0] ?? ''].map((n) => n.trim().toLowerCase()).filter((n) => n.length >= 3);
  return names.some((n) => p.includes(n));
}

/**
 * The character classes Active Directory's complexity rule counts. AD also counts letters
 * that have no case (Chinese, Japanese…) as a class of their own: counting them here keeps
 * the checklist from refusing a password the directory would take. Anything that is neither
 * a letter nor a digit counts as a symbol; when that is more generous than the directory, the
 * directory refuses at submit and the line turns back to "not yet".
 */
const characterClasses: readonly RegExp[] = [/[\p{Lu}\p{Lt}]/u, /\p{Ll}/u, /\p{Nd}/u, /[^\p{L}\p{Nd}]/u, /[\p{Lo}\p{Lm}]/u];

/** How many of the directory's character classes the password uses. */
export function characterClassCount(password: string): number {
  return characterClasses.filter((c) => c.test(password)).length;
}

/** AD complexity asks for 3 of the classes (the checklist names the four everyone knows). */
export const COMPLEXITY_CLASSES = 3;

export type RuleId = 'minLength' | 'maxLength' | 'complexity' | 'containsUserName' | 'commonPassword' | 'history' | 'minAge' | 'match';
/**
 * One checklist line. `met: null` means only the service or the directory can tell (common
 * passwords, password history, minimum age). `from` says whose rule it is: the directory's
 * lines are shown under a note naming it.
 */
export type RuleCheck = { id: RuleId; met: boolean | null; n?: number; from: 'service' | 'directory' };

/**
 * The rules checkable here, live: the service's and, when the policy carries them, the
 * directory's own (read from the directory, never assumed). Where both set a minimum length,
 * the larger one is the only line.
 */
export function checkPassword(policy: PasswordPolicy, password: string, confirm: string, userId: string): RuleCheck[] {
  const length = passwordLength(password);
  const directory = policy.directory;
  const directoryMin = directory?.minLength ?? 0;
  const minLength = Math.max(policy.minLength, directoryMin);
  const checks: RuleCheck[] = [
    { id: 'minLength', met: length >= minLength, n: minLength, from: directoryMin > policy.minLength ? 'directory' : 'service' },
    { id: 'maxLength', met: length > 0 && length <= policy.maxLength, n: policy.maxLength, from: 'service' },
  ];
  if (directory?.complexity) checks.push({ id: 'complexity', met: characterClassCount(password) >= COMPLEXITY_CLASSES, n: COMPLEXITY_CLASSES, from: 'directory' });
  // AD complexity also refuses the account name: one line, whoever asks for it.
  if (policy.disallowUserName || directory?.complexity) {
    checks.push({ id: 'containsUserName', met: length > 0 && !containsUserName(password, userId), from: policy.disallowUserName ? 'service' : 'directory' });
  }
  if (policy.blockCommon) checks.push({ id: 'commonPassword', met: null, from: 'service' });
  if (directory?.history) checks.push({ id: 'history', met: null, n: directory.history, from: 'directory' });
  if (directory?.minAgeSeconds) checks.push({ id: 'minAge', met: null, n: directory.minAgeSeconds, from: 'directory' });
  checks.push({ id: 'match', met: confirm.length > 0 && confirm === password, from: 'service' });
  return checks;
}

const serviceRules: readonly RuleId[] = ['minLength', 'maxLength', 'containsUserName', 'commonPassword'];

/**
 * The checklist line a rule of the service is about: "one letter away from a common password"
 * is the common-password line too. Null for rules without a line of their own (the
 * organization's name, a control character): their reason is shown under the list.
 */
export function lineOfRule(rule: PasswordRule): RuleId | null {
  if (rule === 'nearCommonPassword') return 'commonPassword';
  return (serviceRules as readonly string[]).includes(rule) ? (rule as RuleId) : null;
}

/**
 * The checklist once the service has answered the live check: "ok" settles the lines only
 * the service can tell (the blocklist), so they turn to "done" before submit.
 */
export function withLiveVerdict(checks: RuleCheck[], verdict: { verdict: 'ok' } | { verdict: 'refused'; rule: PasswordRule } | null): RuleCheck[] {
  if (verdict?.verdict !== 'ok') return checks;
  return checks.map((c) => (c.id === 'commonPassword' && c.from === 'service' ? { ...c, met: true } : c));
}

/**
 * The checklist line a refusal is about, marked as not met whatever we think: the service's
 * rule by its name, the directory's by the reason it gave. Null when no line matches.
 */
export function refusedRule(error: ErrorInfo | null): RuleId | null {
  if (error?.code !== 'POLICY_VIOLATION' || !error.rule) return null;
  if (error.rule !== 'directory') return lineOfRule(error.rule);
  switch (error.directoryReason) {
    case 'tooShort':
      return 'minLength';
    case 'quality':
      return 'complexity';
    case 'history':
      return 'history';
    case 'tooYoung':
      return 'minAge';
    default:
      return null;
  }
}
