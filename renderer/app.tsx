import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { DemoBanner } from './components/demo-banner';
import { LanguageSwitcher } from './components/language-switcher';
import { Progress } from './components/progress';
import { Screen } from './components/screen';
import { HomeScreen } from './flows/home/home-screen';
import { firstScreenHint } from '../contract/first-screen';
import { assertNever } from './lib/assert-never';
import { preloadable } from './lib/preloadable';
import { IdleWarning } from './shell/idle-warning';
import { SidePanel } from './shell/side-panel';
import { useMainEvents } from './shell/use-main-events';
import type { AppState } from './store/app-slice';
import { useStore } from './store/store';

/** A flow's code could not be fetched (a file missing after an update, say): say so, offer a retry. */
function FlowLoadFailed({ retry }: { retry: () => void }) {
  const { t } = useTranslation();
  return <Screen name="screen-load-failed" title={t('app.screenLoadFailedTitle')} error={{ code: 'INTERNAL', message: "a screen's code could not be loaded" }} errorActions={{ retry }} />;
}

// Screens beyond the first load on first use: the initial bundle carries the shell and home.
const flowLoading = { fallback: <Progress />, failed: (retry: () => void) => <FlowLoadFailed retry={retry} /> };
const SignInFlow = preloadable(() => import('./flows/sign-in/sign-in-flow').then((m) => m.SignInFlow), flowLoading);
const SecurityInfoFlow = preloadable(() => import('./flows/security-info/security-info-flow').then((m) => m.SecurityInfoFlow), flowLoading);
const ResetFlow = preloadable(() => import('./flows/reset/reset-flow').then((m) => m.ResetFlow), flowLoading);
const ChangeFlow = preloadable(() => import('./flows/change/change-flow').then((m) => m.ChangeFlow), flowLoading);
const DemoInboxScreen = preloadable(() => import('./flows/demo-inbox/demo-inbox-screen').then((m) => m.DemoInboxScreen), flowLoading);
// When the host says the first screen is the reset (the lock screen), its code is fetched
// alongside AppInfo, not after it. Not on home: there it would compete with the first screen.
if (firstScreenHint(location.search) === 'reset') void ResetFlow.preload();

/** The flow on screen; each flow renders its own current step. */
function CurrentFlow({ app }: { app: Extract<AppState, { step: 'ready' }> }) {
  switch (app.flow) {
    case 'home':
      return <HomeScreen tenantName={app.info.tenantName} lockScreen={app.info.lockScreen === true} />;
    case 'signIn':
      return <SignInFlow />;
    case 'securityInfo':
      return <SecurityInfoFlow />;
    case 'reset':
      return <ResetFlow />;
    case 'change':
      return <ChangeFlow />;
    case 'demoInbox':
      return <DemoInboxScreen />;
    default:
      return assertNever(app.flow);
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
      return (
        <>
          <IdleWarning idleTimeoutMs={app.info.idleTimeoutMs} />
          {/* A safety net: flows fetch their code without suspending (lib/preloadable). */}
          <Suspense fallback={<Progress />}>
            <CurrentFlow app={app} />
          </Suspense>
        </>
      );
    default:
      return assertNever(app);
  }
}

/**
 * The shell: a top bar (name, language, demo notice), the side panel on wide windows, one
 * <main>. On the lock screen (`lock-screen`): larger targets and type, no demo inbox.
 */
export function App() {
  const { t } = useTranslation();
  const app = useStore((s) => s.app);
  const loadApp = useStore((s) => s.loadApp);
  const ready = app.step === 'ready';
  const lockScreen = ready && app.info.lockScreen === true;
  useMainEvents(ready);

  useEffect(() => {
    void loadApp();
  }, [loadApp]);

  return (
    <div className={lockScreen ? 'shell lock-screen' : 'shell'}>
      <header className="top-bar">
        <p className="brand">
          <span className="brand-mark" aria-hidden="true" />
          {t('app.name')}
        </p>
        <LanguageSwitcher />
        {ready && app.info.demo && <DemoBanner inbox={!lockScreen} />}
      </header>
      <div className="frame">
        {app.step === 'ready' && <SidePanel />}
        <main className="content">
          {/* Always present, so the notice set on a wipe is announced (politely); no role="status":
              the screen's own status region stays the only one of that role. */}
          <div aria-live="polite" aria-atomic="true" className="shell-notice" data-testid="shell-notice">
            {ready && app.notice === 'wiped' && <p className="notice">{t('idle.cleared')}</p>}
          </div>
          <Body app={app} />
        </main>
      </div>
    </div>
  );
}
