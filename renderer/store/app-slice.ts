import type { StateCreator } from 'zustand';
import { api } from '../bridge/api';
import { applyLanguage, pickLanguage } from '../i18n';
import { call } from './call';
import type { Store } from './store';
import type { AppInfo, ErrorInfo, Language } from './types';

/** The screens the shell can show; signIn and securityInfo share the sign-in flow's store. */
export type View = 'home' | 'signIn' | 'securityInfo' | 'reset' | 'demoInbox';

export type AppState =
  | { step: 'loading'; loading: true; error: null }
  | { step: 'failed'; loading: boolean; error: ErrorInfo }
  | { step: 'ready'; info: AppInfo; view: View; returnTo: View; loading: boolean; error: ErrorInfo | null };

export interface AppSlice {
  app: AppState;
  /** Loads AppInfo once at start, picks the language and the first view. */
  loadApp: () => Promise<void>;
  setView: (view: View) => void;
  openDemoInbox: () => void;
  closeDemoInbox: () => void;
  /** Switches the UI language now and stores the choice on the main side. */
  changeLanguage: (language: Language) => Promise<void>;
}

export const createAppSlice: StateCreator<Store, [], [], AppSlice> = (set, get) => ({
  app: { step: 'loading', loading: true, error: null },

  loadApp: async () => {
    set({ app: { step: 'loading', loading: true, error: null } });
    const result = await call(() => api().getAppInfo({}));
    if (!result.ok) {
      set({ app: { step: 'failed', loading: false, error: result.error } });
      return;
    }
    const info = result.data;
    await applyLanguage(pickLanguage(info.language, info.systemLocale));
    const view: View = info.startFlow === 'reset' ? 'reset' : 'home';
    set({ app: { step: 'ready', info, view, returnTo: view, loading: false, error: null } });
  },

  setView: (view) => {
    const app = get().app;
    if (app.step !== 'ready') return;
    set({ app: { ...app, view, error: null } });
  },

  openDemoInbox: () => {
    const app = get().app;
    if (app.step !== 'ready' || app.view === 'demoInbox') return;
    set({ app: { ...app, view: 'demoInbox', returnTo: app.view } });
    void get().loadInbox();
  },

  closeDemoInbox: () => {
    const app = get().app;
    if (app.step !== 'ready') return;
    // Back to where the user was: the flow stores kept their steps meanwhile.
    set({ app: { ...app, view: app.returnTo } });
  },

  changeLanguage: async (language) => {
    const app = get().app;
    if (app.step !== 'ready' || app.info.languageLocked) return;
    await applyLanguage(language);
    set({ app: { ...app, info: { ...app.info, language }, loading: true, error: null } });
    const result = await call(() => api().setLanguage({ language }));
    const now = get().app;
    if (now.step !== 'ready') return;
    set({ app: { ...now, loading: false, error: result.ok ? null : result.error } });
  },
});
