import type { StateCreator } from 'zustand';
import { api } from '../bridge/api';
import { applyLanguage, pickLanguageFrom } from '../i18n';
import { assertNever } from '../lib/assert-never';
import { call } from './call';
import type { FlowOutcome } from './outcomes';
import type { Store } from './store';
import type { AppInfo, ErrorInfo, Language } from './types';
import type { StartFlow } from '../../contract/ipc';

/** The one place that says which flow is on screen. */
export type Flow = 'home' | 'signIn' | 'securityInfo' | 'reset' | 'change' | 'demoInbox';

export type AppState =
  | { step: 'loading'; loading: true; error: null }
  | { step: 'failed'; loading: boolean; error: ErrorInfo }
  | { step: 'ready'; info: AppInfo; flow: Flow; returnTo: Flow; loading: boolean; error: ErrorInfo | null; notice?: ShellNotice | null };

/** A polite message the shell itself shows above the flow (the flow's own Screen can't know it). */
export type ShellNotice = 'wiped';

/** Why the main side cleared the session (`session.wiped`). */
export type WipeReason = 'idle' | 'signedOut' | 'lockScreenDone';

export interface AppSlice {
  app: AppState;
  /** Loads AppInfo once at start, picks the language, tells the main side, opens the first flow. */
  loadApp: () => Promise<void>;
  /** From home: open sign-in or "Forgot my password" at their first step. */
  openSignIn: () => void;
  openReset: () => void;
  /** "Unlock my account": the reset flow in unlock mode (the password stays). */
  openUnlock: (userId?: string) => void;
  /** "Change my password": the change flow. */
  openChange: (userId?: string) => void;
  /** The main side's `app.navigate`: switch the running app to that flow, id pre-filled. */
  navigate: (flow: StartFlow, userId?: string) => void;
  /** The main side's `session.wiped`: every flow back to its start, app info and language kept. */
  sessionWiped: (reason: WipeReason) => void;
  /** The lock-screen done screen's way out: the app closes (and the core wipes). */
  leaveLockScreen: () => void;
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

export const createAppSlice: StateCreator<Store, [], [], AppSlice> = (set, get, store) => {
  const setFlow = (flow: Flow) => {
    const app = get().app;
    if (app.step === 'ready') set({ app: { ...app, flow, error: null, notice: null } });
  };

  /**
   * Starts a flow the main side asked for (start flow, app.navigate) and says which flow
   * that is. The lock screen offers only reset and unlock: anything else becomes reset.
   */
  const begin = (flow: StartFlow, userId: string | undefined, lockScreen: boolean): Flow => {
    switch (flow) {
      case 'reset':
        get().beginReset(userId);
        return 'reset';
      case 'unlock':
        get().beginReset(userId, 'unlock');
        return 'reset';
      case 'change':
        if (lockScreen) return begin('reset', userId, lockScreen);
        get().beginChange(userId);
        return 'change';
      case 'home':
        if (lockScreen) return begin('reset', userId, lockScreen);
        return 'home';
      default:
        return assertNever(flow);
    }
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
      const flow = begin(info.startFlow, info.startUserId, info.lockScreen === true);
      set({ app: { step: 'ready', info, flow, returnTo: flow, loading: false, error: null, notice: null } });
    },

    openSignIn: () => {
      get().beginSignIn();
      setFlow('signIn');
    },

    openReset: () => {
      get().beginReset();
      setFlow('reset');
    },

    openUnlock: (userId) => {
      get().beginReset(userId, 'unlock');
      setFlow('reset');
    },

    openChange: (userId) => {
      const app = get().app;
      // The lock screen has no change flow (the person can't sign in there).
      if (app.step === 'ready' && app.info.lockScreen) return get().openReset();
      get().beginChange(userId);
      setFlow('change');
    },

    navigate: (flow, userId) => {
      const app = get().app;
      if (app.step !== 'ready') return;
      setFlow(begin(flow, userId, app.info.lockScreen === true));
    },

    sessionWiped: (reason) => {
      const app = get().app;
      if (app.step !== 'ready') return;
      const { info } = app;
      // Every slice back to its initial state (what was typed, sessions, codes), then the first screen.
      set({ ...store.getInitialState(), app }, true);
      const flow = begin(info.startFlow, info.startUserId, info.lockScreen === true);
      set({ app: { step: 'ready', info, flow, returnTo: flow, loading: false, error: null, notice: 'wiped' } });
      // An unattended lock screen closes itself: the sign-in screen behind it comes back.
      if (info.lockScreen && reason === 'idle') void call(() => api().quitApp({}));
    },

    leaveLockScreen: () => void call(() => api().quitApp({})),

    finishFlow: (outcome) => {
      const app = get().app;
      // The lock screen has no sign-in or security info: whatever would open them goes home
      // (reset and unlock only). Its done screens leave through leaveLockScreen instead.
      if (app.step === 'ready' && app.info.lockScreen && outcome.kind !== 'closed' && outcome.kind !== 'forgotPassword') return setFlow('home');
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
