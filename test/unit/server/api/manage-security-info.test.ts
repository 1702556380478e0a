/**
 * Managing registered methods through the API: remove (and who is told), choose the default
 * (offered first at reset), and re-confirm (due again after the policy's 180 days).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ALAIN, ALAIN_APP, MEGAN, failure, success, type ApiHarness } from '../../../support/api-harness.js';
import { ALAIN_EMAIL, ALAIN_EMAIL_ADDRESS, createFastHarness, elevatedSession, outbox, registerPhone } from '../../../support/api-flows.js';
import { MINUTE } from '../../../support/fake-clock.js';

let h: ApiHarness;
beforeEach(async () => {
  h = await createFastHarness();
});
afterEach(() => h.close());

const DAY = 24 * 60 * MINUTE;
const methodIds = async (token: string) => success(await h.call('getSecurityInfo', {}, token)).methods.map((m) => m.id);

describe('remove a method', () => {
  it("alain removes his authenticator app: it is gone, his alternate email is told, the audit records it", async () => {
    const token = await elevatedSession(h, ALAIN);
    success(await h.call('removeMethod', { methodId: ALAIN_APP }, token));
    expect(await methodIds(token)).toEqual([ALAIN_EMAIL]);
    const notice = outbox(h);
    expect(notice).toHaveLength(1);
    expect(notice[0]).toMatchObject({ channel: 'email', to: ALAIN_EMAIL_ADDRESS });
    expect(notice[0]!.body).toMatch(/removed/);
    const audit = await h.ctx.store.listAudit();
    expect(audit.some((e) => e.event === 'registration.remove.authenticatorApp' && e.userId === ALAIN && e.outcome === 'success')).toBe(true);
  });

  it('removing the email, when no other method can receive a message, tells the removed address itself rather than nobody', async () => {
    const token = await elevatedSession(h, ALAIN);
    success(await h.call('removeMethod', { methodId: ALAIN_EMAIL }, token));
    expect(outbox(h)).toEqual([expect.objectContaining({ channel: 'email', to: 'alain.charon@example.net' })]);
    expect((await h.ctx.store.listAudit()).some((e) => e.event === 'registration.remove.email')).toBe(true);
  });

  it('removing the email notifies the text-message phone when there is one', async () => {
    const token = await elevatedSession(h, ALAIN);
    await registerPhone(h, token, 'sms', '+1 425 555 0142');
    const before = outbox(h).length;
    success(await h.call('removeMethod', { methodId: ALAIN_EMAIL }, token));
    const notice = outbox(h).slice(before);
    expect(notice).toHaveLength(1);
    expect(notice[0]).toMatchObject({ channel: 'sms', to: '+14255550142' });
  });

  it("another user's method is NOT_FOUND and stays", async () => {
    const megan = await h.signIn(MEGAN);
    expect(failure(await h.call('removeMethod', { methodId: ALAIN_APP }, megan)).code).toBe('NOT_FOUND');
    expect((await h.ctx.store.listMethods(ALAIN)).map((m) => m.id)).toContain(ALAIN_APP);
  });

  it('needs the step-up: a session that has not passed a method cannot remove one', async () => {
    const token = await h.signIn(ALAIN);
    expect(failure(await h.call('removeMethod', { methodId: ALAIN_EMAIL }, token)).code).toBe('SECOND_FACTOR_REQUIRED');
  });
});

describe('default method', () => {
  it('setting the email as default makes reset list it first', async () => {
    expect(success(await h.call('startReset', { userId: ALAIN })).methods[0]!.id).toBe(ALAIN_APP);
    const token = await elevatedSession(h, ALAIN);
    success(await h.call('setDefaultMethod', { methodId: ALAIN_EMAIL }, token));
    expect(success(await h.call('getSecurityInfo', {}, token)).defaultMethodId).toBe(ALAIN_EMAIL);
    expect(success(await h.call('startReset', { userId: ALAIN })).methods.map((m) => m.id)).toEqual([ALAIN_EMAIL, ALAIN_APP]);
    expect((await h.ctx.store.listAudit()).some((e) => e.event === 'registration.default' && e.userId === ALAIN)).toBe(true);
  });

  it('an unknown method id is NOT_FOUND', async () => {
    const token = await elevatedSession(h, ALAIN);
    expect(failure(await h.call('setDefaultMethod', { methodId: 'm-not-mine' }, token)).code).toBe('NOT_FOUND');
  });

  it('removing the default method moves the default to a remaining one', async () => {
    const token = await elevatedSession(h, ALAIN);
    success(await h.call('setDefaultMethod', { methodId: ALAIN_EMAIL }, token));
    success(await h.call('removeMethod', { methodId: ALAIN_EMAIL }, token));
    expect(success(await h.call('getSecurityInfo', {}, token)).defaultMethodId).toBe(ALAIN_APP);
  });
});

describe('re-confirm every 180 days', () => {
  it('after confirming, reconfirmDue is false; 180 days later it is still false; past 180 days it is true; confirming again clears it', async () => {
    let token = await elevatedSession(h, ALAIN);
    const confirmed = success(await h.call('reconfirmSecurityInfo', {}, token));
    expect(Date.parse(confirmed.reconfirmedAt)).toBe(h.clock());
    expect(success(await h.call('getSecurityInfo', {}, token)).reconfirmDue).toBe(false);

    h.clock.advance(180 * DAY);
    token = await elevatedSession(h, ALAIN); // the old session expired long ago
    expect(success(await h.call('getSecurityInfo', {}, token)).reconfirmDue).toBe(false);
    h.clock.advance(MINUTE);
    expect(success(await h.call('getSecurityInfo', {}, token)).reconfirmDue).toBe(true);

    success(await h.call('reconfirmSecurityInfo', {}, token));
    expect(success(await h.call('getSecurityInfo', {}, token)).reconfirmDue).toBe(false);
    expect((await h.ctx.store.listAudit()).filter((e) => e.event === 'registration.reconfirm')).toHaveLength(2);
  });

  it('registering a first method counts as confirming it', async () => {
    const token = await h.signIn(MEGAN);
    await registerPhone(h, token, 'sms', '+1 425 555 0142');
    expect(success(await h.call('getSecurityInfo', {}, token)).reconfirmDue).toBe(false);
  });

  it('with reconfirmDays 0 it is never due', async () => {
    const never = await createFastHarness({ registration: { requireAtLaunch: true, allowedSkips: 0, reconfirmDays: 0 } });
    try {
      never.clock.advance(1000 * DAY);
      expect(success(await never.call('getSecurityInfo', {}, await elevatedSession(never, ALAIN))).reconfirmDue).toBe(false);
    } finally {
      await never.close();
    }
  });
});
