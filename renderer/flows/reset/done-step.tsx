import { useTranslation } from 'react-i18next';
import { Screen } from '../../components/screen';
import type { ResetState } from '../../store/reset-slice';
import { useStore } from '../../store/store';

/**
 * Success. No automatic sign-in (policy): the screen says how to sign in now. At the lock
 * screen the app's job is over: "go back and sign in", and the button leaves the app.
 */
export function DoneStep({ state }: { state: Extract<ResetState, { step: 'done' }> }) {
  const { t } = useTranslation();
  const finishReset = useStore((s) => s.finishReset);
  const lockScreen = useStore((s) => s.app.step === 'ready' && s.app.info.lockScreen === true);
  const leave = useStore((s) => s.leaveLockScreen);
  const unlocked = state.mode === 'unlock';
  // Said only when the service knows: a directory that cannot tell gets the plain "unlocked".
  const notLocked = unlocked && state.wasLocked === false;

  return (
    <Screen name={unlocked ? 'unlock-done' : 'reset-done'} title={notLocked ? t('reset.notLockedTitle') : unlocked ? t('reset.unlockedTitle') : t('reset.doneTitle')}>
      {lockScreen ? (
        <p className="lead">{unlocked ? t('reset.lockScreenUnlocked') : t('reset.lockScreenDone')}</p>
      ) : (
        <>
          <p className="lead">{unlocked ? t('reset.unlockedBody') : t('reset.doneBody')}</p>
          {!unlocked && <p>{t('reset.doneHow')}</p>}
        </>
      )}
      {notLocked && <p>{t('reset.notLockedHint')}</p>}
      <div className="actions">
        {lockScreen ? (
          <button type="button" onClick={leave}>
            {t('reset.lockScreenLeave')}
          </button>
        ) : (
          <button type="button" onClick={finishReset}>
            {t('reset.backToSignIn')}
          </button>
        )}
      </div>
    </Screen>
  );
}
