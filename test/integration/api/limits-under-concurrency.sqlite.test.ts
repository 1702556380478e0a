/**
 * Issue 7 item 1 on SQLite (a temp file, as a site runs it): for every throttled action, N
 * parallel wrong attempts get at most `limit` checks run. The catalog and the property are
 * test/support/throttled-actions.ts and throttle-burst.ts; memory: test/unit/server/limits-concurrency.test.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { SqliteStore } from '../../../server/store/sqlite-store.js';
import { actionHarness, assertBurstsHold, single } from '../../support/throttle-burst.js';
import { throttledActions } from '../../support/throttled-actions.js';

const dir = mkdtempSync(join(tmpdir(), 'limits-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('every throttled action holds its limit under parallel attempts (SQLite)', () => {
  throttledActions().forEach((action, k) => {
    it(action.name, async () => {
      const store = SqliteStore.open(join(dir, `store-${k}.db`));
      const h = await actionHarness(action, store);
      try {
        await assertBurstsHold(single(h), action, { numRuns: 3 });
      } finally {
        await h.close();
        await store.close();
      }
    }, 30_000);
  });
});
