import { create } from 'zustand';
import { createAppSlice, type AppSlice } from './app-slice';
import { createChangeSlice, type ChangeSlice } from './change-slice';
import { createInboxSlice, type InboxSlice } from './inbox-slice';
import { createResetSlice, type ResetSlice } from './reset-slice';
import { createSecurityInfoSlice, type SecurityInfoSlice } from './security-info-slice';
import { createSignInSlice, type SignInSlice } from './sign-in-slice';

/**
 * The whole renderer state: the shell (`app`: which flow is on screen) and one slice per
 * flow, each a state machine keyed on `step`. Flows report outcomes to the shell.
 */
export type Store = AppSlice & SignInSlice & SecurityInfoSlice & ResetSlice & ChangeSlice & InboxSlice;

/** The bound store hook; components select the slice they show. */
export const useStore = create<Store>()((...a) => ({
  ...createAppSlice(...a),
  ...createSignInSlice(...a),
  ...createSecurityInfoSlice(...a),
  ...createResetSlice(...a),
  ...createChangeSlice(...a),
  ...createInboxSlice(...a),
}));

/** Puts every slice back to its first step (tests; a kiosk's idle wipe). */
export function resetStore(): void {
  useStore.setState(useStore.getInitialState(), true);
}
