import type { StateCreator } from 'zustand';
import { api } from '../bridge/api';
import { call } from './call';
import type { Store } from './store';
import type { Async, MethodType, SecurityInfo, SecurityInfoMethod, UserSummary } from './types';

/** Who is signed in; `elevated`: a second factor was passed (or none was registered to pass). */
type Session = { user: UserSummary; elevated: boolean };
/** Where an add began: the page itself, or the registration the organization asks for at launch. */
export type AddFrom = 'overview' | 'register';

/** What just happened, said once in the page's polite status region. */
export type Notice =
  | { kind: 'added' | 'removed' | 'renamed' | 'defaultSet'; name: string }
  | { kind: 'reconfirmed' }
  | { kind: 'skipped'; skipsLeft: number };

/** The Security info page and its sub-steps, one state machine keyed on `step`. */
export type SecurityInfoState =
  | { step: 'closed'; loading: false; error: null }
  | ({ step: 'overview'; info: SecurityInfo | null; notice: Notice | null } & Session & Async)
  /** Enforced registration: `requiredAtLaunch && !registrationComplete` right after sign-in. */
  | ({ step: 'register'; info: SecurityInfo; notice: Notice | null } & Session & Async)
  | ({ step: 'choose'; info: SecurityInfo; from: AddFrom } & Session & Async)
  /** A method module's add wizard is on screen (methodScreens[type].Add). */
  | ({ step: 'add'; info: SecurityInfo; type: MethodType; from: AddFrom } & Session & Async)
  | ({ step: 'rename'; info: SecurityInfo; method: SecurityInfoMethod } & Session & Async)
  | ({ step: 'remove'; info: SecurityInfo; method: SecurityInfoMethod } & Session & Async)
  /** The seed's step 3: "Done" — what is now possible with the registered methods. */
  | ({ step: 'done'; info: SecurityInfo } & Session & Async);

type Open = Exclude<SecurityInfoState, { step: 'closed' }>;

export interface SecurityInfoSlice {
  securityInfo: SecurityInfoState;
  /** Shell only: open the page for a signed-in user; leads to registration when the policy asks. */
  beginSecurityInfo: (user: UserSummary, elevated: boolean) => void;
  loadSecurityInfo: () => Promise<void>;
  chooseMethodToAdd: () => void;
  startAdd: (type: MethodType) => void;
  /** The add wizard registered a method (AddWizardProps.onAdded). */
  methodAdded: (method: SecurityInfoMethod) => Promise<void>;
  /** The add wizard was left (AddWizardProps.onCancel), or "Back" from the chooser. */
  cancelAdd: () => void;
  startRename: (methodId: string) => void;
  submitRename: (name: string) => Promise<void>;
  startRemove: (methodId: string) => void;
  confirmRemove: () => Promise<void>;
  setDefaultMethod: (methodId: string) => Promise<void>;
  reconfirm: () => Promise<void>;
  skipRegistration: () => Promise<void>;
  /** "Done": the summary of what is now possible. */
  finishSecurityInfo: () => void;
  backToOverview: () => void;
  signOut: () => Promise<void>;
  /** UNAUTHORIZED or an expired session: the shell opens sign-in again. */
  signInAgain: () => void;
}

const closed: SecurityInfoState = { step: 'closed', loading: false, error: null };

/** The policy asks this user to register now (the service decides both flags). */
export const needsRegistration = (info: SecurityInfo) => info.requiredAtLaunch && !info.registrationComplete;

