/**
 * "Tries left" (policy `showTriesLeft`, off by default like the seed): a wrong code says how
 * many wrong tries remain before the method is blocked, counted from the attempt the service
 * reserved — so parallel wrong codes each get their own place, never the same one twice.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ALAIN, ALAIN_APP, MEGAN, alainCode, failure, success, type ApiHarness } from '../../../support/api-harness.js';
import { ALAIN_EMAIL, ALAIN_EMAIL_ADDRESS, createFastHarness, latestCodeTo, otherCode } from '../../../support/api-flows.js';
import { HOUR } from '../../../support/fake-clock.js';
import { defaultPolicy } from '../../../../server/policy/policy.js';

let h: ApiHarness;
afterEach(() => h.close());

const verifyFailures = { max: 5, windowMs: HOUR, blockMs: HOUR };
const startReset = async () => success(await h.call('startReset', { userId: ALAIN })).resetToken;
const wrongAppCode = async (token: string) => h.call('verifyReset', { methodId: ALAIN_APP, code: otherCode(await alainCode(h)) }, token);

describe('tries left after a wrong code', () => {
  it('is not said by default (the seed does not say it; the demo turns it on)', async () => {
    expect(defaultPolicy.showTriesLeft).toBe(false);
    h = await createFastHarness({ verifyFailures, showTriesLeft: defaultPolicy.showTriesLeft });
    const wrong = failure(await wrongAppCode(await startReset()));
    expect(wrong.code).toBe('INVALID_CODE');
    expect(wrong).not.toHaveProperty('triesLeft');
  });

  it('counts down 4, 3, 2, 1, 0 with the policy on; then even the right code is THROTTLED', async () => {
    h = await createFastHarness({ verifyFailures, showTriesLeft: true });
    const token = await startReset();
    const left: unknown[] = [];
    for (let i = 0; i < 5; i++) left.push(failure(await wrongAppCode(token)).triesLeft);
    expect(left).toEqual([4, 3, 2, 1, 0]);
    const right = await h.call('verifyReset', { methodId: ALAIN_APP, code: await alainCode(h) }, token);
    expect(failure(right).code).toBe('THROTTLED');
  });

  it('is per method, and a passed proof starts it again from the top', async () => {
    h = await createFastHarness({ verifyFailures, showTriesLeft: true });
    const token = await startReset();
    expect(failure(await wrongAppCode(token)).triesLeft).toBe(4);
    success(await h.call('startResetChallenge', { methodId: ALAIN_EMAIL }, token));
    const emailCode = latestCodeTo(h, ALAIN_EMAIL_ADDRESS);
    expect(failure(await h.call('verifyReset', { methodId: ALAIN_EMAIL, code: otherCode(emailCode) }, token)).triesLeft).toBe(4);
    expect(failure(await wrongAppCode(token)).triesLeft).toBe(3);
    // alain passes with his app: its count is cleared.
    success(await h.call('verifyReset', { methodId: ALAIN_APP, code: await alainCode(h) }, token));
    h.clock.advance(30_000);
    expect(failure(await wrongAppCode(await startReset())).triesLeft).toBe(4);
  });

  it('a burst of parallel wrong codes: each is told its own place (4…0, none twice), the rest THROTTLED', async () => {
    h = await createFastHarness({ verifyFailures, showTriesLeft: true });
    const token = await startReset();
    const code = otherCode(await alainCode(h));
    const replies = await Promise.all(Array.from({ length: 20 }, () => h.call('verifyReset', { methodId: ALAIN_APP, code }, token)));
    const wrong = replies.filter((r) => !r.body.ok && r.body.error.code === 'INVALID_CODE').map((r) => failure(r).triesLeft);
    expect(wrong.sort()).toEqual([0, 1, 2, 3, 4]);
    expect(replies.filter((r) => !r.body.ok && r.body.error.code === 'THROTTLED')).toHaveLength(15);
  });

  it('adding a method: a wrong confirmation code says it too, counted on the setup', async () => {
    h = await createFastHarness({ verifyFailures, showTriesLeft: true });
    // megan has nothing registered yet: her session may add any method.
    const session = await h.signIn(MEGAN);
    const { setupId } = success(await h.call('beginEmail', { address: 'megan.new@example.net' }, session));
    const code = latestCodeTo(h, 'megan.new@example.net');
    expect(failure(await h.call('confirmEmail', { setupId, code: otherCode(code) }, session)).triesLeft).toBe(4);
    expect(failure(await h.call('confirmEmail', { setupId, code: otherCode(code) }, session)).triesLeft).toBe(3);
    const app = success(await h.call('beginAuthenticatorApp', {}, session)).setupId;
    expect(failure(await h.call('confirmAuthenticatorApp', { setupId: app, code: '000000', name: 'Phone' }, session)).triesLeft).toBe(4);
  });

  it('with hideAccountState, a proof by type is told the same for a known and an unknown account', async () => {
    h = await createFastHarness({ verifyFailures, showTriesLeft: true, hideAccountState: true });
    const told = async (userId: string) => {
      const { resetToken } = success(await h.call('startReset', { userId }));
      const reply = await h.call('verifyReset', { methodType: 'authenticatorApp', code: '000000' } as never, resetToken);
      return failure(reply).triesLeft;
    };
    expect(await told(ALAIN)).toBe(4);
    expect(await told('nobody@contoso.com')).toBe(4);
    expect(await told(ALAIN)).toBe(3);
    expect(await told('nobody@contoso.com')).toBe(3);
  });
});
