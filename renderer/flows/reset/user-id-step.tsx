import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Screen } from '../../components/screen';
import { TextField } from '../../components/text-field';
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
        <TextField
          label={t('signIn.userId')}
          hint={t('signIn.userIdHint')}
          value={userId}
          onChange={setUserId}
          name="username"
          autoComplete="username"
          spellCheck={false}
          autoCapitalize="off"
          fieldError={missing ? t('signIn.missing') : null}
        />
        <div className="actions">
          <button type="submit" disabled={state.loading}>
            {t('common.next')}
          </button>
          <button type="button" className="secondary" disabled={state.loading} onClick={cancelReset}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Screen>
  );
}
