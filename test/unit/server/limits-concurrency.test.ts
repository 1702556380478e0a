/**
 * Issue 7 item 1, on the memory store: for EVERY throttled action, N parallel wrong attempts
 * (N from 2×limit to 60, the limit drawn too) get at most `limit` checks run — counted at
 * the check (Argon2id verify, password check, TOTP secret opened, WebAuthn key opened,
 * message sent), not from the answers. The same catalog runs on SQLite and PostgreSQL, and
 * across two instances, in test/integration/api/limits-under-concurrency*.test.ts.
 */
import { describe, it } from 'vitest';
import { actionHarness, assertBurstsHold, single } from '../../support/throttle-burst.js';
import { throttledActions } from '../../support/throttled-actions.js';

describe('every throttled action holds its limit under parallel attempts (memory store)', () => {
  for (const action of throttledActions()) {
    it(action.name, async () => {
      const h = await actionHarness(action);
      try {
        await assertBurstsHold(single(h), action, { numRuns: 6 });
      } finally {
        await h.close();
      }
    }, 30_000);
  }
});
