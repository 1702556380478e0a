/**
 * The next step each dead end offers (issue 9's table), in en and zh-TW, and the words that
 * change with where the error is met: a lockout at sign-in is undone by "Unlock my account",
 * a refused proof at a gate means the code ran out.
 */
import { describe, expect, it } from 'vitest';
import { i18next } from '../../../../renderer/i18n';
import { describeError } from '../../../../renderer/i18n/describe-error';

const langs = ['en', 'zh-TW'] as const;
const t = (lng: (typeof langs)[number]) => i18next.getFixedT(lng);

describe.each(langs)('next steps (%s)', (lng) => {
  it('ACCOUNT_LOCKED offers the unlock, PASSWORD_EXPIRED the change, each with its label', () => {
    const locked = describeError({ code: 'ACCOUNT_LOCKED', message: '' }, t(lng), lng);
    expect(locked).toMatchObject({ action: 'unlock', actionLabel: t(lng)('errors.actions.unlock') });
    const expired = describeError({ code: 'PASSWORD_EXPIRED', message: '' }, t(lng), lng);
    expect(expired).toMatchObject({ action: 'changePassword', actionLabel: t(lng)('errors.actions.changePassword') });
  });

  it('THROTTLED at sign-in: until when, and the unlock (not another method)', () => {
    const retryAfter = new Date(Date.now() + 60_000).toISOString();
    const atGate = describeError({ code: 'THROTTLED', message: '', retryAfter }, t(lng), lng);
    const atSignIn = describeError({ code: 'THROTTLED', message: '', retryAfter }, t(lng), lng, 'signIn');
    expect(atGate.action).toBe('tryAnotherMethod');
    expect(atSignIn.action).toBe('unlock');
    expect(atSignIn.body).toBe(atGate.body);
    expect(atSignIn.title).toBe(t(lng)('errors.THROTTLED.signInTitle'));
  });

  it('STEP_NOT_ALLOWED at a gate: the code ran out, send a new one (no "start again")', () => {
    const view = describeError({ code: 'STEP_NOT_ALLOWED', message: '', supportCode: 'S1' }, t(lng), lng, 'gate');
    expect(view).toMatchObject({ title: t(lng)('errors.codeExpired.title'), body: t(lng)('errors.codeExpired.body'), action: 'none', supportCode: 'S1' });
    expect(describeError({ code: 'STEP_NOT_ALLOWED', message: '' }, t(lng), lng).action).toBe('startOver');
  });

  it('network down and a server error read differently', () => {
    const down = describeError({ code: 'DIRECTORY_UNREACHABLE', message: '' }, t(lng), lng);
    for (const code of ['INTERNAL', 'DIRECTORY_ERROR', 'DIRECTORY_UNAVAILABLE'] as const) {
      const other = describeError({ code, message: '' }, t(lng), lng);
      expect(other.title).not.toBe(down.title);
      expect(other.body).not.toBe(down.body);
    }
  });

  it('the account states go to the helpdesk; every view keeps the support code', () => {
    const disabled = describeError({ code: 'ACCOUNT_DISABLED', message: '', supportCode: 'ABC' }, t(lng), lng);
    expect(disabled).toMatchObject({ action: 'contactHelpdesk', supportCode: 'ABC' });
    expect(describeError({ code: 'PASSWORD_NOT_MANAGED', message: '' }, t(lng), lng).action).toBe('contactHelpdesk');
    expect(describeError({ code: 'SSPR_NOT_ENABLED', message: '' }, t(lng), lng).action).toBe('contactAdmin');
  });
});
