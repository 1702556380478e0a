import { describe, expect, it } from 'vitest';
import { errorCodes, passwordRules } from '../../../../contract/errors';
import { i18next } from '../../../../renderer/i18n';
import { describeError } from '../../../../renderer/i18n/describe-error';

const inLanguage = (lng: 'en' | 'zh-TW') => i18next.getFixedT(lng);

describe('describeError', () => {
  it.each(errorCodes)('%s has a title and body in en and zh-TW', (code) => {
    const en = describeError({ code, message: 'x' }, inLanguage('en'), 'en');
    const zh = describeError({ code, message: 'x' }, inLanguage('zh-TW'), 'zh-TW');
    for (const view of [en, zh]) {
      expect(view.title).toBeTruthy();
      expect(view.body).toBeTruthy();
      expect(view.title).not.toMatch(/^errors\./); // a missing key would show the key itself
      expect(view.body).not.toMatch(/^errors\./);
    }
    expect(zh.title).not.toBe(en.title);
  });

  it('uses the texts the brief fixes', () => {
    const t = inLanguage('en');
    expect(describeError({ code: 'INVALID_CREDENTIALS', message: '' }, t, 'en').title).toBe('The user ID or password is incorrect.');
    const code = describeError({ code: 'INVALID_CODE', message: '' }, t, 'en');
    expect(`${code.title} ${code.body}`).toBe("That code didn't work. Check the code and try again.");
    const net = describeError({ code: 'DIRECTORY_UNREACHABLE', message: '' }, t, 'en');
    expect(`${net.title} ${net.body}`).toBe("Can't reach your organization's directory. Check your network connection and try again.");
  });

  it('says the tries left after a wrong code only when the service sent them (policy showTriesLeft)', () => {
    const en = inLanguage('en');
    expect(describeError({ code: 'INVALID_CODE', message: '' }, en, 'en').more).toBeNull();
    expect(describeError({ code: 'INVALID_CODE', message: '', triesLeft: 3 }, en, 'en').more).toBe('You can try 3 more times before this method is paused.');
    expect(describeError({ code: 'INVALID_CODE', message: '', triesLeft: 1 }, en, 'en').more).toBe('You can try 1 more time before this method is paused.');
    expect(describeError({ code: 'INVALID_CODE', message: '', triesLeft: 0 }, en, 'en').more).toBe('That was the last try: this method is paused for now. Use another method.');
    const zh = inLanguage('zh-TW');
    expect(describeError({ code: 'INVALID_CODE', message: '', triesLeft: 1 }, zh, 'zh-TW').more).toBe('此方法暫停前，您還可以再試 1 次。');
    expect(describeError({ code: 'INVALID_CODE', message: '', triesLeft: 0 }, zh, 'zh-TW').more).toBe('這是最後一次嘗試：此方法已暫時停用。請改用其他方法。');
  });

  it('formats the THROTTLED retry time with Intl in the current language', () => {
    const retryAfter = new Date(Date.now() + 10 * 60_000).toISOString();
    const en = describeError({ code: 'THROTTLED', message: '', retryAfter }, inLanguage('en'), 'en');
    const expected = new Intl.DateTimeFormat('en', { hour: 'numeric', minute: '2-digit' }).format(new Date(retryAfter));
    expect(en.body).toContain(expected);
    expect(en.more).toBe('Or try another method.');
    expect(en.action).toBe('tryAnotherMethod');
    const zh = describeError({ code: 'THROTTLED', message: '', retryAfter }, inLanguage('zh-TW'), 'zh-TW');
    expect(zh.body).toContain(new Intl.DateTimeFormat('zh-TW', { hour: 'numeric', minute: '2-digit' }).format(new Date(retryAfter)));
  });

  it.each(passwordRules)('POLICY_VIOLATION explains rule %s, with the directory’s words', (rule) => {
    const view = describeError({ code: 'POLICY_VIOLATION', message: '', rule, ruleValue: 12, directoryMessage: 'Passwords must be 12 characters.' }, inLanguage('en'), 'en');
    expect(view.body).not.toBe('Choose a different password.');
    expect(view.more).toBe('The directory says: “Passwords must be 12 characters.”');
  });

  it('carries the support code and maps an unknown code to INTERNAL', () => {
    const view = describeError({ code: 'NOPE' as never, message: '', supportCode: 'ABC' }, inLanguage('en'), 'en');
    expect(view.title).toBe('Something went wrong.');
    expect(view.supportCode).toBe('ABC');
  });
});
