/**
 * "Is the user at this device right now?", asked of the OS before a code of this device's
 * authenticator is shown (Touch ID on macOS). Each host supplies its own; the core only sees
 * this closed union, so a platform without a check can never be read as a yes.
 */
export type PresenceResult = 'success' | 'cancelled' | 'unavailable' | 'error';

export interface UserPresence {
  /** Whether the OS can ask at all (a Mac without Touch ID, any Linux: no). */
  isAvailable(): Promise<boolean>;
  /** Ask; `reason` is shown by the OS in the user's language. */
  confirm(reason: string): Promise<PresenceResult>;
}

/** The default everywhere without an OS check: the feature is off, never bypassed. */
export const unavailablePresence: UserPresence = {
  isAvailable: async () => false,
  confirm: async () => 'unavailable',
};
