/**
 * Through the API: a new password the transport admits but the policy refuses is a 422
 * POLICY_VIOLATION naming the rule — at reset and at change — never a 400 from the schema.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ALAIN, DEMO_PASSWORD, failure, success, type ApiHarness } from '../../../support/api-harness.js';
import { createFastHarness } from '../../../support/api-flows.js';

let h: ApiHarness;
beforeEach(async () => {
  h = await createFastHarness();
});
afterEach(() => h.close());

const tooLong = 'Lantern-Harbor-'.repeat(20); // 300 characters: over the default 256, under the transport's 4096
const refusals = [
  ['300 characters', tooLong, { rule: 'maxLength', ruleValue: 256 }],
  ['a NUL byte', 'Lantern\u0000Harbor-1987', { rule: 'forbiddenCharacter' }],
  ['the organization and a year', 'Contoso2025!', { rule: 'containsOrganizationName' }],
  ['a common password in leetspeak', 'P@ssw0rd2024', { rule: 'commonPassword' }],
  ['a common password with a letter doubled', 'sunshinee', { rule: 'nearCommonPassword' }],
] as const;

describe('a refused new password is 422 POLICY_VIOLATION with its rule', () => {
  it.each(refusals)('at reset: %s', async (_what, newPassword, expected) => {
    expect(tooLong).toHaveLength(300);
    const token = await h.verifiedAlainReset();
    const reply = await h.call('completeReset', { newPassword }, token);
    expect(reply.status).toBe(422);
    expect(failure(reply)).toMatchObject({ code: 'POLICY_VIOLATION', ...expected });
    // The reset is not used up: a good password still goes through.
    success(await h.call('completeReset', { newPassword: 'Correct-Horse-Battery-77' }, token));
  });

  it.each(refusals)('at change: %s', async (_what, newPassword, expected) => {
    const reply = await h.call('changePassword', { userId: ALAIN, oldPassword: DEMO_PASSWORD, newPassword });
    expect(reply.status).toBe(422);
    expect(failure(reply)).toMatchObject({ code: 'POLICY_VIOLATION', ...expected });
    await h.signIn(ALAIN, DEMO_PASSWORD);
  });
});
