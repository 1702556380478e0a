import type { StateCreator } from 'zustand';
import type { ErrorCode } from '../../contract/errors';
import { api } from '../bridge/api';
import { byStrength } from '../lib/method-order';
import { call } from './call';
import type { Store } from './store';
import type { Async, DirectoryPasswordRulesView, ErrorInfo, GateMethod, MethodProof, PasswordPolicy } from './types';

/** What the gates are for: a new password, or lifting the directory's lockout. */
export type ResetMode = 'reset' | 'unlock';

/** The seed's error cases: startReset answers these with a full error page, not a field error. */
export const blockingCodes: readonly ErrorCode[] = ['PASSWORD_NOT_MANAGED', 'SSPR_NOT_ENABLED', 'NOT_REGISTERED'];

/** "Forgot my password": one state machine keyed on `step`. It ends with an outcome for the shell. */
export type ResetState =
  | ({ step: 'userId'; userId: string } & Async)
  /** `reason` is why reset is impossible; `error`/`loading` belong to the helpdesk request. */
  | ({ step: 'blocked'; userId: string; reason: ErrorInfo; supportCode: string | null } & Async)
  /**
   * Pass `required` gates (1 or 2), one method at a time. `methodId` is the method whose
   * Verify step is shown; `usedMethodIds` were passed already and cannot be chosen again.
   */
  | ({ step: 'verify'; userId: string; required: number; passed: number; methods: GateMethod[]; usedMethodIds: string[]; methodId: string } & Async)
  /**
   * `policy` is what the checklist shows: the service's rules, with the directory's rules for
   * this account (`accountRules`, from the last gate) in place of the directory's default ones.
   */
  | ({ step: 'newPassword'; userId: string; policy: PasswordPolicy | null; accountRules: DirectoryPasswordRulesView | null } & Async)
  | ({ step: 'done'; userId: string } & Async);

export interface ResetSlice {
  reset: ResetState;
  /** Shell only: open the flow at its first step; `unlock` passes the same gates, then unlocks. */
  beginReset: (userId?: string, mode?: ResetMode) => void;
  startReset: (userId: string) => Promise<void>;
  chooseResetMethod: (methodId: string) => void;
  /** The Verify step's proof for the chosen method. */
  verifyReset: (proof: MethodProof) => Promise<void>;
  loadPasswordPolicy: () => Promise<void>;
  setNewPassword: (newPassword: string) => Promise<void>;
  contactHelpdesk: () => Promise<void>;
  /** Throws away the reset on the main side and goes back to the user id step. */
  restartReset: () => void;
  /** Leaves the flow (outcome: cancelled). */
  cancelReset: () => void;
  /** done → outcome passwordReset: the shell opens sign-in. No automatic sign-in (policy). */
  finishReset: () => void;
}

const initial: ResetState = { step: 'userId', userId: '', loading: false, error: null };

/**
 * The account's own directory rules replace the default ones (a fine-grained policy may be
 * stricter, or laxer): they are what the directory will apply to this password.
 */
export function forAccount(policy: PasswordPolicy, accountRules: DirectoryPasswordRulesView | null): PasswordPolicy {
  return accountRules ? { ...policy, directory: accountRules } : policy;
}

const firstUnused = (methods: GateMethod[], used: string[]) => methods.find((m) => !used.includes(m.id))?.id ?? '';

export const createResetSlice: StateCreator<Store, [], [], ResetSlice> = (set, get) => {
  const patch = <S extends ResetState['step']>(step: S, next: (s: Extract<ResetState, { step: S }>) => ResetState) => {
    const s = get().reset;
    if (s.step === step) set({ reset: next(s as Extract<ResetState, { step: S }>) });
  };

  return {
    reset: initial,

    beginReset: (userId = '') => set({ reset: { ...initial, userId } }),

    startReset: async (userId) => {
      patch('userId', (s) => ({ ...s, userId, loading: true, error: null }));
      const result = await call(() => api().startReset({ userId }));
      if (result.ok) {
        const { required } = result.data;
        const methods = byStrength(result.data.methods);
        return patch('userId', () => ({ step: 'verify', userId: result.data.userId, required, passed: 0, methods, usedMethodIds: [], methodId: firstUnused(methods, []), loading: false, error: null }));
      }
      if (blockingCodes.includes(result.error.code)) {
        return patch('userId', () => ({ step: 'blocked', userId, reason: result.error, supportCode: null, loading: false, error: null }));
      }
      patch('userId', (s) => ({ ...s, loading: false, error: result.error }));
    },

    chooseResetMethod: (methodId) =>
      patch('verify', (s) => (s.loading || s.usedMethodIds.includes(methodId) ? s : { ...s, methodId, error: null })),

    verifyReset: async (proof) => {
      const s = get().reset;
      if (s.step !== 'verify' || !s.methodId) return;
      const methodId = s.methodId;
      patch('verify', (now) => ({ ...now, loading: true, error: null }));
      const result = await call(() => api().verifyReset({ methodId, ...proof }));
      if (!result.ok) return patch('verify', (now) => ({ ...now, loading: false, error: result.error }));
      const { passed, required, complete, directoryRules } = result.data;
      if (!complete) {
        return patch('verify', (now) => {
          const usedMethodIds = [...now.usedMethodIds, methodId];
          return { ...now, passed, required, usedMethodIds, methodId: firstUnused(now.methods, usedMethodIds), loading: false, error: null };
        });
      }
      patch('verify', (now) => ({ step: 'newPassword', userId: now.userId, policy: null, accountRules: directoryRules ?? null, loading: true, error: null }));
      await get().loadPasswordPolicy();
    },

    loadPasswordPolicy: async () => {
      patch('newPassword', (s) => ({ ...s, loading: true, error: null }));
      const result = await call(() => api().getPasswordPolicy({}));
      patch('newPassword', (s) => (result.ok ? { ...s, policy: forAccount(result.data, s.accountRules), loading: false } : { ...s, loading: false, error: result.error }));
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
    },

    cancelReset: () => {
      void call(() => api().cancelReset({}));
      set({ reset: initial });
      get().finishFlow({ flow: 'reset', kind: 'cancelled' });
    },

    finishReset: () => {
      const userId = get().reset.userId;
      set({ reset: initial });
      get().finishFlow({ flow: 'reset', kind: 'passwordReset', userId });
    },
  };
};
