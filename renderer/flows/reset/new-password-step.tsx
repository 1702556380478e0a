import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../components/form-actions';
import { NewPasswordFields } from '../../components/new-password-fields';
import { Screen } from '../../components/screen';
import { usePasswordFeedback } from '../../components/use-password-feedback';
import type { ResetState } from '../../store/reset-slice';
import { useStore } from '../../store/store';
import { ResetTimeLimit } from './reset-time-limit';

/** The new password, with the policy's rules checked live; the directory has the last word. */
export function NewPasswordStep({ state }: { state: Extract<ResetState, { step: 'newPassword' }> }) {
  const { t } = useTranslation();
  const setNewPassword = useStore((s) => s.setNewPassword);
  const loadPolicy = useStore((s) => s.loadPasswordPolicy);
  const restartReset = useStore((s) => s.restartReset);
  const cancelReset = useStore((s) => s.cancelReset);
  const feedback = usePasswordFeedback({ policy: state.policy, userId: state.userId, error: state.error });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (feedback.validate()) void setNewPassword(feedback.password);
  };

  return (
    <Screen
      name="reset-new-password"
      title={t('reset.newPasswordTitle')}
      loading={state.loading}
      error={state.error}
      errorActions={{ retry: state.policy ? undefined : () => void loadPolicy(), startOver: restartReset, signInAgain: restartReset }}
      banner={<ResetTimeLimit state={state} />}
    >
      <p>{t('reset.newPasswordIntro', { userId: state.userId })}</p>
      <form noValidate onSubmit={onSubmit} aria-busy={state.loading}>
        <NewPasswordFields feedback={feedback} loading={state.loading} />
        <FormActions loading={state.loading} primary={{ label: t('reset.submit') }} secondary={{ label: t('common.cancel'), onClick: cancelReset }} />
      </form>
    </Screen>
  );
}
