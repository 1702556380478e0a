import type { UserSummary } from './types';

/**
 * How a flow ended. Flows never navigate each other: they report one of these to the shell
 * (`finishFlow`), and the shell alone decides which flow comes next (app-slice.ts).
 */
export type FlowOutcome =
  /** Password (and a second factor when one is registered) passed: security info may open. */
  | { flow: 'signIn'; kind: 'signedIn'; user: UserSummary; elevated: boolean }
  | { flow: 'signIn'; kind: 'cancelled' }
  | { flow: 'signIn'; kind: 'forgotPassword'; userId: string }
  | { flow: 'securityInfo'; kind: 'signedOut' }
  /** The session is gone (UNAUTHORIZED, expired): sign in again, user id kept. */
  | { flow: 'securityInfo'; kind: 'sessionEnded'; userId: string }
  | { flow: 'reset'; kind: 'cancelled' }
  /** No automatic sign-in after a reset (policy): the shell opens sign-in with the user id. */
  | { flow: 'reset'; kind: 'passwordReset'; userId: string }
  /** An unlock passed its gates: the account is unlocked, the password unchanged. */
  | { flow: 'reset'; kind: 'unlocked'; userId: string }
  | { flow: 'change'; kind: 'cancelled' }
  /** The password was changed: sign in with the new one (no automatic sign-in). */
  | { flow: 'change'; kind: 'passwordChanged'; userId: string }
  | { flow: 'demoInbox'; kind: 'closed' };
