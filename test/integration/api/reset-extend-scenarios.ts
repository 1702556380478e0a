/**
 * POST /reset/extend under concurrency, per store: the cap of 10 extensions and "never revive a
 * completed reset" must hold when requests race, which only the store can guarantee. Run on
 * memory (test/unit/server/api/reset-extend.test.ts), SQLite and PostgreSQL (./reset-extend.*.test.ts).
 */
import { expect, it } from 'vitest';
import { hashToken } from '../../../server/service-context.js';
import type { Store } from '../../../server/store/store.js';
import { createApiHarness, type ApiHarness } from '../../support/api-harness.js';
import { MINUTE } from '../../support/fake-clock.js';

/** `store`: a fresh store per scenario (undefined: the harness's memory store). */
export function resetExtendRaces(store: () => Promise<Store | undefined>, closeStore: (s: Store | undefined) => Promise<void> = async () => {}) {
  const withHarness = async (run: (h: ApiHarness) => Promise<void>) => {
    const s = await store();
    const h = await createApiHarness(s ? { store: s } : {});
    try {
      await run(h);
    } finally {
      await h.close();
      await closeStore(s);
    }
  };

  it('25 parallel extends of one reset: exactly 10 succeed, the rest are THROTTLED; the expiry is the last one given', async () => {
    await withHarness(async (h) => {
      const token = await h.verifiedAlainReset();
      h.clock.advance(MINUTE);
      const replies = await Promise.all(Array.from({ length: 25 }, () => h.call('extendReset', {}, token)));
      const codes = replies.map((r) => (r.body.ok ? 'ok' : r.body.error.code));
      expect(codes.filter((c) => c === 'ok')).toHaveLength(10);
      expect(codes.filter((c) => c === 'THROTTLED')).toHaveLength(15);
      const expected = new Date(h.clock() + 15 * MINUTE).toISOString();
      for (const r of replies) if (r.body.ok) expect(r.body.data.expiresAt).toBe(expected);
      // A later, sequential try is refused too: the cap is per token, not per burst.
      h.clock.advance(MINUTE);
      const late = await h.call('extendReset', {}, token);
      expect(late.status).toBe(429);
      // The reset itself is still usable until the expiry it was given.
      expect((await h.call('completeReset', { newPassword: 'Correct-Horse-Battery-77' }, token)).body.ok).toBe(true);
    });
  }, 60_000);

  it('extends racing the reset\'s completion: the completed reset stays completed, never revived', async () => {
    await withHarness(async (h) => {
      const token = await h.verifiedAlainReset();
      const [completed, ...extends_] = await Promise.all([
        h.call('completeReset', { newPassword: 'Correct-Horse-Battery-77' }, token),
        ...Array.from({ length: 8 }, () => h.call('extendReset', {}, token)),
      ]);
      expect(completed!.body.ok).toBe(true);
      for (const r of extends_) expect(r.body.ok ? 'ok' : r.body.error.code).toMatch(/^(ok|RESET_EXPIRED)$/);
      expect((await h.ctx.store.getReset(hashToken(token), h.clock()))?.completed).toBe(true);
      // After the race: the token is spent for every route, extend included.
      expect((await h.call('extendReset', {}, token)).body).toMatchObject({ ok: false, error: { code: 'RESET_EXPIRED' } });
      expect((await h.call('completeReset', { newPassword: 'Another-Horse-Battery-78' }, token)).body).toMatchObject({ ok: false, error: { code: 'RESET_EXPIRED' } });
    });
  }, 60_000);
}
