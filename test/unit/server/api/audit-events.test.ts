/**
 * POLICY.md: every verification attempt, code send, registration change, reset, unlock and
 * helpdesk request is audited — with who, when, outcome and, for failures, the support code
 * the user was shown.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ALAIN, failure, success, type ApiHarness } from '../../../support/api-harness.js';
import { ALAIN_EMAIL, ALL_METHODS, createFastHarness, elevatedSession, latestCodeTo, registerPhone } from '../../../support/api-flows.js';

let h: ApiHarness;
afterEach(() => h.close());

const events = async () => (await h.ctx.store.listAudit()).map((e) => e.event);

describe('what the audit log records', () => {
  it('a code sent at reset, and a code sent to a phone being added', async () => {
    h = await createFastHarness({ methodsEnabled: ALL_METHODS });
    const { resetToken } = success(await h.call('startReset', { userId: ALAIN }));
    success(await h.call('startResetChallenge', { methodId: ALAIN_EMAIL }, resetToken));
    const token = await elevatedSession(h, ALAIN);
    await registerPhone(h, token, 'sms', '+1 425 555 0142');
    const sends = (await h.ctx.store.listAudit()).filter((e) => e.event === 'code.send');
    expect(sends.map((e) => e.detail)).toEqual([`email for ${ALAIN_EMAIL}`, 'sms for a new method']);
    expect(sends.every((e) => e.userId === ALAIN && e.outcome === 'success')).toBe(true);
    // The code itself is in the outbox, never in the log.
    const code = latestCodeTo(h, '+14255550142');
    expect(JSON.stringify(await h.ctx.store.listAudit())).not.toMatch(new RegExp(`(?<!\\d)${code}(?!\\d)`));
  });

  it('a failed attempt is one event carrying the support code the user sees', async () => {
    h = await createFastHarness();
    const { resetToken } = success(await h.call('startReset', { userId: ALAIN }));
    const refused = failure(await h.call('verifyReset', { methodId: 'm-alain-app', code: '000000' }, resetToken));
    const matching = (await h.ctx.store.listAudit()).filter((e) => e.supportCode === refused.supportCode);
    expect(matching).toEqual([expect.objectContaining({ event: 'reset.verify', userId: ALAIN, outcome: 'failure', detail: 'authenticatorApp' })]);
  });

  it('reset start, success and registration changes are there too', async () => {
    h = await createFastHarness();
    await elevatedSession(h, ALAIN);
    const { resetToken } = success(await h.call('startReset', { userId: ALAIN }));
    expect(resetToken).toBeTruthy();
    expect(await events()).toEqual(expect.arrayContaining(['signIn', 'secondFactor', 'reset.start']));
  });
});
