/**
 * What the main side remembers between IPC calls: the tokens and ids the renderer must never
 * see. In memory only — nothing here is persisted, so a kiosk restart forgets everything.
 */

/**
 * One pending setup per kind: adding a phone while an email setup waits does not lose the
 * email's setup id; beginning the same kind again (a resend) replaces it.
 */
export type SetupKind = 'authenticatorApp' | 'phone' | 'email' | 'securityKey';

export class SessionState {
  sessionToken: string | null = null;
  /** Who signed in: this device's authenticator keys its vault entries on it. */
  userId: string | null = null;
  reset: { token: string; userId: string } | null = null;
  private readonly setups = new Map<SetupKind, string>();

  setupId(kind: SetupKind): string | null {
    return this.setups.get(kind) ?? null;
  }

  setSetup(kind: SetupKind, setupId: string): void {
    this.setups.set(kind, setupId);
  }

  clearSetup(kind: SetupKind): void {
    this.setups.delete(kind);
  }

  clearSession(): void {
    this.sessionToken = null;
    this.userId = null;
    this.setups.clear();
  }

  clearReset(): void {
    this.reset = null;
  }

  clearAll(): void {
    this.clearSession();
    this.clearReset();
  }

  /** Anything a walk-away would leave behind: a session, a reset, a pending setup. */
  get holdsAnything(): boolean {
    return this.sessionToken !== null || this.reset !== null || this.setups.size > 0;
  }
}
