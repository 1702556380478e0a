/**
 * POST /reset/extend races on PostgreSQL (a throwaway schema per scenario); the scenarios:
 * ./reset-extend-scenarios.ts. Run through scripts/with-postgres.sh; without SIGNIN_TEST_PG_URL this file FAILS.
 */
import { afterAll, describe, it } from 'vitest';
import { PostgresStore } from '../../../server/store/postgres-store.js';
import { PG_MISSING, pgUrl, TestSchemas } from '../store/pg-test-db.js';
import { resetExtendRaces } from './reset-extend-scenarios.js';

const base = pgUrl();

if (!base) {
  describe('reset extension races on PostgreSQL', () => {
    it('needs PostgreSQL (SIGNIN_TEST_PG_URL)', () => {
      throw new Error(PG_MISSING);
    });
  });
} else {
  const schemas = new TestSchemas(base);
  afterAll(() => schemas.dropAll());
  describe('reset extension races (PostgreSQL)', () => {
    resetExtendRaces(async () => PostgresStore.open((await schemas.create()).url), async (s) => s?.close());
  });
}
