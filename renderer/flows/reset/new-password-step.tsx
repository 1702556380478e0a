import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { checkPassword, refusedRule } from '../../components/password-checks';
import { PasswordRules } from '../../components/password-rules';
import { FormActions } from '../../components/form-actions';
import { Screen } from '../../components/screen';
import { TextField } from '../../components/text-field';
import type { ResetState } from '../../store/reset-slice';
import { useStore } from '../../store/store';

/** The new password, with the policy's rules checked live; the directory has the last word. */
export function NewPasswordStep({ state }: { state: Extract<ResetState, { step: 'newPassword' }> }) {
  const { t } = useTranslation();
  const setNewPassword = useStore((s) => s.setNewPassword);
  const loadPolicy = useStore((s) => s.loadPasswordPolicy);
  const restartReset = useStore((s) => s.restartReset);
  const cancelReset = useStore((s) => s.cancelReset);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problem, setProblem] = useState<'rules' | 'mismatch' | null>(null);
  const rulesId = useId();
  const formRef = useRef<HTMLFormElement>(null);

  const checks = state.policy ? checkPassword(state.policy, password, confirm, state.userId) : [];
  const violated = refusedRule(state.error);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const rulesBroken = checks.some((c) => c.id !== 'match' && c.met === false) || !password;
    const next = rulesBroken ? 'rules' : password !== confirm ? 'mismatch' : null;
    setProblem(next);
    if (next) {
      // Take the user to the box that needs fixing; its error is read with it.
      const inputs = formRef.current?.querySelectorAll('input');
      inputs?.[next === 'rules' ? 0 : 1]?.focus();
      return;
    }
    void setNewPassword(password);
  };

  return (
    <Screen
      name="reset-new-password"
      title={t('reset.newPasswordTitle')}
      loading={state.loading}
      error={state.error}
      errorActions={{ retry: state.policy ? undefined : () => void loadPolicy(), startOver: restartReset, signInAgain: restartReset }}
    >
      <p>{t('reset.newPasswordIntro', { userId: state.userId })}</p>
      <form ref={formRef} noValidate onSubmit={onSubmit} aria-busy={state.loading}>
        <TextField
          label={t('reset.newPassword')}
          type="password"
          value={password}
          onChange={setPassword}
          name="new-password"
          autoComplete="new-password"
          describedBy={rulesId}
          fieldError={problem === 'rules' ? t('reset.fixRules') : null}
        />
        <TextField
          label={t('reset.confirm')}
          type="password"
          value={confirm}
          onChange={setConfirm}
          name="confirm-password"
          autoComplete="new-password"
          fieldError={problem === 'mismatch' ? t('reset.mismatch') : null}
        />
        {state.policy ? <PasswordRules id={rulesId} checks={checks} violated={violated} directorySource={state.policy.directory?.source} /> : <p id={rulesId} className="muted">{state.loading ? t('rules.loading') : ''}</p>}
        <FormActions loading={state.loading} primary={{ label: t('reset.submit') }} secondary={{ label: t('common.cancel'), onClick: cancelReset }} />
      </form>
    </Screen>
  );
}
