/**
 * POST /password-policy/check: the service's rules and blocklist as the person types. The
 * answer is a verdict (never an error), the same for an account that exists and one that does
 * not, and the same rule the reset would name.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ALAIN, ALAIN_APP, alainCode, success, type ApiHarness } from '../../../support/api-harness.js';
import { createFastHarness } from '../../../support/api-flows.js';

let h: ApiHarness;
beforeEach(async () => {
  h = await createFastHarness();
});
afterEach(() => h.close());

const check = async (newPassword: string, userId?: string) => success(await h.call('checkPassword', { newPassword, ...(userId ? { userId } : {}) }));

describe('checking a new password as it is typed', () => {
  it('a good password is ok; short, common, near-common, the user name and the organization name are refused by rule', async () => {
    expect(await check('Correct-Horse-Battery-77')).toEqual({ verdict: 'ok' });
    expect(await check('Ab1-xyz')).toEqual({ verdict: 'refused', rule: 'minLength', ruleValue: h.ctx.policy.password.minLength });
    expect(await check('password123')).toEqual({ verdict: 'refused', rule: 'commonPassword' });
    expect(await check('P@ssw0rd2026!')).toMatchObject({ verdict: 'refused', rule: expect.stringMatching(/^(commonPassword|nearCommonPassword)$/) });
    expect(await check('alain-Autumn-Leaves-9', ALAIN)).toEqual({ verdict: 'refused', rule: 'containsUserName' });
    expect(await check(`${h.ctx.tenant.name}-Autumn-Leaves-9`)).toEqual({ verdict: 'refused', rule: 'containsOrganizationName' });
  });

  it('answers an unknown id exactly as a known one: nothing is looked up', async () => {
    for (const password of ['Correct-Horse-Battery-77', 'alain-Autumn-Leaves-9', 'password123']) {
      const known = await check(password, ALAIN);
      const unknown = await check(password.replace('alain', 'nobody'), 'nobody@contoso.com');
      expect(unknown, password).toEqual(known);
    }
  });

  it("names the same rule the reset would: the checklist and the service's refusal never disagree", async () => {
    const { resetToken } = success(await h.call('startReset', { userId: ALAIN }));
    success(await h.call('verifyReset', { methodId: ALAIN_APP, code: await alainCode(h) }, resetToken));
    for (const password of ['password123', 'Ab1-xyz', 'alain-Autumn-Leaves-9']) {
      const typed = await check(password, ALAIN);
      const refused = await h.call('completeReset', { newPassword: password }, resetToken);
      expect(refused.body.ok).toBe(false);
      if (!refused.body.ok && typed.verdict === 'refused') expect(refused.body.error.rule, password).toBe(typed.rule);
      expect(typed.verdict).toBe('refused');
    }
  });
});
