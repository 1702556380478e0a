import { useTranslation } from 'react-i18next';
import { Screen } from '../../components/screen';
import type { ResetState } from '../../store/reset-slice';
import { useStore } from '../../store/store';
import { ResetTimeLimit } from './reset-time-limit';

/** Unlock: every gate is passed and the unlock is asked for; an error keeps the gates passed and offers "Try again". */
export function UnlockingStep({ state }: { state: Extract<ResetState, { step: 'unlocking' }> }) {
  const { t } = useTranslation();
  const unlockAccount = useStore((s) => s.unlockAccount);
  const restartReset = useStore((s) => s.restartReset);
  const cancelReset = useStore((s) => s.cancelReset);
  return (
    <Screen
      name="unlocking"
      title={t('reset.unlockingTitle')}
      loading={state.loading}
      error={state.error}
      errorActions={{ retry: () => void unlockAccount(), startOver: restartReset, signInAgain: restartReset }}
      banner={<ResetTimeLimit state={state} />}
    >
      <p>{t('reset.unlockingBody')}</p>
      <div className="actions">
        <button type="button" className="secondary" disabled={state.loading} onClick={cancelReset}>
          {t('common.cancel')}
        </button>
      </div>
    </Screen>
  );
}
