import { getCountries, getCountryCallingCode, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';

export type { CountryCode };

/** Every country libphonenumber knows, named in the UI language and sorted as people read it. */
export function countryOptions(language: string): { code: CountryCode; label: string }[] {
  const names = new Intl.DisplayNames([language, 'en'], { type: 'region' });
  const collator = new Intl.Collator(language);
  return getCountries()
    .map((code) => ({ code, label: `${names.of(code) ?? code} (+${getCountryCallingCode(code)})` }))
    .sort((a, b) => collator.compare(a.label, b.label));
}

const known = new Set<string>(getCountries());

/**
 * The country a person most likely dials from: the region of the UI language (zh-TW → TW),
 * else of the browser's languages (en-GB → GB), else the United States.
 */
export function defaultCountry(language: string, browserLanguages: readonly string[]): CountryCode {
  for (const tag of [language, ...browserLanguages]) {
    const region = tag.split(/[-_]/).find((part, i) => i > 0 && /^[A-Za-z]{2}$/.test(part))?.toUpperCase();
    if (region && known.has(region)) return region as CountryCode;
  }
  return 'US';
}

/** A typed number checked against its country: E.164 plus the international form to show, or why not. */
export type PhoneCheck = { ok: true; e164: string; display: string } | { ok: false; problem: 'empty' | 'invalid' };

export function checkPhone(input: string, country: CountryCode): PhoneCheck {
  if (!input.trim()) return { ok: false, problem: 'empty' };
  const parsed = parsePhoneNumberFromString(input, country);
  if (!parsed || !parsed.isValid()) return { ok: false, problem: 'invalid' };
  return { ok: true, e164: parsed.number, display: parsed.formatInternational() };
}
