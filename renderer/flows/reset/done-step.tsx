import { useTranslation } from 'react-i18next';
import { Screen } from '../../components/screen';
import { useStore } from '../../store/store';

/** Success. No automatic sign-in (policy): the user signs in with the new password themselves. */
export function DoneStep() {
  const { t } = useTranslation();
  const finishReset = useStore((s) => s.finishReset);
  return (
    <Screen name="reset-done" title={t('reset.doneTitle')}>
      <p>{t('reset.doneBody')}</p>
      <div className="actions">
        <button type="button" onClick={finishReset}>
          {t('reset.backToSignIn')}
        </button>
      </div>
    </Screen>
  );
}
