import type { StateCreator } from 'zustand';
import type { Store } from './store';
import type { Async } from './types';

/**
 * "Change my password": one state machine keyed on `step`. The old password proves who the
 * person is (it counts towards the sign-in limit); it ends with an outcome for the shell.
 * SKELETON: the steps after `form` are filled in with the flow.
 */
export type ChangeState = { step: 'form'; userId: string } & Async;

export interface ChangeSlice {
  change: ChangeState;
  /** Shell only: open the flow at its first step, the user id pre-filled. */
  beginChange: (userId?: string) => void;
  /** Leaves the flow (outcome: cancelled). */
  cancelChange: () => void;
}

const initial: ChangeState = { step: 'form', userId: '', loading: false, error: null };

export const createChangeSlice: StateCreator<Store, [], [], ChangeSlice> = (set, get) => ({
  change: initial,
  beginChange: (userId = '') => set({ change: { ...initial, userId } }),
  cancelChange: () => {
    set({ change: initial });
    get().finishFlow({ flow: 'change', kind: 'cancelled' });
  },
});
