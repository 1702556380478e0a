import type { StateCreator } from 'zustand';
import { api } from '../bridge/api';
import { byStrength } from '../lib/method-order';
import { call } from './call';
import type { Store } from './store';
import type { Async, GateMethod, MethodProof, UserSummary } from './types';

/**
 * Sign-in: credentials, then a second factor when the user has a registered method. It ends
 * with an outcome ({ user, elevated }) for the shell; security info is another flow.
 */
export type SignInState =
  | ({ step: 'credentials'; userId: string } & Async)
  /** `methodId`: the method whose Verify step is shown; `methods` strongest first. */
  | ({ step: 'secondFactor'; user: UserSummary; methods: GateMethod[]; methodId: string } & Async);

export interface SignInSlice {
  signIn: SignInState;
  /** Shell only: open the flow at its first step, user id filled in. */
  beginSignIn: (userId?: string) => void;
  submitCredentials: (userId: string, password: string) => Promise<void>;
  chooseSecondFactorMethod: (methodId: string) => void;
  /** The Verify step's proof for the chosen method. */
  verifySecondFactor: (proof: MethodProof) => Promise<void>;
  cancelSignIn: () => void;
  forgotPassword: (userId: string) => void;
  /** ACCOUNT_LOCKED (or too many wrong passwords) at sign-in: "Unlock my account", user id kept. */
  unlockFromSignIn: (userId: string) => void;
  /** PASSWORD_EXPIRED at sign-in: "Change my password", user id kept. */
  changeFromSignIn: (userId: string) => void;
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

    beginSignIn: (userId = '') => set({ signIn: { ...initial, userId } }),

    submitCredentials: async (userId, password) => {
      patch('credentials', (s) => ({ ...s, userId, loading: true, error: null }));
      const result = await call(() => api().signIn({ userId, password }));
      if (!result.ok) return patch('credentials', (s) => ({ ...s, loading: false, error: result.error }));
      const { status, user, secondFactorMethods } = result.data;
      if (status === 'secondFactorRequired') {
        const methods = byStrength(secondFactorMethods);
        return patch('credentials', () => ({ step: 'secondFactor', user, methods, methodId: methods[0]?.id ?? '', loading: false, error: null }));
      }
      // Nothing registered yet: the password alone opens security info (the service says so).
      const signedIn = get().signIn;
      if (signedIn.step !== 'credentials') return;
      set({ signIn: { ...initial, userId: user.userId } });
      get().finishFlow({ flow: 'signIn', kind: 'signedIn', user, elevated: true });
    },

    chooseSecondFactorMethod: (methodId) => patch('secondFactor', (s) => (s.loading ? s : { ...s, methodId, error: null })),

    verifySecondFactor: async (proof) => {
      const s = get().signIn;
      if (s.step !== 'secondFactor' || !s.methodId) return;
      const methodId = s.methodId;
      patch('secondFactor', (now) => ({ ...now, loading: true, error: null }));
      const result = await call(() => api().verifySecondFactor({ methodId, ...proof }));
      if (!result.ok) return patch('secondFactor', (now) => ({ ...now, loading: false, error: result.error }));
      if (get().signIn.step !== 'secondFactor') return;
      set({ signIn: { ...initial, userId: result.data.user.userId } });
      get().finishFlow({ flow: 'signIn', kind: 'signedIn', user: result.data.user, elevated: true });
    },

    cancelSignIn: () => {
      const s = get().signIn;
      // A half-open session (password passed, second factor not) is dropped on the main side too.
      if (s.step === 'secondFactor') void call(() => api().signOut({}));
      set({ signIn: initial });
      get().finishFlow({ flow: 'signIn', kind: 'cancelled' });
    },

    forgotPassword: (userId) => {
      set({ signIn: initial });
      get().finishFlow({ flow: 'signIn', kind: 'forgotPassword', userId });
    },

    unlockFromSignIn: (userId) => {
      set({ signIn: initial });
      get().openUnlock(userId);
    },

    changeFromSignIn: (userId) => {
      set({ signIn: initial });
      get().openChange(userId);
    },
  };
};
