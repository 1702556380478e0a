import { useTranslation } from 'react-i18next';
import type { PasswordRule } from '../../contract/errors';
import { assertNever } from '../lib/assert-never';
import type { PasswordPolicy } from '../store/types';

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

export type RuleId = 'minLength' | 'maxLength' | 'containsUserName' | 'commonPassword' | 'match';
export type RuleCheck = { id: RuleId; met: boolean | null; n?: number };

/** The rules checkable here, live; `met: null` means only the server can tell (common passwords). */
export function checkPassword(policy: PasswordPolicy, password: string, confirm: string, userId: string): RuleCheck[] {
  const length = passwordLength(password);
  const checks: RuleCheck[] = [
    { id: 'minLength', met: length >= policy.minLength, n: policy.minLength },
    { id: 'maxLength', met: length > 0 && length <= policy.maxLength, n: policy.maxLength },
  ];
  if (policy.disallowUserName) checks.push({ id: 'containsUserName', met: length > 0 && !containsUserName(password, userId) });
  if (policy.blockCommon) checks.push({ id: 'commonPassword', met: null });
  checks.push({ id: 'match', met: confirm.length > 0 && confirm === password });
  return checks;
}

interface PasswordRulesProps {
  id: string;
  checks: RuleCheck[];
  /** The rule the directory refused (POLICY_VIOLATION), marked as not met whatever we think. */
  violated?: PasswordRule | null;
}

/** The live checklist under the new-password box. Not a live region: it would talk on every key. */
export function PasswordRules({ id, checks, violated = null }: PasswordRulesProps) {
  const { t } = useTranslation();
  const text = (c: RuleCheck): string => {
    const n = String(c.n ?? '');
    switch (c.id) {
      case 'minLength':
        return t('rules.minLength', { n });
      case 'maxLength':
        return t('rules.maxLength', { n });
      case 'containsUserName':
        return t('rules.noUserName');
      case 'commonPassword':
        return t('rules.notCommon');
      case 'match':
        return t('rules.match');
      default:
        return assertNever(c.id);
    }
  };
  return (
    <div className="password-rules" id={id}>
      <p className="rules-heading">{t('rules.heading')}</p>
      <ul>
        {checks.map((c) => {
          const met = violated === c.id ? false : c.met;
          const mark = met === null ? '•' : met ? '✓' : '○';
          const state = met === null ? t('rules.serverSide') : met ? t('rules.met') : t('rules.notMet');
          return (
            <li key={c.id} className={met === null ? 'rule later' : met ? 'rule met' : 'rule'} data-rule={c.id}>
              <span aria-hidden="true" className="mark">
                {mark}
              </span>
              <span>{text(c)}</span>
              <span className="visually-hidden">: {state}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
