import type { PresenceResult, UserPresence } from '../core/authenticator/user-presence.js';

/**
 * TEST BOUNDARY. A browser has no OS presence check, so the web host has none ('unavailable'
 * by default, and this device cannot be an authenticator). End-to-end tests of this device's
 * authenticator need the one thing no machine here has — a person touching Touch ID — so
 * `--test-presence=success|cancelled` replaces ONLY the OS prompt's answer; everything behind
 * it (the real keyring, otplib, the service) runs for real. Refused unless the web host runs
 * the embedded demo directory, so it can never stand in for a real user's presence.
 */
export const testPresenceAnswers = ['success', 'cancelled'] as const;
export type TestPresenceAnswer = (typeof testPresenceAnswers)[number];

export const isTestPresenceAnswer = (value: string): value is TestPresenceAnswer => (testPresenceAnswers as readonly string[]).includes(value);

export function fakeOsPresencePrompt(answer: TestPresenceAnswer): UserPresence {
  return {
    isAvailable: async () => true,
    confirm: async (): Promise<PresenceResult> => answer,
  };
}
