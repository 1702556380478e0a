import type { StateCreator } from 'zustand';
import { api } from '../bridge/api';
import { call } from './call';
import type { Store } from './store';
import type { Async, PasswordPolicy } from './types';

/**
 * "Change my password": one state machine keyed on `step`. The old password proves who the
 * person is (it counts towards the sign-in limit); it ends with an outcome for the shell.
 * `form` keeps the user id the person typed, so a refusal comes back with it in place.
 */
export type ChangeState =
  | ({ step: 'form'; userId: string; policy: PasswordPolicy | null } & Async)
  /** Changed: no automatic sign-in, the person signs in with the new password. */
  | ({ step: 'done'; userId: string } & Async);

export interface ChangeRequest {
  userId: string;
  oldPassword: string;
  newPassword: string;
}

export interface ChangeSlice {
  change: ChangeState;
  /** Shell only: open the flow at its first step, the user id pre-filled. */
  beginChange: (userId?: string) => void;
  /** The rules the checklist shows (the service's and the directory's default ones). */
  loadChangePolicy: () => Promise<void>;
  /** The directory decides: a refusal stays on the form, with the user id as typed. */
  submitChange: (request: ChangeRequest) => Promise<void>;
  /** done → outcome passwordChanged: the shell opens sign-in with the user id. */
  finishChange: () => void;
  /** ACCOUNT_LOCKED or too many tries: unlock the account instead (the reset's gates). */
  unlockInstead: () => void;
  /** Leaves the flow (outcome: cancelled). */
  cancelChange: () => void;
}

const initial: ChangeState = { step: 'form', userId: '', policy: null, loading: false, error: null };

/** The shell's way into unlock, once it has one (app-slice); typed loosely until then. */
type MaybeUnlock = { openUnlock?: (userId?: string) => void };

export const createChangeSlice: StateCreator<Store, [], [], ChangeSlice> = (set, get) => {
  const patchForm = (f: (s: Extract<ChangeState, { step: 'form' }>) => ChangeState) => {
    const now = get().change;
    if (now.step === 'form') set({ change: f(now) });
  };

  return {
    change: initial,
    beginChange: (userId = '') => set({ change: { ...initial, userId } }),

    loadChangePolicy: async () => {
      patchForm((s) => ({ ...s, loading: true, error: null }));
      const result = await call(() => api().getPasswordPolicy({}));
      patchForm((s) => (result.ok ? { ...s, policy: result.data, loading: false } : { ...s, loading: false, error: result.error }));
    },

    submitChange: async ({ userId, oldPassword, newPassword }) => {
      patchForm((s) => ({ ...s, userId, loading: true, error: null }));
      const result = await call(() => api().changePassword({ userId, oldPassword, newPassword }));
      patchForm((s) => (result.ok ? { step: 'done', userId, loading: false, error: null } : { ...s, loading: false, error: result.error }));
    },

    finishChange: () => {
      const { userId } = get().change;
      set({ change: initial });
      get().finishFlow({ flow: 'change', kind: 'passwordChanged', userId });
    },

    unlockInstead: () => {
      const { userId } = get().change;
      set({ change: initial });
      const shell = get() as Store & MaybeUnlock;
      if (shell.openUnlock) return shell.openUnlock(userId);
      // Until the shell has its own way into unlock: reset's way in, then the unlock mode.
      get().finishFlow({ flow: 'signIn', kind: 'forgotPassword', userId });
      get().beginReset(userId, 'unlock');
    },

    cancelChange: () => {
      set({ change: initial });
      get().finishFlow({ flow: 'change', kind: 'cancelled' });
    },
  };
};
