/**
 * Issue 7 item 7 on PostgreSQL: junk fired in parallel at two service instances sharing one
 * store stays audited in aggregate — one row per kind and address per window, at most the
 * global budget per window — and both instances hand out the same support code for it.
 * Run through scripts/with-postgres.sh; without SIGNIN_TEST_PG_URL this file FAILS.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { API_PREFIX } from '../../../contract/api.js';
import { JUNK_ROWS_PER_WINDOW } from '../../../server/api/junk-audit.js';
import { buildServer } from '../../../server/app.js';
import { PostgresStore } from '../../../server/store/postgres-store.js';
import { createApiHarness } from '../../support/api-harness.js';
import { PG_MISSING, pgUrl, TestSchemas } from '../store/pg-test-db.js';

const base = pgUrl();

const malformed = { method: 'POST' as const, url: `${API_PREFIX}/reset`, payload: { userId: 42 } };
const codeOf = (r: LightMyRequestResponse) => (r.json() as { error: { supportCode: string } }).error.supportCode;

if (!base) {
  describe('junk audit on PostgreSQL', () => {
    it('needs PostgreSQL (SIGNIN_TEST_PG_URL)', () => {
      throw new Error(PG_MISSING);
    });
  });
} else {
  const schemas = new TestSchemas(base);
  afterAll(() => schemas.dropAll());

  /** Two instances on one schema: the harness's, and a second Fastify over a second pool. */
  async function twoInstances() {
    const { url } = await schemas.create();
    const one = await PostgresStore.open(url);
    const h = await createApiHarness({ store: one });
    const other = await PostgresStore.open(url);
    const second = await buildServer({ ...h.ctx, store: other });
    return {
      h,
      apps: [h.app, second] as const,
      close: async () => {
        await second.close();
        await h.close();
        await other.close();
        await one.close();
      },
    };
  }

  describe('junk audit across two instances on one PostgreSQL', () => {
    it('400 parallel malformed requests from 4 addresses: 4 rows, one code per address', async () => {
      const t = await twoInstances();
      try {
        const before = (await t.h.ctx.store.listAudit()).length;
        const responses = await Promise.all(Array.from({ length: 400 }, (_, i) => t.apps[i % 2]!.inject({ ...malformed, remoteAddress: `192.0.2.${i % 4}` })));
        expect(responses.every((r) => r.statusCode === 400)).toBe(true);
        expect((await t.h.ctx.store.listAudit()).length - before).toBe(4);
        for (let a = 0; a < 4; a++) expect(new Set(responses.filter((_, i) => i % 4 === a).map(codeOf)).size).toBe(1);
        const logged = new Set((await t.h.ctx.store.listAudit()).map((e) => e.supportCode));
        expect(responses.map(codeOf).filter((c) => !logged.has(c))).toEqual([]);
      } finally {
        await t.close();
      }
    }, 60_000);

    it('300 parallel malformed requests from 300 addresses: at most the budget plus one row, every code in the log', async () => {
      const t = await twoInstances();
      try {
        const before = (await t.h.ctx.store.listAudit()).length;
        const responses = await Promise.all(Array.from({ length: 300 }, (_, i) => t.apps[i % 2]!.inject({ ...malformed, remoteAddress: `198.18.${i >> 8}.${i & 255}` })));
        expect(responses.every((r) => r.statusCode === 400)).toBe(true);
        expect((await t.h.ctx.store.listAudit()).length - before).toBeLessThanOrEqual(JUNK_ROWS_PER_WINDOW + 1);
        const logged = new Set((await t.h.ctx.store.listAudit()).map((e) => e.supportCode));
        expect(responses.map(codeOf).filter((c) => !logged.has(c))).toEqual([]);
      } finally {
        await t.close();
      }
    }, 60_000);
  });
}
