import { useTranslation } from 'react-i18next';
import { Screen } from '../../components/screen';
import { useStore } from '../../store/store';

/**
 * Changed. No automatic sign-in: sign in here with the new password — and, as the app may
 * have been opened from the start menu rather than from a sign-in, where else it now applies.
 */
export function ChangeDoneStep({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const finishChange = useStore((s) => s.finishChange);
  return (
    <Screen name="change-done" title={t('change.doneTitle')}>
      <p>{t('change.doneBody')}</p>
      <p>{t('change.doneEverywhere', { userId })}</p>
      <div className="actions">
        <button type="button" onClick={finishChange}>
          {t('change.signIn')}
        </button>
      </div>
    </Screen>
  );
}
