import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../components/form-actions';
import { Screen } from '../../components/screen';
import { UserIdField } from '../../components/user-id-field';
import type { ResetState } from '../../store/reset-slice';
import { useStore } from '../../store/store';

/** "Forgot my password" and "Unlock my account", step 1: whose account. */
export function UserIdStep({ state }: { state: Extract<ResetState, { step: 'userId' }> }) {
  const { t } = useTranslation();
  const startReset = useStore((s) => s.startReset);
  const cancelReset = useStore((s) => s.cancelReset);
  const [userId, setUserId] = useState(state.userId);
  const [missing, setMissing] = useState(false);
  const unlock = state.mode === 'unlock';

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!userId.trim()) return setMissing(true);
    setMissing(false);
    void startReset(userId.trim());
  };

  return (
    <Screen name="reset-user-id" title={unlock ? t('reset.unlockUserIdTitle') : t('reset.userIdTitle')} loading={state.loading} error={state.error} errorActions={{ retry: () => void startReset(userId.trim()) }}>
      <p>{unlock ? t('reset.unlockUserIdIntro') : t('reset.userIdIntro')}</p>
      <form noValidate onSubmit={onSubmit} aria-busy={state.loading}>
        <UserIdField value={userId} onChange={setUserId} fieldError={missing ? t('signIn.missing') : null} />
        <FormActions loading={state.loading} primary={{ label: t('common.next') }} secondary={{ label: t('common.cancel'), onClick: cancelReset }} />
      </form>
    </Screen>
  );
}
