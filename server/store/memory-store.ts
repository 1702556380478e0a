import type { AuditEvent, ChallengeRecord, HelpdeskRequest, Limit, ProfileUpdate, Reservation, ResetRecord, SessionRecord, SetupRecord, Store, StoredMethod, UserProfile } from './store.js';

const live = <T extends { expiresAt: number }>(record: T | undefined, now: number): T | null =>
  record && record.expiresAt > now ? record : null;
const copy = <T>(value: T): T => structuredClone(value);

/**
 * The store of the embedded demo and of unit tests: everything in memory, lost on restart
 * (the demo resets on purpose). Records are copied in and out so callers cannot mutate state
 * behind the store's back, as they could not with a database.
 */
export class MemoryStore implements Store {
  private readonly methods = new Map<string, StoredMethod>();
  private readonly profiles = new Map<string, UserProfile>();
  private readonly sessions = new Map<string, SessionRecord>();
  private readonly setups = new Map<string, SetupRecord>();
  private readonly challenges = new Map<string, ChallengeRecord>();
  private readonly resets = new Map<string, ResetRecord>();
  /** Events per key, each with the end of the window it was counted in (so sweep can drop it). */
  private readonly failures = new Map<string, { id: string; at: number; expiresAt: number }[]>();
  /** Until when a key is blocked, and which reservation set the block. */
  private readonly blocks = new Map<string, { until: number; setBy?: string }>();
  private nextEventId = 1;
  private readonly audit: AuditEvent[] = [];
  private readonly helpdesk: HelpdeskRequest[] = [];

  async listMethods(userId: string): Promise<StoredMethod[]> {
    const key = userId.toLowerCase();
    return [...this.methods.values()].filter((m) => m.userId.toLowerCase() === key).map(copy);
  }
  async addMethod(method: StoredMethod): Promise<void> {
    this.methods.set(method.id, copy(method));
  }
  // No await inside: atomic on the event loop.
  async addMethodUnder(method: StoredMethod, max: number, replacing: readonly string[] = []): Promise<boolean> {
    const user = method.userId.toLowerCase();
    const mine = (m: StoredMethod) => m.userId.toLowerCase() === user;
    const kept = [...this.methods.values()].filter((m) => mine(m) && m.type === method.type && !replacing.includes(m.id));
    if (kept.length >= max) return false;
    for (const id of replacing) if (this.methods.get(id) && mine(this.methods.get(id)!)) this.methods.delete(id);
    this.methods.set(method.id, copy(method));
    return true;
  }
  async removeMethod(userId: string, methodId: string): Promise<boolean> {
    const method = this.methods.get(methodId);
    if (!method || method.userId.toLowerCase() !== userId.toLowerCase()) return false;
    return this.methods.delete(methodId);
  }
  async renameMethod(methodId: string, label: string): Promise<void> {
    const method = this.methods.get(methodId);
    if (method) method.label = label;
  }
  async advanceTotpStep(methodId: string, step: number): Promise<boolean> {
    const method = this.methods.get(methodId);
    if (method?.type !== 'authenticatorApp' || (method.lastUsedStep !== undefined && step <= method.lastUsedStep)) return false;
    method.lastUsedStep = step;
    return true;
  }
  async advanceCounter(methodId: string, counter: number): Promise<boolean> {
    const method = this.methods.get(methodId);
    if (method?.type !== 'securityKey') return false;
    const stored = method.counter;
    if (!(counter > stored || (counter === 0 && stored === 0))) return false;
    method.counter = counter;
    return true;
  }
  async getProfile(userId: string): Promise<UserProfile | null> {
    const p = this.profiles.get(userId.toLowerCase());
    return p ? copy(p) : null;
  }
  async putProfile({ userId, defaultMethodId, reconfirmedAt }: ProfileUpdate): Promise<void> {
    const skipsUsed = this.profiles.get(userId.toLowerCase())?.skipsUsed ?? 0;
    this.profiles.set(userId.toLowerCase(), { userId, skipsUsed, ...(defaultMethodId !== undefined ? { defaultMethodId } : {}), ...(reconfirmedAt !== undefined ? { reconfirmedAt } : {}) });
  }
  async takeSkip(userId: string, allowed: number): Promise<number | null> {
    const profile = this.profiles.get(userId.toLowerCase()) ?? { userId, skipsUsed: 0 };
    if (profile.skipsUsed >= allowed) return null;
    this.profiles.set(userId.toLowerCase(), { ...profile, skipsUsed: profile.skipsUsed + 1 });
    return profile.skipsUsed + 1;
  }

  async putSession(session: SessionRecord): Promise<void> {
    this.sessions.set(session.tokenHash, copy(session));
  }
  async getSession(tokenHash: string, now: number): Promise<SessionRecord | null> {
    const s = live(this.sessions.get(tokenHash), now);
    return s && copy(s);
  }
  async deleteSession(tokenHash: string): Promise<void> {
    this.sessions.delete(tokenHash);
  }

