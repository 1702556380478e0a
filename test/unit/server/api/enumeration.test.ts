/**
 * Anti-enumeration (POLICY.md, `hideAccountState`): an unknown account and every account
 * state get the same status and the same body, the support code aside. Every route, every
 * kind of account, the work done and the timing: enumeration-hidden.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADELE, ALAIN, DEMO_PASSWORD, LEE, MEGAN, type ApiHarness, type ApiReply } from '../../../support/api-harness.js';
import { createFastHarness } from '../../../support/api-flows.js';

const UNKNOWN = 'nobody@contoso.com';

/** Status and body, with the support code (random per reply, by design) removed. */
function comparable(reply: ApiReply<unknown>) {
  const body = structuredClone(reply.body) as { ok: boolean; error?: { supportCode?: string } };
  expect(body.ok).toBe(false);
  expect(body.error?.supportCode).toMatch(/^[0-9A-F]{10}$/);
  delete body.error!.supportCode;
  return { status: reply.status, body };
}

/** A hidden reset start with its token and expiry (random and time-bound by design) removed; the rest is test/unit/server/api/enumeration-hidden.test.ts. */
function started(reply: ApiReply<{ resetToken: string; expiresAt: string }>) {
  if (!reply.body.ok) throw new Error(`expected a hidden reset, got ${reply.body.error.code}`);
  const { resetToken: _token, expiresAt: _expires, ...rest } = reply.body.data;
  return { status: reply.status, body: { ok: true, data: rest } };
}

describe('with hideAccountState on', () => {
  let h: ApiHarness;
  beforeEach(async () => {
    h = await createFastHarness({ hideAccountState: true });
  });
  afterEach(() => h.close());

  it('startReset: unknown, adele (SSPR off), lee (not managed), megan (not registered) and alain (registered) all get one answer', async () => {
    const replies = [];
    for (const userId of [UNKNOWN, ADELE, LEE, MEGAN, ALAIN]) replies.push(started(await h.call('startReset', { userId })));
    for (const reply of replies.slice(1)) expect(reply).toEqual(replies[0]);
    expect(replies[0]!.body).toMatchObject({ ok: true, data: { hidden: true, methods: [] } });
  });

  it('the unlock mode gives the same answer too', async () => {
    const replies = [];
    for (const userId of [UNKNOWN, ADELE, LEE, MEGAN, ALAIN]) replies.push(started(await h.call('startReset', { userId, mode: 'unlock' })));
    for (const reply of replies.slice(1)) expect(reply).toEqual(replies[0]);
  });

  it('changePassword with a wrong old password: unknown, adele, lee and megan all get one answer', async () => {
    const replies = [];
    for (const userId of [UNKNOWN, ADELE, LEE, MEGAN]) replies.push(comparable(await h.call('changePassword', { userId, oldPassword: 'Not-The-Passw0rd', newPassword: 'x' })));
    for (const reply of replies.slice(1)) expect(reply).toEqual(replies[0]);
  });

  it('contactHelpdesk answers a support code for anyone', async () => {
    const unknown = await h.call('contactHelpdesk', { userId: UNKNOWN, reason: 'OTHER' });
    const known = await h.call('contactHelpdesk', { userId: ADELE, reason: 'OTHER' });
    expect(unknown.status).toBe(known.status);
    expect(Object.keys(unknown.body)).toEqual(Object.keys(known.body));
  });

  it('a user who can reset still can (the setting hides, it does not refuse)', async () => {
    expect((await h.call('startReset', { userId: ALAIN })).body.ok).toBe(true);
  });

  it('lee, knowing his password, still learns it is managed elsewhere when changing it', async () => {
    const reply = await h.call('changePassword', { userId: LEE, oldPassword: DEMO_PASSWORD, newPassword: 'Correct-Horse-Battery-77' });
    expect(reply.body.ok ? null : reply.body.error.code).toBe('PASSWORD_NOT_MANAGED');
  });
});

describe('with hideAccountState off (the default: the seed tells each case apart)', () => {
  it('the four cases differ', async () => {
    const h = await createFastHarness();
    try {
      const codes = [];
      for (const userId of [UNKNOWN, ADELE, LEE, MEGAN]) {
        const reply = await h.call('startReset', { userId });
        codes.push(reply.body.ok ? 'ok' : reply.body.error.code);
      }
      expect(codes).toEqual(['NOT_REGISTERED', 'SSPR_NOT_ENABLED', 'PASSWORD_NOT_MANAGED', 'NOT_REGISTERED']);
    } finally {
      await h.close();
    }
  });
});
