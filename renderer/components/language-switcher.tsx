import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../contract/ipc';
import { describeError } from '../i18n/describe-error';
import { useStore } from '../store/store';

const options: { value: Language; key: 'language.en' | 'language.zhTW' }[] = [
  { value: 'en', key: 'language.en' },
  { value: 'zh-TW', key: 'language.zhTW' },
];

/** The "Language" select shown on every screen; locked when managed policy sets the language. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const app = useStore((s) => s.app);
  const changeLanguage = useStore((s) => s.changeLanguage);
  if (app.step !== 'ready') return null;
  const locked = app.info.languageLocked;
  return (
    <div className="language-switcher">
      <label htmlFor={id}>{t('language.label')}</label>
      <select
        id={id}
        value={i18n.language}
        disabled={locked}
        aria-describedby={locked ? `${id}-locked` : undefined}
        onChange={(e) => void changeLanguage(e.target.value as Language)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value} lang={o.value}>
            {t(o.key)}
          </option>
        ))}
      </select>
      {locked && (
        <span id={`${id}-locked`} className="hint">
          {t('language.locked')}
        </span>
      )}
      {app.error && (
        <span role="alert" className="field-error">
          {describeError(app.error, t, i18n.language).title}
        </span>
      )}
    </div>
  );
}
