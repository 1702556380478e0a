import { languages, type Language } from '../../../contract/ipc.js';
import type { ConfigService } from '../config/config-service.js';

/**
 * The language of a locale tag: a Traditional Chinese locale (zh-TW, zh-Hant-*, zh-HK,
 * zh-MO) reads zh-TW; everything else English. The renderer applies the same rule.
 */
export function languageOfLocale(locale: string): Language {
  const tag = locale.toLowerCase().replace(/_/g, '-');
  if (/^zh-(tw|hk|mo)\b/.test(tag) || /^zh-hant\b/.test(tag)) return 'zh-TW';
  return 'en';
}

export const isLanguage = (value: string): value is Language => (languages as readonly string[]).includes(value);

/**
 * The language the user reads right now, which the directory writes its codes and mails in.
 * In memory only: the renderer tells it at start (the browser's language in the web host)
 * and on every switch. Until then: the configured language, else the system locale's.
 */
export class ReadingLanguage {
  private now: Language | null = null;

  constructor(
    private readonly config: Pick<ConfigService, 'effective'>,
    private readonly systemLocale: string,
  ) {}

  current(): Language {
    return this.now ?? this.config.effective().values.language ?? languageOfLocale(this.systemLocale);
  }

  set(language: Language): void {
    this.now = language;
  }
}
