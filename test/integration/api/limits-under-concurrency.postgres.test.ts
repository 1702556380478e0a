/**
 * Issue 7 item 1 on PostgreSQL (a throwaway schema per action): for every throttled action,
 * N parallel wrong attempts get at most `limit` checks run — the reservation is serialized
 * per key by an advisory lock, so the burst's transactions cannot all read "under the limit".
 * Run through scripts/with-postgres.sh; without SIGNIN_TEST_PG_URL this file FAILS.
 */
import { afterAll, describe, it } from 'vitest';
import { PostgresStore } from '../../../server/store/postgres-store.js';
import { actionHarness, assertBurstsHold, single } from '../../support/throttle-burst.js';
import { throttledActions } from '../../support/throttled-actions.js';
import { PG_MISSING, pgUrl, TestSchemas } from '../store/pg-test-db.js';

const base = pgUrl();

if (!base) {
  describe('limits under concurrency on PostgreSQL', () => {
    it('needs PostgreSQL (SIGNIN_TEST_PG_URL)', () => {
      throw new Error(PG_MISSING);
    });
  });
} else {
  const schemas = new TestSchemas(base);
  afterAll(() => schemas.dropAll());

  describe('every throttled action holds its limit under parallel attempts (PostgreSQL)', () => {
    for (const action of throttledActions()) {
      it(action.name, async () => {
        const store = await PostgresStore.open((await schemas.create()).url);
        const h = await actionHarness(action, store);
        try {
          await assertBurstsHold(single(h), action, { numRuns: 3 });
        } finally {
          await h.close();
          await store.close();
        }
      }, 30_000);
    }
  });
}
