/**
 * The directory fails while unlocking: the user hears DIRECTORY_UNAVAILABLE with a support
 * code, and the verified unlock token is not spent — once the directory answers, it unlocks.
 */
import { afterEach, expect, it } from 'vitest';
import { DirectoryUnavailableError } from '../../../../server/directories/directory.js';
import { ALAIN, ALAIN_APP, DEMO_TOTP_SECRET, success, type ApiHarness } from '../../../support/api-harness.js';
import { createFastHarness } from '../../../support/api-flows.js';
import { totpCode } from '../../../support/totp.js';

let h: ApiHarness;
afterEach(() => h.close());

it('an outage during unlock spends nothing; the same token unlocks afterwards', async () => {
  h = await createFastHarness();
  const { resetToken } = success(await h.call('startReset', { userId: ALAIN, mode: 'unlock' }));
  success(await h.call('verifyReset', { methodId: ALAIN_APP, code: await totpCode(DEMO_TOTP_SECRET, h.clock()) }, resetToken));
  const real = h.ctx.directory.unlock.bind(h.ctx.directory);
  h.ctx.directory.unlock = async () => {
    throw new DirectoryUnavailableError('The directory could not be reached (unlock: ECONNREFUSED)', 'ECONNREFUSED');
  };
  const down = await h.call('unlockAccount', {}, resetToken);
  expect(down.status).toBe(424);
  expect(down.body).toMatchObject({ ok: false, error: { code: 'DIRECTORY_UNAVAILABLE', supportCode: expect.any(String) } });
  h.ctx.directory.unlock = async (userId) => ({ ok: false, kind: 'unreachable', message: `no answer for ${userId}` });
  expect((await h.call('unlockAccount', {}, resetToken)).body).toMatchObject({ ok: false, error: { code: 'DIRECTORY_UNAVAILABLE' } });
  h.ctx.directory.unlock = real;
  success(await h.call('unlockAccount', {}, resetToken));
  // Spent now: a second unlock with it is refused.
  expect((await h.call('unlockAccount', {}, resetToken)).body).toMatchObject({ ok: false, error: { code: 'RESET_EXPIRED' } });
});
