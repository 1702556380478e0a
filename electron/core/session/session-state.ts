/**
 * What the main side remembers between IPC calls: the tokens and ids the renderer must never
 * see. In memory only — nothing here is persisted, so a kiosk restart forgets everything.
 */
export class SessionState {
  sessionToken: string | null = null;
  setupId: string | null = null;
  reset: { token: string; userId: string } | null = null;

  clearSession(): void {
    this.sessionToken = null;
    this.setupId = null;
  }

  clearReset(): void {
    this.reset = null;
  }

  clearAll(): void {
    this.clearSession();
    this.clearReset();
  }
}
