import type { AuditEvent, HelpdeskRequest, ResetRecord, SessionRecord, SetupRecord, Store, StoredMethod } from './store.js';

const live = <T extends { expiresAt: number }>(record: T | undefined, now: number): T | null =>
  record && record.expiresAt > now ? record : null;

/**
 * The store of the embedded demo and of unit tests: everything in memory, lost on restart
 * (the demo resets on purpose). Records are copied in and out so callers cannot mutate state
 * behind the store's back, as they could not with a database.
 */
export class MemoryStore implements Store {
  private readonly methods = new Map<string, StoredMethod>();
  private readonly sessions = new Map<string, SessionRecord>();
  private readonly setups = new Map<string, SetupRecord>();
  private readonly resets = new Map<string, ResetRecord>();
  private readonly failures = new Map<string, number[]>();
  private readonly blocks = new Map<string, number>();
  private readonly audit: AuditEvent[] = [];
  private readonly helpdesk: HelpdeskRequest[] = [];

  async listMethods(userId: string): Promise<StoredMethod[]> {
    const key = userId.toLowerCase();
    return [...this.methods.values()].filter((m) => m.userId.toLowerCase() === key).map((m) => ({ ...m }));
  }
  async addMethod(method: StoredMethod): Promise<void> {
    this.methods.set(method.id, { ...method });
  }
  async advanceTotpStep(methodId: string, step: number): Promise<boolean> {
    const method = this.methods.get(methodId);
    if (!method || (method.lastUsedStep !== undefined && step <= method.lastUsedStep)) return false;
    method.lastUsedStep = step;
    return true;
  }

  async putSession(session: SessionRecord): Promise<void> {
    this.sessions.set(session.tokenHash, { ...session });
  }
  async getSession(tokenHash: string, now: number): Promise<SessionRecord | null> {
    const s = live(this.sessions.get(tokenHash), now);
    return s && { ...s };
  }
  async deleteSession(tokenHash: string): Promise<void> {
    this.sessions.delete(tokenHash);
  }

  async putSetup(setup: SetupRecord): Promise<void> {
    this.setups.set(setup.id, { ...setup });
  }
  async getSetup(id: string, now: number): Promise<SetupRecord | null> {
    const s = live(this.setups.get(id), now);
    return s && { ...s };
  }
  async takeSetup(id: string, now: number): Promise<SetupRecord | null> {
    const s = live(this.setups.get(id), now);
    this.setups.delete(id);
    return s && { ...s };
  }

  async putReset(reset: ResetRecord): Promise<void> {
    this.resets.set(reset.tokenHash, { ...reset, offeredMethodIds: [...reset.offeredMethodIds], passedMethodIds: [...reset.passedMethodIds] });
  }
  async getReset(tokenHash: string, now: number): Promise<ResetRecord | null> {
    const r = live(this.resets.get(tokenHash), now);
    return r && { ...r, offeredMethodIds: [...r.offeredMethodIds], passedMethodIds: [...r.passedMethodIds] };
  }

  async recordFailure(key: string, now: number, windowMs: number): Promise<number> {
    const recent = (this.failures.get(key) ?? []).filter((t) => t > now - windowMs);
    recent.push(now);
    this.failures.set(key, recent);
    return recent.length;
  }
  async clearFailures(key: string): Promise<void> {
    this.failures.delete(key);
  }
  async setBlock(key: string, until: number): Promise<void> {
    this.blocks.set(key, until);
  }
  async blockedUntil(key: string, now: number): Promise<number | null> {
    const until = this.blocks.get(key);
    return until !== undefined && until > now ? until : null;
  }

  async appendAudit(event: AuditEvent): Promise<void> {
    this.audit.push({ ...event });
  }
  async listAudit(): Promise<AuditEvent[]> {
    return this.audit.map((e) => ({ ...e }));
  }
  async addHelpdeskRequest(request: HelpdeskRequest): Promise<void> {
    this.helpdesk.push({ ...request });
  }
}
