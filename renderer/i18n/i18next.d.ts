import 'i18next';
import type { en } from './en';

// Typed keys: t('home.forgot') is checked at compile time against the English resource.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}
