import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { DemoBanner } from './components/demo-banner';
import { LanguageSwitcher } from './components/language-switcher';
import { Screen } from './components/screen';
import { DemoInboxScreen } from './flows/demo-inbox/demo-inbox-screen';
import { HomeScreen } from './flows/home/home-screen';
import { ResetFlow } from './flows/reset/reset-flow';
import { SignInFlow } from './flows/sign-in/sign-in-flow';
import { assertNever } from './lib/assert-never';
import type { AppState } from './store/app-slice';
import { useStore } from './store/store';

/** The screen for the current view; each flow renders its own current step. */
function CurrentView({ app }: { app: Extract<AppState, { step: 'ready' }> }) {
  switch (app.view) {
    case 'home':
      return <HomeScreen tenantName={app.info.tenantName} />;
    case 'signIn':
    case 'securityInfo':
      return <SignInFlow />;
    case 'reset':
      return <ResetFlow />;
    case 'demoInbox':
      return <DemoInboxScreen />;
    default:
      return assertNever(app.view);
  }
}

/** Loading, failed to start, or ready. */
function Body({ app }: { app: AppState }) {
  const { t } = useTranslation();
  const loadApp = useStore((s) => s.loadApp);
  switch (app.step) {
    case 'loading':
      return <Screen name="loading" title={t('app.name')} loading />;
    case 'failed':
      return <Screen name="load-failed" title={t('app.loadFailedTitle')} error={app.error} errorActions={{ retry: () => void loadApp() }} />;
    case 'ready':
      return <CurrentView app={app} />;
    default:
      return assertNever(app);
  }
}

/** The shell: a banner with the language switcher (and the demo notice), then one <main>. */
export function App() {
  const { t } = useTranslation();
  const app = useStore((s) => s.app);
  const loadApp = useStore((s) => s.loadApp);

  useEffect(() => {
    void loadApp();
  }, [loadApp]);

  return (
    <div className="shell">
      <header className="top-bar">
        <p className="brand">{t('app.name')}</p>
        <LanguageSwitcher />
        {app.step === 'ready' && app.info.demo && <DemoBanner />}
      </header>
      <main className="content">
        <Body app={app} />
      </main>
    </div>
  );
}
