/**
 * POST /reset/extend with its races forced (./reset-extend-interleaving.ts) on PostgreSQL: a
 * throwaway schema per scenario, two pools on it for two instances. Run through
 * scripts/with-postgres.sh; without SIGNIN_TEST_PG_URL this file FAILS.
 */
import { afterAll, describe, it } from 'vitest';
import { PostgresStore } from '../../../server/store/postgres-store.js';
import { PG_MISSING, pgUrl, TestSchemas } from '../store/pg-test-db.js';
import { resetExtendInterleavings } from './reset-extend-interleaving.js';

const base = pgUrl();

if (!base) {
  describe('reset extension, races forced, on PostgreSQL', () => {
    it('needs PostgreSQL (SIGNIN_TEST_PG_URL)', () => {
      throw new Error(PG_MISSING);
    });
  });
} else {
  const schemas = new TestSchemas(base);
  afterAll(() => schemas.dropAll());
  describe('reset extension, races forced (PostgreSQL)', () => {
    resetExtendInterleavings(async () => {
      const { url } = await schemas.create();
      const [a, b] = await Promise.all([PostgresStore.open(url), PostgresStore.open(url)]);
      return { stores: [a, b], close: async () => void (await Promise.all([a.close(), b.close()])) };
    });
  });
}
