import type { StateCreator } from 'zustand';
import { api } from '../bridge/api';
import { applyLanguage, pickLanguageFrom } from '../i18n';
import { assertNever } from '../lib/assert-never';
import { call } from './call';
import type { FlowOutcome } from './outcomes';
import type { Store } from './store';
import type { AppInfo, ErrorInfo, Language } from './types';

/** The one place that says which flow is on screen. */
export type Flow = 'home' | 'signIn' | 'securityInfo' | 'reset' | 'change' | 'demoInbox';

export type AppState =
  | { step: 'loading'; loading: true; error: null }
  | { step: 'failed'; loading: boolean; error: ErrorInfo }
  | { step: 'ready'; info: AppInfo; flow: Flow; returnTo: Flow; loading: boolean; error: ErrorInfo | null };

export interface AppSlice {
  app: AppState;
  /** Loads AppInfo once at start, picks the language, tells the main side, opens the first flow. */
  loadApp: () => Promise<void>;
  /** From home: open sign-in or "Forgot my password" at their first step. */
  openSignIn: () => void;
  openReset: () => void;
  /** The shell's router: a flow says how it ended, the shell decides what comes next. */
  finishFlow: (outcome: FlowOutcome) => void;
  openDemoInbox: () => void;
  closeDemoInbox: () => void;
  /** Switches the UI language now and stores the choice on the main side. */
  changeLanguage: (language: Language) => Promise<void>;
}

/** The browser's languages, most preferred first (the web host follows them when none was chosen). */
function browserLocales(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages?.length ? navigator.languages : navigator.language ? [navigator.language] : [];
}

export const createAppSlice: StateCreator<Store, [], [], AppSlice> = (set, get) => {
  const setFlow = (flow: Flow) => {
    const app = get().app;
    if (app.step === 'ready') set({ app: { ...app, flow, error: null } });
  };

  return {
    app: { step: 'loading', loading: true, error: null },

    loadApp: async () => {
      set({ app: { step: 'loading', loading: true, error: null } });
      const result = await call(() => api().getAppInfo({}));
      if (!result.ok) {
        set({ app: { step: 'failed', loading: false, error: result.error } });
        return;
      }
      const info = result.data;
      // In a browser the page's own languages are the person's; in Electron the OS locale is.
      const locales = info.host === 'web' ? [...browserLocales(), info.systemLocale] : [info.systemLocale];
      const language = pickLanguageFrom(info.language, locales);
      await applyLanguage(language);
      // The service writes codes and notifications in the language the person reads now;
      // `remember: false` because nobody chose it yet. A failure here must not stop the app.
      void call(() => api().setLanguage({ language, remember: false }));
      if (info.startFlow === 'reset') get().beginReset();
      const flow: Flow = info.startFlow === 'reset' ? 'reset' : 'home';
      set({ app: { step: 'ready', info, flow, returnTo: flow, loading: false, error: null } });
    },

    openSignIn: () => {
      get().beginSignIn();
      setFlow('signIn');
    },

    openReset: () => {
      get().beginReset();
      setFlow('reset');
    },

    finishFlow: (outcome) => {
      switch (outcome.kind) {
        case 'signedIn':
          get().beginSecurityInfo(outcome.user, outcome.elevated);
          return setFlow('securityInfo');
        case 'forgotPassword':
          get().beginReset(outcome.userId);
          return setFlow('reset');
        case 'sessionEnded':
        case 'passwordReset':
        case 'unlocked':
        case 'passwordChanged':
          get().beginSignIn(outcome.userId);
          return setFlow('signIn');
        case 'cancelled':
        case 'signedOut':
          return setFlow('home');
        case 'closed': {
          // Back to where the user was: the flow slices kept their steps meanwhile.
          const app = get().app;
          if (app.step === 'ready') set({ app: { ...app, flow: app.returnTo } });
          return;
        }
        default:
          return assertNever(outcome);
      }
    },

    openDemoInbox: () => {
      const app = get().app;
      if (app.step !== 'ready' || app.flow === 'demoInbox') return;
      set({ app: { ...app, flow: 'demoInbox', returnTo: app.flow } });
      void get().loadInbox();
    },

    closeDemoInbox: () => get().finishFlow({ flow: 'demoInbox', kind: 'closed' }),

    changeLanguage: async (language) => {
      const app = get().app;
      if (app.step !== 'ready' || app.info.languageLocked) return;
      await applyLanguage(language);
      set({ app: { ...app, info: { ...app.info, language }, loading: true, error: null } });
      const result = await call(() => api().setLanguage({ language, remember: true }));
      const now = get().app;
      if (now.step !== 'ready') return;
      set({ app: { ...now, loading: false, error: result.ok ? null : result.error } });
    },
  };
};
