import { useState } from 'react';
import { useTranslation } from 'react-i18next';

type CopyState = 'idle' | 'copied' | 'failed';

/**
 * "Support code: X" with a Copy button: the person reads it to the helpdesk or pastes it into
 * a message, so it must never have to be retyped. The outcome is announced politely.
 */
export function SupportCode({ code, written = true }: { code: string; /** False when the code is already in a sentence on screen: only the Copy button. */ written?: boolean }) {
  const { t } = useTranslation();
  const [copy, setCopy] = useState<CopyState>('idle');
  const onCopy = async () => {
    try {
      await navigator.clipboard.writeText(code);
      setCopy('copied');
    } catch {
      setCopy('failed');
    }
  };
  return (
    <div className="support-code">
      {written && <p>{t('common.supportCode', { code })}</p>}
      <button type="button" className="secondary" onClick={() => void onCopy()} aria-label={t('common.copySupportCode')}>
        {t('common.copy')}
      </button>
      <span aria-live="polite" className="copy-status">
        {copy === 'copied' ? t('common.copied') : copy === 'failed' ? t('common.copyFailed') : ''}
      </span>
    </div>
  );
}
