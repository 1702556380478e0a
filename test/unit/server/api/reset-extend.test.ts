/**
 * POST /reset/extend (WCAG 2.2.1: warned before the reset runs out, the user extends it with
 * one action, at least ten times): what it gives, what it refuses, and what an attacker cannot
 * get from it. The races on memory are here; SQLite and PostgreSQL: test/integration/api/reset-extend.*.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashToken } from '../../../../server/service-context.js';
import { ALAIN, ALAIN_APP, alainCode, createApiHarness, failure, success, type ApiHarness } from '../../../support/api-harness.js';
import { createFastHarness } from '../../../support/api-flows.js';
import { MINUTE } from '../../../support/fake-clock.js';
import { resetExtendRaces } from '../../../integration/api/reset-extend-scenarios.js';

let h: ApiHarness;
afterEach(() => h.close());

describe('extending a live reset', () => {
  beforeEach(async () => {
    h = await createApiHarness();
  });

  it('gives now + the reset lifetime, stored: the reset outlives its first expiry, and a passed gate stays passed', async () => {
    const token = await h.verifiedAlainReset();
    h.clock.advance(14 * MINUTE);
    const { expiresAt } = success(await h.call('extendReset', {}, token));
    expect(Date.parse(expiresAt)).toBe(h.clock() + 15 * MINUTE);
    h.clock.advance(10 * MINUTE); // past the first expiry, within the new one
    expect((await h.ctx.store.getReset(hashToken(token), h.clock()))?.expiresAt).toBe(Date.parse(expiresAt));
    // No gate again: the verified reset completes.
    success(await h.call('completeReset', { newPassword: 'Correct-Horse-Battery-77' }, token));
  });

  it('ten extensions one after another, each a full lifetime from its moment; the eleventh is THROTTLED', async () => {
    const { resetToken } = success(await h.call('startReset', { userId: ALAIN }));
    for (let i = 0; i < 10; i++) {
      h.clock.advance(13 * MINUTE);
      expect(Date.parse(success(await h.call('extendReset', {}, resetToken)).expiresAt)).toBe(h.clock() + 15 * MINUTE);
    }
    h.clock.advance(MINUTE);
    const eleventh = await h.call('extendReset', {}, resetToken);
    expect(eleventh.status).toBe(429);
    expect(failure(eleventh).code).toBe('THROTTLED');
    // Still usable until the last expiry it was given, then gone.
    success(await h.call('verifyReset', { methodId: ALAIN_APP, code: await alainCode(h) }, resetToken));
    h.clock.advance(15 * MINUTE);
    expect(failure(await h.call('extendReset', {}, resetToken)).code).toBe('RESET_EXPIRED');
  });

  it('an expired reset is not revived, an unknown or missing token is RESET_EXPIRED, a completed one too', async () => {
    const { resetToken } = success(await h.call('startReset', { userId: ALAIN }));
    h.clock.advance(15 * MINUTE);
    expect(failure(await h.call('extendReset', {}, resetToken)).code).toBe('RESET_EXPIRED');
    expect(await h.ctx.store.getReset(hashToken(resetToken), h.clock())).toBeNull();
    expect(failure(await h.call('extendReset', {}, 'not-a-reset-token')).code).toBe('RESET_EXPIRED');
    expect(failure(await h.call('extendReset', {})).code).toMatch(/^(RESET_EXPIRED|UNAUTHORIZED)$/);
    const done = await h.verifiedAlainReset();
    success(await h.call('completeReset', { newPassword: 'Correct-Horse-Battery-77' }, done));
    expect(failure(await h.call('extendReset', {}, done)).code).toBe('RESET_EXPIRED');
    expect((await h.ctx.store.getReset(hashToken(done), h.clock()))?.completed).toBe(true);
  });

  it('a session token is not a reset token', async () => {
    const session = await h.signIn(ALAIN);
    expect(failure(await h.call('extendReset', {}, session)).code).toBe('RESET_EXPIRED');
  });

  it('audits reset.extend with the user, never the token or its hash', async () => {
    const token = await h.verifiedAlainReset();
    success(await h.call('extendReset', {}, token));
    const audit = await h.ctx.store.listAudit();
    const extend = audit.filter((e) => e.event === 'reset.extend');
    expect(extend).toEqual([expect.objectContaining({ userId: ALAIN, outcome: 'success' })]);
    const text = JSON.stringify(audit);
    expect(text).not.toContain(token);
    expect(text).not.toContain(hashToken(token));
  });

  it('an unlock session is extended alike, audited as unlock.extend', async () => {
    const { resetToken } = success(await h.call('startReset', { userId: ALAIN, mode: 'unlock' }));
    success(await h.call('extendReset', {}, resetToken));
    expect((await h.ctx.store.listAudit()).some((e) => e.event === 'unlock.extend' && e.outcome === 'success')).toBe(true);
  });
});

describe('with hideAccountState: no difference for an id the directory does not know', () => {
  beforeEach(async () => {
    h = await createFastHarness({ hideAccountState: true, resetsPerAccount: { max: 1000, windowMs: MINUTE, blockMs: MINUTE } });
  });

  it('known and unknown ids: the same answers, the same cap', async () => {
    const answers: string[][] = [];
    for (const userId of [ALAIN, 'nobody@contoso.com']) {
      const { resetToken } = success(await h.call('startReset', { userId }));
      const seen: string[] = [];
      for (let i = 0; i < 11; i++) {
        const r = await h.call('extendReset', {}, resetToken);
        seen.push(`${r.status} ${r.body.ok ? Date.parse(r.body.data.expiresAt) - h.clock() : r.body.error.code}`);
      }
      answers.push(seen);
    }
    expect(answers[0]).toEqual([...Array.from({ length: 10 }, () => `200 ${15 * MINUTE}`), '429 THROTTLED']);
    expect(answers[1]).toEqual(answers[0]);
    // The unknown id is not written into the audit as a user.
    expect((await h.ctx.store.listAudit()).filter((e) => e.event === 'reset.extend' && e.userId === 'nobody@contoso.com')).toEqual([]);
  });
});

describe('races on the memory store', () => {
  resetExtendRaces(async () => undefined);
});
