import { describe, expect, it } from 'vitest';
import { defaultPolicy, isAdmin, isSsprEnabled, policyForUser, type SsprPolicy } from '../../../../server/policy/policy.js';

const MINUTE = 60_000;
const tenant: SsprPolicy = {
  ...defaultPolicy,
  adminGroups: ['it-admins'],
  methodsEnabled: ['authenticatorApp', 'sms', 'email', 'questions'],
  overrides: [
    { match: ['contractors'], policy: { methodsRequired: 2, codes: { smsLifetimeMs: 2 * MINUTE } } },
    { match: ['contractors', 'interns'], policy: { codes: { smsLifetimeMs: 3 * MINUTE }, verifyFailures: { max: 3 } } },
    // An attempt to weaken administrators: must lose against the admin rule.
    { match: ['it-admins'], policy: { methodsRequired: 1, methodsEnabled: ['questions', 'email', 'authenticatorApp'] } },
  ],
};

describe('policyForUser', () => {
  it('leaves users outside every override on the tenant policy', () => {
    const { overrides: _o, ...base } = tenant;
    expect(policyForUser(tenant, ['sales'])).toEqual(base);
  });

  it('applies the matching overrides in file order, later ones winning, objects merged in part', () => {
    const p = policyForUser(tenant, ['contractors']);
    expect(p.methodsRequired).toBe(2);
    expect(p.codes).toEqual({ ...defaultPolicy.codes, smsLifetimeMs: 3 * MINUTE });
    expect(p.verifyFailures).toEqual({ ...defaultPolicy.verifyFailures, max: 3 });
    const intern = policyForUser(tenant, ['interns']);
    expect([intern.methodsRequired, intern.codes.smsLifetimeMs]).toEqual([1, 3 * MINUTE]);
  });

  it('applies the administrator rule last: no override can weaken it', () => {
    const admin = policyForUser(tenant, ['it-admins', 'contractors']);
    expect(admin.methodsRequired).toBe(2);
    expect(admin.methodsEnabled).toEqual(['email', 'authenticatorApp']);
    expect(admin.methodsEnabled).not.toContain('questions');
    expect(isAdmin(tenant, ['it-admins'])).toBe(true);
  });

  it('returns a policy with its overrides applied, so applying it again changes nothing', () => {
    const once = policyForUser(tenant, ['contractors']);
    expect(once.overrides).toBeUndefined();
    expect(policyForUser(once, ['contractors'])).toEqual(once);
  });

  it('never asks for more answers than were registered, whatever the combination', () => {
    const p = policyForUser({ ...defaultPolicy, questions: { ...defaultPolicy.questions, toRegister: 5, toAnswer: 5 }, overrides: [{ match: ['g'], policy: { questions: { toRegister: 3 } } }] }, ['g']);
    expect(p.questions).toMatchObject({ toRegister: 3, toAnswer: 3 });
  });

  it('does not change the tenant policy it was given', () => {
    const before = structuredClone(tenant);
    policyForUser(tenant, ['contractors', 'it-admins']);
    expect(tenant).toEqual(before);
  });
});

describe('isSsprEnabled', () => {
  it('knows none, all and groups', () => {
    expect(isSsprEnabled({ ...defaultPolicy, ssprEnabledFor: { scope: 'none' } }, ['a'])).toBe(false);
    expect(isSsprEnabled({ ...defaultPolicy, ssprEnabledFor: { scope: 'all' } }, [])).toBe(true);
    expect(isSsprEnabled({ ...defaultPolicy, ssprEnabledFor: { scope: 'groups', groups: ['a', 'b'] } }, ['b'])).toBe(true);
    expect(isSsprEnabled({ ...defaultPolicy, ssprEnabledFor: { scope: 'groups', groups: ['a'] } }, ['c'])).toBe(false);
  });
});
