import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { assertNever } from '../lib/assert-never';
import { PasswordRules } from './password-rules';
import { TextField } from './text-field';
import type { PasswordFeedback } from './use-password-feedback';
import { useSettled } from './use-settled';
import type { StrengthHint } from './use-strength-hint';

/** How long typing must pause before a screen reader hears the hint (not on every key). */
export const ANNOUNCE_DELAY_MS = 1000;

function useStrengthText(strength: StrengthHint, empty: boolean): string | null {
  const { t } = useTranslation();
  switch (strength.state) {
    case 'loading':
      return t('feedback.strengthLoading');
    case 'unavailable':
      return null;
    case 'ready':
      if (empty) return t('feedback.strengthEmpty');
      // Typed, not scored yet (scoring waits for a pause in the typing).
      return strength.score === null ? t('feedback.strengthLoading') : t('feedback.strengthLine', { level: t(`feedback.score${strength.score}`) });
    default:
      return assertNever(strength);
  }
}

/**
 * The new password and its confirmation, with everything that helps choose one: the
 * checklist (ours and the directory's rules), the service's live verdict marking its line,
 * and zxcvbn's strength hint. Shared by reset and change; the form around it submits.
 */
export function NewPasswordFields({ feedback, loading }: { feedback: PasswordFeedback; loading: boolean }) {
  const { t } = useTranslation();
  const rulesId = useId();
  const strengthId = useId();
  const { password, policy, problem, strength } = feedback;
  const strengthText = useStrengthText(strength, password.length === 0);
  // Said politely once typing pauses: the strength, and a live refusal (the submit's is in the alert).
  const spoken = password && strength.state === 'ready' && strength.score !== null && strengthText ? [strengthText, feedback.reasonIsLive ? feedback.reason : null].filter(Boolean).join(' ') : '';
  const announcement = useSettled(spoken, ANNOUNCE_DELAY_MS);

  return (
    <div ref={feedback.container} className="new-password-fields">
      <TextField
        label={t('reset.newPassword')}
        type="password"
        value={password}
        onChange={feedback.setPassword}
        name="new-password"
        autoComplete="new-password"
        describedBy={[strengthText ? strengthId : null, rulesId].filter(Boolean).join(' ')}
        fieldError={problem === 'rules' ? t('reset.fixRules') : null}
      />
      {strengthText && (
        <p id={strengthId} className="hint strength" data-score={strength.state === 'ready' ? (strength.score ?? '') : ''}>
          {strengthText}
          {strength.state === 'ready' && strength.score !== null && <> {t('feedback.strengthNote')}</>}
        </p>
      )}
      <TextField
        label={t('reset.confirm')}
        type="password"
        value={feedback.confirm}
        onChange={feedback.setConfirm}
        name="confirm-password"
        autoComplete="new-password"
        fieldError={problem === 'mismatch' ? t('reset.mismatch') : null}
      />
      {policy ? (
        <PasswordRules id={rulesId} checks={feedback.checks} violated={feedback.violated} reason={feedback.reason} directorySource={policy.directory?.source} />
      ) : (
        <p id={rulesId} className="muted">
          {loading ? t('rules.loading') : ''}
        </p>
      )}
      <p className="visually-hidden" role="status" aria-live="polite" data-testid="password-feedback-announcement">
        {announcement}
      </p>
    </div>
  );
}
