import { useTranslation } from 'react-i18next';
import { formatDuration } from '../i18n/format';
import { assertNever } from '../lib/assert-never';
import type { RuleCheck, RuleId } from './password-checks';

interface PasswordRulesProps {
  id: string;
  checks: RuleCheck[];
  /** The rule the service or the directory refused (POLICY_VIOLATION), marked as not met whatever we think. */
  violated?: RuleId | null;
  /**
   * Why it was refused, in words (the service's live check, or the refusal at submit in the
   * directory's words): shown in the refused line, or under the list when no line is about it.
   */
  reason?: string | null;
  /** Where the directory's rules come from, as the directory names it ("ppolicy cn=default,…"). */
  directorySource?: string;
}

/**
 * The live checklist under the new-password box: the service's rules, then the directory's own
 * under a note naming it. Not a live region: it would talk on every key.
 */
export function PasswordRules({ id, checks, violated = null, reason = null, directorySource }: PasswordRulesProps) {
  const { t, i18n } = useTranslation();
  const text = (c: RuleCheck): string => {
    const n = String(c.n ?? '');
    switch (c.id) {
      case 'minLength':
        return t('rules.minLength', { n });
      case 'maxLength':
        return t('rules.maxLength', { n });
      case 'complexity':
        return t('rules.complexity', { n });
      case 'containsUserName':
        return t('rules.noUserName');
      case 'commonPassword':
        return t('feedback.notCommon');
      case 'history':
        return t('rules.history', { count: c.n ?? 0 });
      case 'minAge':
        return t('rules.minAge', { duration: formatDuration(c.n ?? 0, i18n.language) });
      case 'match':
        return t('rules.match');
      default:
        return assertNever(c.id);
    }
  };
  const line = (c: RuleCheck) => {
    const met = violated === c.id ? false : c.met;
    const mark = met === null ? '•' : met ? '✓' : '○';
    const state = met === null ? t('rules.serverSide') : met ? t('rules.met') : t('rules.notMet');
    return (
      <li key={c.id} className={met === null ? 'rule later' : met ? 'rule met' : 'rule'} data-rule={c.id}>
        <span aria-hidden="true" className="mark">
          {mark}
        </span>
        <span>
          {text(c)}
          <span className="visually-hidden">: {state}</span>
          {violated === c.id && reason && <span className="rule-reason"> — {reason}</span>}
        </span>
      </li>
    );
  };
  const ours = checks.filter((c) => c.from === 'service');
  const directory = checks.filter((c) => c.from === 'directory');
  return (
    <div className="password-rules" id={id}>
      <p className="rules-heading">{t('rules.heading')}</p>
      <ul>{ours.map(line)}</ul>
      {reason && !checks.some((c) => c.id === violated) && <p className="field-error rule-reason">{reason}</p>}
      {directory.length > 0 && (
        <>
          <p className="rules-source">{directorySource ? t('rules.fromDirectorySource', { source: directorySource }) : t('rules.fromDirectory')}</p>
          <ul>{directory.map(line)}</ul>
        </>
      )}
    </div>
  );
}
