/**
 * Issue 7 item 1 across two service instances on one PostgreSQL: each instance has its own
 * app, connection pool, directory and outbox; they share the schema (two PostgresStore.open
 * on one URL) and the secrets key. Bursts split across both get at most `limit` checks in
 * TOTAL — what the attack found giving way (40 wrong TOTP codes → 30–37 checked against a
 * limit of 5; 40 wrong passwords → 40 against 10). Run through scripts/with-postgres.sh;
 * without SIGNIN_TEST_PG_URL this file FAILS.
 *
 * Would fail without the fix: with use-method.ts checking `throttled()` before the proof and
 * counting after it (the code before 6c46ccc), the TOTP burst here gets all 40 checked.
 */
import { afterAll, describe, it } from 'vitest';
import { PostgresStore } from '../../../server/store/postgres-store.js';
import type { ApiHarness } from '../../support/api-harness.js';
import { actionHarness, assertBurstsHold, burstHolds, secondInstance, spread } from '../../support/throttle-burst.js';
import { throttledActions, type ThrottledAction } from '../../support/throttled-actions.js';
import { PG_MISSING, pgUrl, TestSchemas } from '../store/pg-test-db.js';

const base = pgUrl();

if (!base) {
  describe('limits across two instances on PostgreSQL', () => {
    it('needs PostgreSQL (SIGNIN_TEST_PG_URL)', () => {
      throw new Error(PG_MISSING);
    });
  });
} else {
  const schemas = new TestSchemas(base);
  afterAll(() => schemas.dropAll());

  /** Two instances on one fresh schema; the demo methods are seeded once, through the first. */
  async function twoInstances(action: ThrottledAction, run: (pair: ApiHarness[]) => Promise<void>): Promise<void> {
    const { url } = await schemas.create();
    const [storeA, storeB] = await Promise.all([PostgresStore.open(url), PostgresStore.open(url)]);
    const a = await actionHarness(action, storeA);
    const b = await secondInstance(a, storeB);
    try {
      await run([a, b]);
    } finally {
      await Promise.all([a.close(), b.close()]);
      await Promise.all([storeA.close(), storeB.close()]);
    }
  }

  const named = (name: string): ThrottledAction => {
    const found = throttledActions().find((a) => a.name === name);
    if (!found) throw new Error(`no action ${name}`);
    return found;
  };

  describe('the bursts the attack used, split over two instances', () => {
    it('40 parallel wrong TOTP codes at reset: at most 5 checked in total', async () => {
      const action = named('reset: authenticator app');
      await twoInstances(action, (pair) => burstHolds(spread(pair), action, 5, 40));
    }, 30_000);

    it('40 parallel wrong passwords at sign-in: at most 10 checked in total', async () => {
      const action = named('sign-in: wrong passwords (any spelling of the user id)');
      await twoInstances(action, (pair) => burstHolds(spread(pair), action, 10, 40));
    }, 30_000);
  });

  describe('every throttled action, its attempts alternating between the two instances', () => {
    for (const action of throttledActions()) {
      it(action.name, async () => {
        await twoInstances(action, (pair) => assertBurstsHold(spread(pair), action, { numRuns: 2 }));
      }, 30_000);
    }
  });
}
