/**
 * The user's own policy (group overrides applied) decides what a challenge asks, and
 * registration dates count as the first confirmation of security info.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ALAIN, success, type ApiHarness } from '../../../support/api-harness.js';
import { ALAIN_EMAIL, createFastHarness, elevatedSession } from '../../../support/api-flows.js';

const DAY = 86_400_000;

let h: ApiHarness;
afterEach(() => h.close());

describe('challenges follow the user\'s policy, not only the tenant\'s', () => {
  it('a group override of email code digits and lifetime applies to a member\'s reset challenge', async () => {
    h = await createFastHarness({
      overrides: [{ match: ['sspr-users'], policy: { codes: { smsDigits: 6, emailDigits: 10, smsLifetimeMs: 5 * 60_000, emailLifetimeMs: 60 * 60_000 } } }],
    });
    const { resetToken } = success(await h.call('startReset', { userId: ALAIN }));
    const challenge = success(await h.call('startResetChallenge', { methodId: ALAIN_EMAIL }, resetToken));
    expect(challenge).toMatchObject({ kind: 'code', digits: 10 });
    if (challenge.kind !== 'code') throw new Error('expected a code challenge');
    expect(Date.parse(challenge.expiresAt) - h.clock()).toBe(60 * 60_000);
  });

  it('without the override the tenant default applies (8 digits, 10 minutes)', async () => {
    h = await createFastHarness();
    const { resetToken } = success(await h.call('startReset', { userId: ALAIN }));
    const challenge = success(await h.call('startResetChallenge', { methodId: ALAIN_EMAIL }, resetToken));
    expect(challenge).toMatchObject({ kind: 'code', digits: 8 });
  });
});

describe('reconfirmation', () => {
  it('is not due on the day methods were registered, and is due 180 days later', async () => {
    h = await createFastHarness();
    const elevated = await elevatedSession(h, ALAIN);
    expect(success(await h.call('getSecurityInfo', {}, elevated)).reconfirmDue).toBe(false);
    h.clock.advance(181 * DAY);
    const later = await elevatedSession(h, ALAIN);
    expect(success(await h.call('getSecurityInfo', {}, later)).reconfirmDue).toBe(true);
  });
});
