/**
 * reset.extend (WCAG 2.2.1: the page warns before the reset runs out, one action extends it):
 * the core asks the service with the reset token it keeps, passes the answer through, and
 * forgets a reset the service says is over, so the next step starts again instead of failing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { err, ok } from '../../../../contract/errors.js';
import { fakeCore, MEGAN, RESET_TOKEN, type FakeCore } from './fake-core.js';

let core: FakeCore;
beforeEach(async () => {
  core = await fakeCore();
  core.answers.startReset = () => ok({ resetToken: RESET_TOKEN, expiresAt: '2030-01-01T00:15:00.000Z', required: 1, methods: [{ id: 'm-email', type: 'email', hint: 'm•••@example.net' }] });
});
afterEach(() => core.close());

describe('reset.extend', () => {
  it('without a reset: RESET_EXPIRED, and the service is not asked', async () => {
    core.answers.extendReset = () => ok({ expiresAt: '2030-01-01T00:30:00.000Z' });
    expect(await core.ipc('reset.extend')).toMatchObject({ ok: false, error: { code: 'RESET_EXPIRED' } });
    // After a cancel likewise: the token is gone, nothing goes out with it.
    await core.ipc('reset.start', { userId: MEGAN.userId });
    await core.ipc('reset.cancel');
    expect(await core.ipc('reset.extend')).toMatchObject({ ok: false, error: { code: 'RESET_EXPIRED' } });
    expect(core.callsTo('extendReset')).toEqual([]);
  });

  it('extended: the new expiry passes through; the call carried the reset token, which never comes back', async () => {
    await core.ipc('reset.start', { userId: MEGAN.userId });
    core.answers.extendReset = () => ok({ expiresAt: '2030-01-01T00:30:00.000Z' });
    const extended = await core.ipc('reset.extend');
    expect(extended).toEqual({ ok: true, data: { expiresAt: '2030-01-01T00:30:00.000Z' } });
    expect(core.callsTo('extendReset')).toEqual([{ name: 'extendReset', body: {}, token: RESET_TOKEN }]);
    expect(JSON.stringify(core.seen)).not.toContain(RESET_TOKEN);
    // The reset goes on: the next gate still goes out with the same token.
    core.answers.startResetChallenge = () => ok({ kind: 'code', channel: 'email', sentTo: 'm•••@example.net', digits: 6, expiresAt: '2030-01-01T00:20:00.000Z' });
    expect(await core.ipc('reset.startChallenge', { methodId: 'm-email' })).toMatchObject({ ok: true });
    expect(core.callsTo('startResetChallenge')[0]?.token).toBe(RESET_TOKEN);
  });

  it('RESET_EXPIRED from the service: passed through, and the core forgets the reset', async () => {
    await core.ipc('reset.start', { userId: MEGAN.userId });
    core.answers.extendReset = () => err('RESET_EXPIRED', 'Start the reset again');
    expect(await core.ipc('reset.extend')).toMatchObject({ ok: false, error: { code: 'RESET_EXPIRED' } });
    expect(core.services.state.reset).toBeNull();
    // Nothing more goes out with the dead token.
    expect(await core.ipc('reset.extend')).toMatchObject({ ok: false, error: { code: 'RESET_EXPIRED' } });
    expect(core.callsTo('extendReset')).toHaveLength(1);
  });

  it('THROTTLED (extended too often): passed through with its retry time; the reset is kept until it runs out', async () => {
    await core.ipc('reset.start', { userId: MEGAN.userId });
    core.answers.extendReset = () => err('THROTTLED', 'Too many attempts', { retryAfter: '2030-01-01T02:45:00.000Z' });
    expect(await core.ipc('reset.extend')).toMatchObject({ ok: false, error: { code: 'THROTTLED', retryAfter: '2030-01-01T02:45:00.000Z' } });
    expect(core.services.state.reset?.token).toBe(RESET_TOKEN);
  });
});
