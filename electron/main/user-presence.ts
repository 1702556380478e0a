import { systemPreferences } from 'electron';
import type { PresenceResult, UserPresence } from '../core/authenticator/user-presence.js';
import { unavailablePresence } from '../core/authenticator/user-presence.js';

/**
 * The OS's user-presence check for this device's authenticator, by platform.
 *
 * - macOS: Touch ID through `systemPreferences.promptTouchID(reason)`; it resolves when the
 *   user passed and rejects when they cancelled or failed (Electron does not tell which),
 *   so a rejection is 'cancelled' — never a code.
 * - Windows: Electron has no Windows Hello API (no `promptTouchID` equivalent), so the check
 *   is 'unavailable' and the feature is off. A missing Windows Hello is a failure, never a
 *   bypass; a native Windows Hello module could implement this interface later.
 * - Linux: no standard presence check (polkit/fprintd are not per-app prompts): 'unavailable'.
 */
export function createUserPresence(platform: NodeJS.Platform = process.platform): UserPresence {
  if (platform !== 'darwin') return unavailablePresence;
  const canPrompt = (): boolean => {
    try {
      return systemPreferences.canPromptTouchID();
    } catch {
      return false;
    }
  };
  return {
    isAvailable: async () => canPrompt(),
    async confirm(reason: string): Promise<PresenceResult> {
      if (!canPrompt()) return 'unavailable';
      try {
        await systemPreferences.promptTouchID(reason);
        return 'success';
      } catch {
        return 'cancelled';
      }
    },
  };
}
