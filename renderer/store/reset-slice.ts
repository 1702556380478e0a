import type { StateCreator } from 'zustand';
import type { ErrorCode } from '../../contract/errors';
import { api } from '../bridge/api';
import { call } from './call';
import type { Store } from './store';
import type { ErrorInfo, MethodChoice, PasswordPolicy } from './types';

type Async = { loading: boolean; error: ErrorInfo | null };

/** The seed's error cases: startReset answers these with a full error page, not a field error. */
export const blockingCodes: readonly ErrorCode[] = ['PASSWORD_NOT_MANAGED', 'SSPR_NOT_ENABLED', 'NOT_REGISTERED'];

/** The "Forgot my password" flow, one state machine keyed on `step`. */
export type ResetState =
  | ({ step: 'userId'; userId: string } & Async)
  /** `reason` is why reset is impossible; `error`/`loading` belong to the helpdesk request. */
  | ({ step: 'blocked'; userId: string; reason: ErrorInfo; supportCode: string | null } & Async)
  | ({ step: 'verify'; userId: string; required: number; passed: number; methods: MethodChoice[]; usedMethodIds: string[] } & Async)
  | ({ step: 'newPassword'; userId: string; policy: PasswordPolicy | null } & Async)
  | ({ step: 'done'; userId: string } & Async);

export interface ResetSlice {
  reset: ResetState;
  startReset: (userId: string) => Promise<void>;
  verifyReset: (methodId: string, code: string) => Promise<void>;
  loadPasswordPolicy: () => Promise<void>;
  setNewPassword: (newPassword: string) => Promise<void>;
  contactHelpdesk: () => Promise<void>;
  /** Throws away the reset on the main side and goes back to the user id step. */
  restartReset: () => void;
  /** Leaves the flow for the home screen. */
  cancelReset: () => void;
  /** done → the sign-in screen, user id filled in. No automatic sign-in (policy). */
  finishReset: () => void;
}

const initial: ResetState = { step: 'userId', userId: '', loading: false, error: null };

export const createResetSlice: StateCreator<Store, [], [], ResetSlice> = (set, get) => {
  const patch = <S extends ResetState['step']>(step: S, next: (s: Extract<ResetState, { step: S }>) => ResetState) => {
    const s = get().reset;
    if (s.step === step) set({ reset: next(s as Extract<ResetState, { step: S }>) });
  };

  return {
    reset: initial,

    startReset: async (userId) => {
      patch('userId', (s) => ({ ...s, userId, loading: true, error: null }));
      const result = await call(() => api().startReset({ userId }));
      if (result.ok) {
        const { required, methods } = result.data;
        return patch('userId', () => ({ step: 'verify', userId: result.data.userId, required, passed: 0, methods, usedMethodIds: [], loading: false, error: null }));
      }
      if (blockingCodes.includes(result.error.code)) {
        return patch('userId', () => ({ step: 'blocked', userId, reason: result.error, supportCode: null, loading: false, error: null }));
      }
      patch('userId', (s) => ({ ...s, loading: false, error: result.error }));
    },

    verifyReset: async (methodId, code) => {
      patch('verify', (s) => ({ ...s, loading: true, error: null }));
      const result = await call(() => api().verifyReset({ methodId, code }));
      if (!result.ok) return patch('verify', (s) => ({ ...s, loading: false, error: result.error }));
      const { passed, required, complete } = result.data;
      if (!complete) {
        return patch('verify', (s) => ({ ...s, passed, required, usedMethodIds: [...s.usedMethodIds, methodId], loading: false, error: null }));
      }
      patch('verify', (s) => ({ step: 'newPassword', userId: s.userId, policy: null, loading: true, error: null }));
      await get().loadPasswordPolicy();
    },

    loadPasswordPolicy: async () => {
      patch('newPassword', (s) => ({ ...s, loading: true, error: null }));
      const result = await call(() => api().getPasswordPolicy({}));
      patch('newPassword', (s) => (result.ok ? { ...s, policy: result.data, loading: false } : { ...s, loading: false, error: result.error }));
    },

    setNewPassword: async (newPassword) => {
      patch('newPassword', (s) => ({ ...s, loading: true, error: null }));
      const result = await call(() => api().setNewPassword({ newPassword }));
      patch('newPassword', (s) => (result.ok ? { step: 'done', userId: s.userId, loading: false, error: null } : { ...s, loading: false, error: result.error }));
    },

    contactHelpdesk: async () => {
      const s = get().reset;
      if (s.step !== 'blocked') return;
      const reason = s.reason.code === 'SSPR_NOT_ENABLED' || s.reason.code === 'NOT_REGISTERED' || s.reason.code === 'PASSWORD_NOT_MANAGED' ? s.reason.code : 'OTHER';
      patch('blocked', (now) => ({ ...now, loading: true, error: null }));
      const result = await call(() => api().contactHelpdesk({ userId: s.userId, reason }));
      patch('blocked', (now) => (result.ok ? { ...now, supportCode: result.data.supportCode, loading: false } : { ...now, loading: false, error: result.error }));
    },

    restartReset: () => {
      const userId = get().reset.userId;
      void call(() => api().cancelReset({}));
      set({ reset: { ...initial, userId } });
      get().setView('reset');
    },

    cancelReset: () => {
      void call(() => api().cancelReset({}));
      set({ reset: initial });
      get().setView('home');
    },

    finishReset: () => {
      const userId = get().reset.userId;
      set({ reset: initial });
      get().restartSignIn(userId);
    },
  };
};
