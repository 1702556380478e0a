import { describe, expect, it } from 'vitest';
import { en } from '../../../../renderer/i18n/en';
import { pickLanguage } from '../../../../renderer/i18n';
import { zhTW } from '../../../../renderer/i18n/zh-tw';

/** Every leaf of a resource as "a.b.c" → value. */
function leaves(obj: object, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === 'object') for (const [kk, vv] of leaves(v, key)) out.set(kk, vv);
    else out.set(key, v);
  }
  return out;
}

describe('i18n resources', () => {
  const enLeaves = leaves(en);
  const zhLeaves = leaves(zhTW);

  /** The keys a language must have: English's, less the plural forms its plural rules never ask for. */
  const keysFor = (language: string) => {
    const forms = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
    return [...enLeaves.keys()].filter((k) => !/_(zero|one|two|few|many)$/.test(k) || forms.includes(k.slice(k.lastIndexOf('_') + 1) as Intl.LDMLPluralRule)).sort();
  };

  it('en and zh-TW have the same keys, each plural with the forms its language uses', () => {
    expect([...zhLeaves.keys()].sort()).toEqual(keysFor('zh-TW'));
    // The test above would pass with no plurals at all: there is one, and zh-TW has only its _other.
    expect(enLeaves.has('rules.history_one') && enLeaves.has('rules.history_other')).toBe(true);
    expect([zhLeaves.has('rules.history_one'), zhLeaves.has('rules.history_other')]).toEqual([false, true]);
  });

  it('gives every plural an _other form in both languages', () => {
    const plurals = [...enLeaves.keys()].filter((k) => /_(zero|one|two|few|many|other)$/.test(k)).map((k) => k.replace(/_[a-z]+$/, ''));
    for (const base of new Set(plurals)) {
      expect(enLeaves.has(`${base}_other`), base).toBe(true);
      expect(zhLeaves.has(`${base}_other`), base).toBe(true);
    }
  });

  it('has no empty or non-string texts', () => {
    for (const [key, value] of [...enLeaves, ...zhLeaves]) {
      expect(typeof value, key).toBe('string');
      expect((value as string).trim(), key).not.toBe('');
    }
  });

  it('uses the same interpolation variables in both languages', () => {
    const vars = (s: unknown) => [...String(s).matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
    // Keys zh-TW has no need of (an English-only plural form) are the key-set test's business.
    for (const [key, value] of enLeaves) if (zhLeaves.has(key)) expect(vars(zhLeaves.get(key)), key).toEqual(vars(value));
  });

  it('shows no internal name in zh-TW (method type ids, error codes)', () => {
    const internal = /\b(authenticatorApp|securityKey|sms|voice|questions)\b|\b[A-Z]+_[A-Z_]+\b/;
    for (const [key, value] of zhLeaves) expect(String(value), key).not.toMatch(internal);
  });

  it('keeps the seed’s Note and step 3 in zh-TW', () => {
    expect(zhTW.overview.privacy).toBe('為電話號碼或電子郵件地址添加的資訊不會與組織的全域目錄共用。唯一能看到此資訊的人是您和您的管理員。只有您可以查看您安全性問題的答案。');
    expect(zhTW.overview.done).toBe('完成');
  });

  it('keeps the seed wording for zh-TW', () => {
    expect(zhTW.home.forgot).toBe('忘記我的密碼');
    expect(zhTW.errors.SSPR_NOT_ENABLED.title).toBe('您的帳戶未啟用密碼重設功能。');
  });
});

describe('pickLanguage', () => {
  it.each([
    ['zh-TW', 'zh-TW'],
    ['zh_TW', 'zh-TW'],
    ['zh-Hant', 'zh-TW'],
    ['zh-Hant-TW', 'zh-TW'],
    ['zh-HK', 'zh-TW'],
    ['zh-CN', 'en'],
    ['zh', 'en'],
    ['fr-FR', 'en'],
    ['en-US', 'en'],
  ])('system locale %s → %s', (locale, expected) => {
    expect(pickLanguage(null, locale)).toBe(expected);
  });

  it('prefers the stored choice over the system locale', () => {
    expect(pickLanguage('en', 'zh-TW')).toBe('en');
    expect(pickLanguage('zh-TW', 'en-US')).toBe('zh-TW');
  });
});
