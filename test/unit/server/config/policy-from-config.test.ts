import { describe, expect, it } from 'vitest';
import { loadServiceConfig, parseServiceConfig } from '../../../../server/config/load-config.js';
import { policyFromConfig } from '../../../../server/config/policy-from-config.js';
import { defaultPolicy, isSsprEnabled } from '../../../../server/policy/policy.js';
import { configText } from './config-fixtures.js';

const MINUTE = 60_000;
const policyOf = (settings: Record<string, unknown>) => policyFromConfig(parseServiceConfig(configText(settings)).policy);

describe('policyFromConfig', () => {
  it('is defaultPolicy when the file sets nothing', () => {
    expect(policyFromConfig({})).toEqual(defaultPolicy);
    expect(policyFromConfig()).toEqual(defaultPolicy);
  });

  it('the shipped example states the defaults it documents', async () => {
    const example = await loadServiceConfig(new URL('../../../../server/config/example-config.yaml', import.meta.url).pathname);
    // Only these knobs are set away from their default, on purpose, to show their form.
    const { overrides, ssprEnabledFor: _s, adminGroups: _a, questions, ...rest } = policyFromConfig(example.policy);
    const { ssprEnabledFor: _ds, adminGroups: _da, questions: defaultQuestions, ...defaults } = defaultPolicy;
    expect(rest).toEqual(defaults);
    expect({ ...questions, custom: [] }).toEqual(defaultQuestions);
    expect(overrides).toHaveLength(2);
  });

  it('turns minutes into milliseconds and keeps unset knobs at their default', () => {
    const p = policyOf({
      'policy.codes': { smsLifetimeMinutes: 3, emailDigits: 10 },
      'policy.throttles': { verifyFailures: { max: 3 }, perAddress: { windowMinutes: 1 } },
      'policy.resetLifetimeMinutes': 30,
    });
    expect(p.codes).toEqual({ ...defaultPolicy.codes, smsLifetimeMs: 3 * MINUTE, emailDigits: 10 });
    expect(p.verifyFailures).toEqual({ ...defaultPolicy.verifyFailures, max: 3 });
    expect(p.perAddress).toEqual({ ...defaultPolicy.perAddress, windowMs: MINUTE });
    expect(p.resetLifetimeMs).toBe(30 * MINUTE);
    expect(p.sessionLifetimeMs).toBe(defaultPolicy.sessionLifetimeMs);
  });

  it('reads the three forms of ssprEnabledFor', () => {
    const none = policyOf({ 'policy.ssprEnabledFor': 'none' });
    const all = policyOf({ 'policy.ssprEnabledFor': 'all' });
    const groups = policyOf({ 'policy.ssprEnabledFor': { groups: ['sspr-users'] } });
    expect(none.ssprEnabledFor).toEqual({ scope: 'none' });
    expect(all.ssprEnabledFor).toEqual({ scope: 'all' });
    expect(groups.ssprEnabledFor).toEqual({ scope: 'groups', groups: ['sspr-users'] });
    expect([isSsprEnabled(none, ['sspr-users']), isSsprEnabled(all, []), isSsprEnabled(groups, ['sspr-users']), isSsprEnabled(groups, ['sales'])]).toEqual([false, true, true, false]);
  });

  it('keeps custom questions with their translations and the group overrides in order', () => {
    const p = policyOf({
      'policy.questions.custom': [{ id: 'badge', text: { en: 'First badge number?', 'zh-TW': '第一張識別證號碼？' } }],
      'policy.groups': [
        { match: ['contractors'], policy: { methodsRequired: 1, codes: { smsLifetimeMinutes: 2 } } },
        { match: ['interns'], policy: { throttles: { verifyFailures: { max: 3 } } } },
      ],
    });
    expect(p.questions.custom).toEqual([{ id: 'badge', text: { en: 'First badge number?', 'zh-TW': '第一張識別證號碼？' } }]);
    expect(p.overrides).toEqual([
      { match: ['contractors'], policy: { methodsRequired: 1, codes: { smsLifetimeMs: 2 * MINUTE } } },
      { match: ['interns'], policy: { verifyFailures: { max: 3 } } },
    ]);
  });
});
