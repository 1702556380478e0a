import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../contract/ipc';
import { en } from './en';
import type { Messages } from './en';

/**
 * The texts of each language. English is in the first bundle (it is also every missing
 * key's fallback); the others are fetched when the app first speaks them, so the first
 * screen carries one language's texts.
 */
const loaders: Record<Exclude<Language, 'en'>, () => Promise<Messages>> = {
  'zh-TW': async () => (await import('./zh-tw')).zhTW,
};

/** Makes `language`'s texts available to i18next (once; English always is). */
export async function loadLanguage(language: Language): Promise<void> {
  if (language === 'en' || i18next.hasResourceBundle(language, 'translation')) return;
  i18next.addResourceBundle(language, 'translation', await loaders[language]());
}

/**
 * Picks the UI language: the stored choice, else the system locale. Any Traditional
 * Chinese locale (zh-TW, zh-Hant-*, zh-HK, zh-MO) gets zh-TW; everything else English.
 */
export function pickLanguage(stored: Language | null, systemLocale: string): Language {
  if (stored) return stored;
  const locale = systemLocale.toLowerCase().replace(/_/g, '-');
  if (/^zh-(tw|hk|mo)\b/.test(locale) || /^zh-hant\b/.test(locale)) return 'zh-TW';
  return 'en';
}

/**
 * The stored choice, else the first locale in `locales` (most preferred first) that the app
 * has texts for; English when none matches. The web host passes the browser's languages.
 */
export function pickLanguageFrom(stored: Language | null, locales: readonly string[]): Language {
  if (stored) return stored;
  for (const locale of locales) {
    const l = locale.toLowerCase();
    if (pickLanguage(null, l) === 'zh-TW') return 'zh-TW';
    if (/^en\b/.test(l)) return 'en';
  }
  return 'en';
}

/**
 * Initializes i18next synchronously in English (bundled: the loading screen never shows bare
 * keys), then switches to `language` once its texts are loaded.
 */
export async function initI18n(language: Language): Promise<void> {
  if (i18next.isInitialized) {
    await applyLanguage(language);
    return;
  }
  await i18next.use(initReactI18next).init({
    resources: { en: { translation: en } },
    lng: 'en',
    fallbackLng: 'en',
    initAsync: false,
    // React escapes text itself; double escaping would show "&amp;".
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
  });
  document.documentElement.lang = 'en';
  await applyLanguage(language);
}

/** Switches the texts (loading them first when needed) and `<html lang>` (screen readers pick their voice from it). */
export async function applyLanguage(language: Language): Promise<void> {
  await loadLanguage(language);
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
}

export { i18next };