export const createSecurityInfoSlice: StateCreator<Store, [], [], SecurityInfoSlice> = (set, get) => {
  const open = (): Open | null => {
    const s = get().securityInfo;
    return s.step === 'closed' ? null : s;
  };
  const patch = <S extends Open['step']>(step: S, next: (s: Extract<Open, { step: S }>) => SecurityInfoState) => {
    const s = get().securityInfo;
    if (s.step === step) set({ securityInfo: next(s as Extract<Open, { step: S }>) });
  };
  const session = (s: Open): Session => ({ user: s.user, elevated: s.elevated });

  /** Reads security info again and lands on `target`; at launch, registration comes first when asked. */
  const reload = async (target: 'overview' | 'register', notice: Notice | null, atLaunch = false) => {
    const s = open();
    if (!s) return;
    const info = 'info' in s ? s.info : null;
    if (target === 'register' && info) set({ securityInfo: { step: 'register', ...session(s), info, notice, loading: true, error: null } });
    else set({ securityInfo: { step: 'overview', ...session(s), info, notice, loading: true, error: null } });
    const result = await call(() => api().getSecurityInfo({}));
    const now = get().securityInfo;
    if (now.step !== 'overview' && now.step !== 'register') return;
    if (!result.ok) return set({ securityInfo: { ...now, loading: false, error: result.error } });
    const fresh = result.data;
    const register = (atLaunch || now.step === 'register') && needsRegistration(fresh);
    set({ securityInfo: register ? { step: 'register', ...session(now), info: fresh, notice, loading: false, error: null } : { step: 'overview', ...session(now), info: fresh, notice, loading: false, error: null } });
  };

  const findMethod = (s: Open, methodId: string) => ('info' in s && s.info ? s.info.methods.find((m) => m.id === methodId) : undefined);

  return {
    securityInfo: closed,

    beginSecurityInfo: (user, elevated) => {
      set({ securityInfo: { step: 'overview', user, elevated, info: null, notice: null, loading: true, error: null } });
      void reload('overview', null, true);
    },

    loadSecurityInfo: async () => {
      const s = open();
      await reload(s?.step === 'register' ? 'register' : 'overview', null);
    },

    chooseMethodToAdd: () => {
      const s = open();
      if (!s || (s.step !== 'overview' && s.step !== 'register') || !s.info || s.loading) return;
      set({ securityInfo: { step: 'choose', ...session(s), info: s.info, from: s.step, loading: false, error: null } });
    },

    startAdd: (type) => patch('choose', (s) => ({ step: 'add', ...session(s), info: s.info, type, from: s.from, loading: false, error: null })),

    methodAdded: async (method) => {
      const s = get().securityInfo;
      if (s.step !== 'add') return;
      await reload(s.from, { kind: 'added', name: method.label });
    },

    cancelAdd: () => {
      const s = get().securityInfo;
      if (s.step !== 'add' && s.step !== 'choose') return;
      const info = s.info;
      set({ securityInfo: s.from === 'register' ? { step: 'register', ...session(s), info, notice: null, loading: false, error: null } : { step: 'overview', ...session(s), info, notice: null, loading: false, error: null } });
    },

    startRename: (methodId) =>
      patch('overview', (s) => {
        const method = findMethod(s, methodId);
        return method && s.info ? { step: 'rename', ...session(s), info: s.info, method, loading: false, error: null } : s;
      }),

    submitRename: async (name) => {
      const s = get().securityInfo;
      if (s.step !== 'rename') return;
      patch('rename', (now) => ({ ...now, loading: true, error: null }));
      const result = await call(() => api().renameMethod({ methodId: s.method.id, name }));
      if (!result.ok) return patch('rename', (now) => ({ ...now, loading: false, error: result.error }));
      if (get().securityInfo.step !== 'rename') return;
      await reload('overview', { kind: 'renamed', name: result.data.method.label });
    },

    startRemove: (methodId) =>
      patch('overview', (s) => {
        const method = findMethod(s, methodId);
        return method && s.info ? { step: 'remove', ...session(s), info: s.info, method, loading: false, error: null } : s;
      }),

    confirmRemove: async () => {
      const s = get().securityInfo;
      if (s.step !== 'remove') return;
      patch('remove', (now) => ({ ...now, loading: true, error: null }));
      const result = await call(() => api().removeMethod({ methodId: s.method.id }));
      if (!result.ok) return patch('remove', (now) => ({ ...now, loading: false, error: result.error }));
      if (get().securityInfo.step !== 'remove') return;
      await reload('overview', { kind: 'removed', name: s.method.label });
    },

    setDefaultMethod: async (methodId) => {
      const s = get().securityInfo;
      if (s.step !== 'overview' || s.loading) return;
      const method = findMethod(s, methodId);
      patch('overview', (now) => ({ ...now, notice: null, loading: true, error: null }));
      const result = await call(() => api().setDefaultMethod({ methodId }));
      if (!result.ok) return patch('overview', (now) => ({ ...now, loading: false, error: result.error }));
      await reload('overview', { kind: 'defaultSet', name: method?.label ?? '' });
    },

    reconfirm: async () => {
      const s = get().securityInfo;
      if (s.step !== 'overview' || s.loading) return;
      patch('overview', (now) => ({ ...now, notice: null, loading: true, error: null }));
      const result = await call(() => api().reconfirmSecurityInfo({}));
      if (!result.ok) return patch('overview', (now) => ({ ...now, loading: false, error: result.error }));
      await reload('overview', { kind: 'reconfirmed' });
    },

    skipRegistration: async () => {
      const s = get().securityInfo;
      if (s.step !== 'register' || s.loading || s.info.skipsLeft <= 0) return;
      patch('register', (now) => ({ ...now, notice: null, loading: true, error: null }));
      const result = await call(() => api().skipRegistration({}));
      if (!result.ok) return patch('register', (now) => ({ ...now, loading: false, error: result.error }));
      const { skipsLeft } = result.data;
      patch('register', (now) => ({ step: 'overview', ...session(now), info: { ...now.info, skipsLeft }, notice: { kind: 'skipped', skipsLeft }, loading: false, error: null }));
    },

    finishSecurityInfo: () =>
      patch('overview', (s) => (s.info && !s.loading ? { step: 'done', ...session(s), info: s.info, loading: false, error: null } : s)),

    backToOverview: () => {
      const s = open();
      if (!s || s.step === 'overview' || s.step === 'register' || s.step === 'add') return;
      if (s.step === 'choose') return get().cancelAdd();
      set({ securityInfo: { step: 'overview', ...session(s), info: s.info, notice: null, loading: false, error: null } });
    },

    signOut: async () => {
      const s = open();
      if (s) set({ securityInfo: { ...s, loading: true, error: null } });
      // Whatever the answer, the user asked to leave: the main side drops its session too.
      await call(() => api().signOut({}));
      set({ securityInfo: closed });
      get().finishFlow({ flow: 'securityInfo', kind: 'signedOut' });
    },

    signInAgain: () => {
      const s = open();
      const userId = s?.user.userId ?? '';
      set({ securityInfo: closed });
      get().finishFlow({ flow: 'securityInfo', kind: 'sessionEnded', userId });
    },
  };
};
