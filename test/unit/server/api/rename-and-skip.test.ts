/**
 * renameMethod (only names the user gave: apps and keys) and skipRegistration (counted by the
 * service against policy.registration.allowedSkips, atomically: parallel skips never exceed
 * it, in memory and in SQLite), through the real API.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../../../server/store/sqlite-store.js';
import { ALAIN, ALAIN_APP, MEGAN, failure, success, type ApiHarness } from '../../../support/api-harness.js';
import { ALAIN_EMAIL, ALAIN_EMAIL_ADDRESS, createFastHarness, elevatedSession, outbox, registerPhone } from '../../../support/api-flows.js';

let h: ApiHarness;
afterEach(() => h.close());

describe('renameMethod', () => {
  it('renames alain’s app: the new name is listed, audited, and his email is told (old and new name)', async () => {
    h = await createFastHarness();
    const token = await elevatedSession(h, ALAIN);
    const before = outbox(h).length;
    const { method } = success(await h.call('renameMethod', { methodId: ALAIN_APP, name: '  Work phone  ' }, token));
    expect(method).toMatchObject({ id: ALAIN_APP, type: 'authenticatorApp', label: 'Work phone' });
    expect(success(await h.call('getSecurityInfo', {}, token)).methods.find((m) => m.id === ALAIN_APP)?.label).toBe('Work phone');
    const notices = outbox(h).slice(before);
    expect(notices).toEqual([expect.objectContaining({ channel: 'email', to: ALAIN_EMAIL_ADDRESS })]);
    expect(notices[0]!.body).toContain('renamed Authenticator app “Authenticator app” to “Work phone”');
    expect((await h.ctx.store.listAudit()).filter((e) => e.event === 'registration.rename.authenticatorApp' && e.outcome === 'success' && e.userId === ALAIN)).toHaveLength(1);
    // The secret is untouched: the app still passes a reset.
    h.clock.advance(30_000);
    await h.verifiedAlainReset();
  });

  it('refuses a masked address (email, phone) with METHOD_NOT_AVAILABLE and changes nothing', async () => {
    h = await createFastHarness();
    const token = await elevatedSession(h, ALAIN);
    const phone = await registerPhone(h, token, 'sms', '+14255550142');
    for (const methodId of [ALAIN_EMAIL, phone.id]) expect(failure(await h.call('renameMethod', { methodId, name: 'Mine' }, token)).code).toBe('METHOD_NOT_AVAILABLE');
    const labels = success(await h.call('getSecurityInfo', {}, token)).methods.map((m) => m.label);
    expect(labels).toEqual(['Authenticator app', 'a•••@example.net', '+1 ••• ••• ••42']);
  });

  it('an unknown or another user’s method is NOT_FOUND; an empty name is BAD_REQUEST; a session that has not stepped up is refused', async () => {
    h = await createFastHarness();
    const megan = await elevatedSession(h, MEGAN);
    expect(failure(await h.call('renameMethod', { methodId: ALAIN_APP, name: 'Stolen' }, megan)).code).toBe('NOT_FOUND');
    expect(failure(await h.call('renameMethod', { methodId: 'm-nope', name: 'x' }, megan)).code).toBe('NOT_FOUND');
    expect(failure(await h.call('renameMethod', { methodId: ALAIN_APP, name: '   ' }, megan)).code).toBe('BAD_REQUEST');
    const notElevated = await h.signIn(ALAIN);
    expect(failure(await h.call('renameMethod', { methodId: ALAIN_APP, name: 'x' }, notElevated)).code).toBe('SECOND_FACTOR_REQUIRED');
    expect((await h.ctx.store.listMethods(ALAIN)).find((m) => m.id === ALAIN_APP)?.label).toBe('Authenticator app');
  });
});

describe('skipRegistration', () => {
  const policy = { registration: { requireAtLaunch: true, allowedSkips: 2, reconfirmDays: 180 } };

  it('counts each skip: getSecurityInfo says how many are left; with none left it is STEP_NOT_ALLOWED, audited with a support code', async () => {
    h = await createFastHarness(policy);
    const token = await elevatedSession(h, MEGAN);
    expect(success(await h.call('getSecurityInfo', {}, token))).toMatchObject({ requiredAtLaunch: true, skipsLeft: 2, registrationComplete: false });
    expect(success(await h.call('skipRegistration', {}, token))).toEqual({ skipsLeft: 1 });
    // Counted by the service, not the session: a new session sees the same count.
    const next = await elevatedSession(h, MEGAN);
    expect(success(await h.call('getSecurityInfo', {}, next)).skipsLeft).toBe(1);
    expect(success(await h.call('skipRegistration', {}, next))).toEqual({ skipsLeft: 0 });
    const refused = failure(await h.call('skipRegistration', {}, next));
    expect(refused.code).toBe('STEP_NOT_ALLOWED');
    expect(success(await h.call('getSecurityInfo', {}, next)).skipsLeft).toBe(0);
    const audit = (await h.ctx.store.listAudit()).filter((e) => e.event === 'registration.skip' && e.userId === MEGAN);
    expect(audit.map((e) => e.outcome)).toEqual(['success', 'success', 'failure']);
    expect(audit[2]!.supportCode).toBe(refused.supportCode);
  });

  it('with no skips allowed the first skip is refused', async () => {
    h = await createFastHarness({ registration: { requireAtLaunch: true, allowedSkips: 0, reconfirmDays: 180 } });
    const token = await elevatedSession(h, MEGAN);
    expect(success(await h.call('getSecurityInfo', {}, token)).skipsLeft).toBe(0);
    expect(failure(await h.call('skipRegistration', {}, token)).code).toBe('STEP_NOT_ALLOWED');
  });

  it('counts nothing when there is nothing to skip: registration complete, or not asked at launch', async () => {
    h = await createFastHarness(policy);
    const alain = await elevatedSession(h, ALAIN);
    expect(success(await h.call('skipRegistration', {}, alain))).toEqual({ skipsLeft: 2 });
    expect(success(await h.call('skipRegistration', {}, alain))).toEqual({ skipsLeft: 2 });
    await h.close();
    h = await createFastHarness({ registration: { requireAtLaunch: false, allowedSkips: 1, reconfirmDays: 0 } });
    const megan = await elevatedSession(h, MEGAN);
    expect(success(await h.call('getSecurityInfo', {}, megan)).requiredAtLaunch).toBe(false);
    expect(success(await h.call('skipRegistration', {}, megan))).toEqual({ skipsLeft: 1 });
    expect((await h.ctx.store.getProfile(MEGAN))?.skipsUsed ?? 0).toBe(0);
  });

  it.each([
    ['memory', () => undefined],
    ['SQLite', () => SqliteStore.open(':memory:')],
  ])('20 skips fired in parallel never exceed allowedSkips (%s store)', async (_name, store) => {
    h = await createFastHarness({ registration: { requireAtLaunch: true, allowedSkips: 3, reconfirmDays: 180 } }, store());
    const token = await elevatedSession(h, MEGAN);
    const replies = await Promise.all(Array.from({ length: 20 }, () => h.call('skipRegistration', {}, token)));
    const granted = replies.filter((r) => r.body.ok).map((r) => (r.body.ok ? r.body.data.skipsLeft : -1));
    expect(granted.sort()).toEqual([0, 1, 2]);
    expect(replies.filter((r) => !r.body.ok && r.body.error.code === 'STEP_NOT_ALLOWED')).toHaveLength(17);
    expect((await h.ctx.store.getProfile(MEGAN))?.skipsUsed).toBe(3);
    await h.ctx.store.close();
  });
});
