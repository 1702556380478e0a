import type { StateCreator } from 'zustand';
import { api } from '../bridge/api';
import { call } from './call';
import type { Store } from './store';
import type { AuthAppSetup, ErrorInfo, MethodChoice, SecurityInfo, UserSummary } from './types';

type Async = { loading: boolean; error: ErrorInfo | null };
type AddAppStage = { sub: 'intro'; setup: null } | { sub: 'scan' | 'verify'; setup: AuthAppSetup };

/** The sign-in and security-info flow, one state machine keyed on `step`. */
export type SignInState =
  | ({ step: 'credentials'; userId: string } & Async)
  | ({ step: 'secondFactor'; user: UserSummary; methods: MethodChoice[] } & Async)
  | ({ step: 'overview'; user: UserSummary; info: SecurityInfo | null; addedName: string | null } & Async)
  | ({ step: 'addAuthenticatorApp'; user: UserSummary } & AddAppStage & Async);

export interface SignInSlice {
  signIn: SignInState;
  submitCredentials: (userId: string, password: string) => Promise<void>;
  verifySecondFactor: (methodId: string, code: string) => Promise<void>;
  loadSecurityInfo: () => Promise<void>;
  startAddAuthenticatorApp: () => void;
  /** intro → (begin setup on the main side) → scan → verify. */
  authAppNext: () => Promise<void>;
  /** verify → scan → intro → overview. */
  authAppBack: () => void;
  /** Back to the intro with nothing begun (SETUP_EXPIRED: "Start again"). */
  restartAuthApp: () => void;
  confirmAuthenticatorApp: (code: string, name: string) => Promise<void>;
  signOut: () => Promise<void>;
  /** Back to the credentials step (UNAUTHORIZED, expired session, "Sign in again"). */
  restartSignIn: (userId?: string) => void;
}

const initial: SignInState = { step: 'credentials', userId: '', loading: false, error: null };

export const createSignInSlice: StateCreator<Store, [], [], SignInSlice> = (set, get) => {
  /** Applies `next` only if the flow is still at `step`: a late answer must not drag the user back. */
  const patch = <S extends SignInState['step']>(step: S, next: (s: Extract<SignInState, { step: S }>) => SignInState) => {
    const s = get().signIn;
    if (s.step === step) set({ signIn: next(s as Extract<SignInState, { step: S }>) });
  };

  return {
    signIn: initial,

    submitCredentials: async (userId, password) => {
      patch('credentials', (s) => ({ ...s, userId, loading: true, error: null }));
      const result = await call(() => api().signIn({ userId, password }));
      if (!result.ok) return patch('credentials', (s) => ({ ...s, loading: false, error: result.error }));
      const { status, user, secondFactorMethods } = result.data;
      if (status === 'secondFactorRequired') {
        return patch('credentials', () => ({ step: 'secondFactor', user, methods: secondFactorMethods, loading: false, error: null }));
      }
      patch('credentials', () => ({ step: 'overview', user, info: null, addedName: null, loading: true, error: null }));
      get().setView('securityInfo');
      await get().loadSecurityInfo();
    },

    verifySecondFactor: async (methodId, code) => {
      patch('secondFactor', (s) => ({ ...s, loading: true, error: null }));
      const result = await call(() => api().verifySecondFactor({ methodId, code }));
      if (!result.ok) return patch('secondFactor', (s) => ({ ...s, loading: false, error: result.error }));
      patch('secondFactor', () => ({ step: 'overview', user: result.data.user, info: null, addedName: null, loading: true, error: null }));
      get().setView('securityInfo');
      await get().loadSecurityInfo();
    },

    loadSecurityInfo: async () => {
      patch('overview', (s) => ({ ...s, loading: true, error: null }));
      const result = await call(() => api().getSecurityInfo({}));
      patch('overview', (s) => (result.ok ? { ...s, info: result.data, loading: false, error: null } : { ...s, loading: false, error: result.error }));
    },

    startAddAuthenticatorApp: () =>
      patch('overview', (s) => ({ step: 'addAuthenticatorApp', user: s.user, sub: 'intro', setup: null, loading: false, error: null })),

    authAppNext: async () => {
      const s = get().signIn;
      if (s.step !== 'addAuthenticatorApp') return;
      if (s.sub === 'scan') return set({ signIn: { ...s, sub: 'verify', error: null } });
      if (s.sub !== 'intro') return;
      set({ signIn: { ...s, loading: true, error: null } });
      const result = await call(() => api().beginAuthenticatorApp({}));
      patch('addAuthenticatorApp', (now) =>
        result.ok ? { step: 'addAuthenticatorApp', user: now.user, sub: 'scan', setup: result.data, loading: false, error: null } : { ...now, loading: false, error: result.error },
      );
    },

    authAppBack: () => {
      const s = get().signIn;
      if (s.step !== 'addAuthenticatorApp' || s.loading) return;
      if (s.sub === 'verify') return set({ signIn: { ...s, sub: 'scan', error: null } });
      if (s.sub === 'scan') return set({ signIn: { step: 'addAuthenticatorApp', user: s.user, sub: 'intro', setup: null, loading: false, error: null } });
      set({ signIn: { step: 'overview', user: s.user, info: null, addedName: null, loading: true, error: null } });
      void get().loadSecurityInfo();
    },

    restartAuthApp: () =>
      patch('addAuthenticatorApp', (s) => ({ step: 'addAuthenticatorApp', user: s.user, sub: 'intro', setup: null, loading: false, error: null })),

    confirmAuthenticatorApp: async (code, name) => {
      patch('addAuthenticatorApp', (s) => ({ ...s, loading: true, error: null }));
      const result = await call(() => api().confirmAuthenticatorApp({ code, name }));
      if (!result.ok) return patch('addAuthenticatorApp', (s) => ({ ...s, loading: false, error: result.error }));
      patch('addAuthenticatorApp', (s) => ({ step: 'overview', user: s.user, info: null, addedName: result.data.method.label, loading: true, error: null }));
      await get().loadSecurityInfo();
    },

    signOut: async () => {
      patch('overview', (s) => ({ ...s, loading: true, error: null }));
      // Whatever the answer, the user asked to leave: the main side drops its session too.
      await call(() => api().signOut({}));
      set({ signIn: initial });
      get().setView('home');
    },

    restartSignIn: (userId) => {
      const s = get().signIn;
      const keep = userId ?? (s.step === 'credentials' ? s.userId : s.user.userId);
      set({ signIn: { ...initial, userId: keep } });
      get().setView('signIn');
    },
  };
};