  async putSetup(setup: SetupRecord): Promise<void> {
    this.setups.set(setup.id, copy(setup));
  }
  async getSetup(id: string, now: number): Promise<SetupRecord | null> {
    const s = live(this.setups.get(id), now);
    return s && copy(s);
  }
  async takeSetup(id: string, now: number): Promise<SetupRecord | null> {
    const s = live(this.setups.get(id), now);
    this.setups.delete(id);
    return s && copy(s);
  }

  async putChallenge(challenge: ChallengeRecord): Promise<void> {
    this.challenges.set(challenge.id, copy(challenge));
  }
  async getChallenge(id: string, now: number): Promise<ChallengeRecord | null> {
    const c = live(this.challenges.get(id), now);
    return c && copy(c);
  }
  async takeChallenge(id: string, now: number): Promise<ChallengeRecord | null> {
    const c = live(this.challenges.get(id), now);
    this.challenges.delete(id);
    return c && copy(c);
  }

  async putReset(reset: ResetRecord): Promise<void> {
    this.resets.set(reset.tokenHash, copy(reset));
  }
  async getReset(tokenHash: string, now: number): Promise<ResetRecord | null> {
    const r = live(this.resets.get(tokenHash), now);
    return r && copy(r);
  }
  async passResetGate(tokenHash: string, methodId: string, now: number): Promise<ResetRecord | null> {
    const r = live(this.resets.get(tokenHash), now);
    if (!r || r.completed || r.passedMethodIds.includes(methodId)) return null;
    r.passedMethodIds.push(methodId);
    return copy(r);
  }
  async reopenReset(tokenHash: string): Promise<void> {
    const r = this.resets.get(tokenHash);
    if (r) r.completed = false;
  }
  async extendReset(tokenHash: string, expiresAt: number, now: number): Promise<boolean> {
    const r = live(this.resets.get(tokenHash), now);
    if (!r || r.completed) return false;
    r.expiresAt = Math.max(r.expiresAt, expiresAt);
    return true;
  }
  async completeReset(tokenHash: string, now: number): Promise<boolean> {
    const r = live(this.resets.get(tokenHash), now);
    if (!r || r.completed) return false;
    r.completed = true;
    return true;
  }

  // No await between reading and writing: one call is atomic on the event loop.
  async reserveAttempt(key: string, now: number, limit: Limit): Promise<Reservation> {
    const block = this.blocks.get(key);
    if (block && block.until > now) return { ok: false, until: block.until };
    const recent = (this.failures.get(key) ?? []).filter((e) => e.at > now - limit.windowMs);
    const id = String(this.nextEventId++);
    recent.push({ id, at: now, expiresAt: now + limit.windowMs });
    this.failures.set(key, recent);
    if (recent.length >= limit.max) this.blocks.set(key, { until: now + limit.blockMs, setBy: id });
    return { ok: true, id, count: recent.length };
  }
  async releaseAttempt(key: string, id: string): Promise<void> {
    const events = this.failures.get(key);
    if (events) this.failures.set(key, events.filter((e) => e.id !== id));
    if (this.blocks.get(key)?.setBy === id) this.blocks.delete(key);
  }
  async clearAttempts(key: string): Promise<void> {
    this.failures.delete(key);
    this.blocks.delete(key);
  }
  async blockedUntil(key: string, now: number): Promise<number | null> {
    const until = this.blocks.get(key)?.until;
    return until !== undefined && until > now ? until : null;
  }

  async appendAudit(event: AuditEvent): Promise<void> {
    this.audit.push(copy(event));
  }
  async listAudit(options: { since?: string; limit?: number } = {}): Promise<AuditEvent[]> {
    const since = options.since;
    const events = since ? this.audit.filter((e) => e.at >= since) : this.audit;
    return events.slice(0, options.limit ?? events.length).map(copy);
  }
  async addHelpdeskRequest(request: HelpdeskRequest): Promise<void> {
    this.helpdesk.push(copy(request));
  }

  async ping(): Promise<void> {}
  async sweep(now: number): Promise<void> {
    for (const map of [this.sessions, this.setups, this.challenges, this.resets] as Map<string, { expiresAt: number }>[]) {
      for (const [key, record] of map) if (record.expiresAt <= now) map.delete(key);
    }
    for (const [key, block] of this.blocks) if (block.until <= now) this.blocks.delete(key);
    for (const [key, events] of this.failures) {
      const kept = events.filter((e) => e.expiresAt > now);
      if (kept.length === 0) this.failures.delete(key);
      else this.failures.set(key, kept);
    }
  }
  async close(): Promise<void> {}
}
