/**
 * Every range boundary, in and out, for a representative set of knobs (POLICY.md "Policy
 * knobs" and docs/deployment.md). A bad value must be reported under its own path.
 */
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../../server/config/config-error.js';
import { parseServiceConfig } from '../../../../server/config/load-config.js';
import { configText } from './config-fixtures.js';

interface Row {
  path: string;
  ok: unknown[];
  bad: unknown[];
  /** Other settings the row needs so its ok values pass the cross-field checks. */
  with?: Record<string, unknown>;
}

const rows: Row[] = [
  { path: 'policy.methodsRequired', ok: [1, 2], bad: [0, 3, 1.5, '1'], with: { 'policy.methodsEnabled': ['authenticatorApp', 'securityKey'], webauthn: { rpId: 'localhost', rpName: 'L', origins: ['http://localhost:5173'] } } },
  { path: 'policy.methodsEnabled', ok: [['authenticatorApp'], ['authenticatorApp', 'questions']], bad: [[], ['fax'], ['authenticatorApp', 'authenticatorApp'], 'authenticatorApp'] },
  { path: 'policy.registration.reconfirmDays', ok: [0, 730], bad: [-1, 731] },
  { path: 'policy.registration.allowedSkips', ok: [0, 10], bad: [-1, 11] },
  { path: 'policy.maxAuthenticatorApps', ok: [1, 5], bad: [0, 6] },
  { path: 'policy.totp.secretBytes', ok: [16, 64], bad: [15, 65] },
  { path: 'policy.questions.toRegister', ok: [3, 5], bad: [2, 6] },
  { path: 'policy.questions.toAnswer', ok: [3, 5], bad: [2, 6], with: { 'policy.questions.toRegister': 5 } },
  { path: 'policy.questions.minAnswerLength', ok: [3, 40], bad: [2, 41], with: { 'policy.questions.maxAnswerLength': 40 } },
  { path: 'policy.questions.maxAnswerLength', ok: [3, 100], bad: [2, 101], with: { 'policy.questions.minAnswerLength': 3 } },
  { path: 'policy.codes.smsDigits', ok: [6, 8], bad: [5, 9] },
  { path: 'policy.codes.emailDigits', ok: [6, 10], bad: [5, 11] },
  { path: 'policy.codes.smsLifetimeMinutes', ok: [1, 10], bad: [0, 11] },
  { path: 'policy.codes.emailLifetimeMinutes', ok: [1, 1440], bad: [0, 1441] },
  { path: 'policy.password.minLength', ok: [8, 64], bad: [7, 65] },
  { path: 'policy.password.maxLength', ok: [64, 1024], bad: [63, 1025] },
  { path: 'policy.throttles.verifyFailures.max', ok: [1, 100], bad: [0, 101] },
  { path: 'policy.throttles.verifyFailures.windowMinutes', ok: [1, 10_080], bad: [0, 10_081] },
  { path: 'policy.throttles.verifyFailures.blockMinutes', ok: [1, 43_200], bad: [0, 43_201] },
  { path: 'policy.throttles.codeSends.max', ok: [1, 100], bad: [0, 101] },
  { path: 'policy.throttles.signInFailures.max', ok: [1, 100], bad: [0, 101] },
  { path: 'policy.throttles.perAddress.max', ok: [10, 100_000], bad: [9, 100_001] },
  { path: 'policy.sessionLifetimeMinutes', ok: [5, 120], bad: [4, 121] },
  { path: 'policy.resetLifetimeMinutes', ok: [5, 60], bad: [4, 61] },
  { path: 'policy.setupLifetimeMinutes', ok: [5, 30], bad: [4, 31] },
  { path: 'policy.ssprEnabledFor', ok: ['none', 'all', { groups: ['sspr-users'] }], bad: ['some', { groups: [] }, { group: ['x'] }, true] },
  { path: 'policy.questions.custom', ok: [[], [{ id: 'pet', text: { en: 'Pet?', 'zh-TW': '寵物？' } }]], bad: [[{ id: 'Pet!', text: { en: 'Pet?' } }], [{ id: 'p', text: { en: 'Pe' } }], [{ id: 'p', text: { 'zh-TW': '寵物？' } }], [{ id: 'p', text: { en: 'Pet?', fr: 'Animal?' } }]] },
  { path: 'tenant.name', ok: ['C', 'x'.repeat(100)], bad: ['', 'x'.repeat(101)] },
  { path: 'tenant.helpdesk.phone', ok: ['+1 425 555 0100', '+886 2 2345 6789'], bad: ['call us', '12'] },
  { path: 'tenant.helpdesk.url', ok: ['https://support.contoso.com', 'http://localhost:8080/help'], bad: ['http://support.contoso.com', 'support'] },
  { path: 'server.port', ok: [0, 65_535], bad: [-1, 65_536, 'http'] },
  { path: 'secrets.keyEnv', ok: ['SIGNIN_KEY'], bad: ['signin-key', 'c2VjcmV0'] },
];

function problemsOf(settings: Record<string, unknown>): string[] {
  try {
    parseServiceConfig(configText(settings));
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe.each(rows)('$path', ({ path, ok, bad, with: extra = {} }) => {
  it.each(ok.map((v) => [JSON.stringify(v), v]))('accepts %s', (_label, value) => {
    expect(problemsOf({ ...extra, [path]: value })).toEqual([]);
  });
  it.each(bad.map((v) => [JSON.stringify(v), v]))('refuses %s under its path', (_label, value) => {
    const problems = problemsOf({ ...extra, [path]: value });
    expect(problems.length).toBeGreaterThan(0);
    for (const problem of problems) expect(problem.startsWith(path)).toBe(true);
  });
});

it('reads ranges in the words of the docs', () => {
  expect(problemsOf({ 'policy.codes.smsDigits': 9 })).toEqual(['policy.codes.smsDigits: at most 8 (got 9)']);
  expect(problemsOf({ 'policy.questions.toRegister': 2 })).toEqual(['policy.questions.toRegister: at least 3 (got 2)']);
  expect(problemsOf({ 'policy.registration.reconfirmDays': 1.5 })).toEqual(['policy.registration.reconfirmDays: must be a whole number (got 1.5)']);
  expect(problemsOf({ 'policy.hideAccountState': 'yes' })).toEqual(['policy.hideAccountState: expected boolean, got string']);
});
