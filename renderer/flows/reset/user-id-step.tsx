import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../components/form-actions';
import { Screen } from '../../components/screen';
import { UserIdField } from '../../components/user-id-field';
import type { ResetState } from '../../store/reset-slice';
import { useStore } from '../../store/store';

/** "Forgot my password", step 1: who is resetting. */
export function UserIdStep({ state }: { state: Extract<ResetState, { step: 'userId' }> }) {
  const { t } = useTranslation();
  const startReset = useStore((s) => s.startReset);
  const cancelReset = useStore((s) => s.cancelReset);
  const [userId, setUserId] = useState(state.userId);
  const [missing, setMissing] = useState(false);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!userId.trim()) return setMissing(true);
    setMissing(false);
    void startReset(userId.trim());
  };

  return (
    <Screen name="reset-user-id" title={t('reset.userIdTitle')} loading={state.loading} error={state.error}>
      <p>{t('reset.userIdIntro')}</p>
      <form noValidate onSubmit={onSubmit} aria-busy={state.loading}>
        <UserIdField value={userId} onChange={setUserId} fieldError={missing ? t('signIn.missing') : null} />
        <FormActions loading={state.loading} primary={{ label: t('common.next') }} secondary={{ label: t('common.cancel'), onClick: cancelReset }} />
      </form>
    </Screen>
  );
}
