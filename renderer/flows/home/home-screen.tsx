import { useTranslation } from 'react-i18next';
import { Screen } from '../../components/screen';
import { useStore } from '../../store/store';

/** The start: the two things a person comes here for. */
export function HomeScreen({ tenantName }: { tenantName: string }) {
  const { t } = useTranslation();
  const setView = useStore((s) => s.setView);
  const restartSignIn = useStore((s) => s.restartSignIn);
  return (
    <Screen name="home" title={t('app.name')}>
      <p>{t('home.intro')}</p>
      {tenantName && <p className="muted">{t('home.tenant', { name: tenantName })}</p>}
      <div className="actions stacked">
        <button type="button" onClick={() => restartSignIn()}>
          {t('home.signIn')}
        </button>
        <button type="button" onClick={() => setView('reset')}>
          {t('home.forgot')}
        </button>
      </div>
    </Screen>
  );
}
