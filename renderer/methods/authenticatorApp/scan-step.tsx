import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QrCode } from './qr-code';
import { Screen } from '../../components/screen';
import type { AuthAppSetup } from './add-state';

/** "ABCD EFGH IJ…": groups of four are easier to type and to read aloud. */
export function groupKey(key: string): string {
  return key.replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 ');
}

type CopyState = 'idle' | 'copied' | 'failed';

/** Step 2: the QR code, and the same secret as a key for people who cannot scan. Shown once. */
export function ScanStep({ setup, onNext, onBack }: { setup: AuthAppSetup; onNext: () => void; onBack: () => void }) {
  const { t } = useTranslation();
  const [copy, setCopy] = useState<CopyState>('idle');

  const copyKey = async () => {
    try {
      await navigator.clipboard.writeText(setup.manualKey.replace(/\s+/g, ''));
      setCopy('copied');
    } catch {
      setCopy('failed');
    }
  };

  const status = copy === 'copied' ? t('method.authenticatorApp.copied') : copy === 'failed' ? t('method.authenticatorApp.copyFailed') : null;
  return (
    <Screen name="add-authenticator-app-scan" title={t('method.authenticatorApp.scanTitle')} status={status}>
      <p>{t('method.authenticatorApp.scanBody')}</p>
      <QrCode uri={setup.otpauthUri} />
      <p className="method-note">{t('method.authenticatorApp.scanOnce')}</p>
      <p>{t('method.authenticatorApp.manualIntro')}</p>
      <dl className="details">
        <dt>{t('method.authenticatorApp.key')}</dt>
        <dd className="key-row">
          <code data-testid="manual-key" className="manual-key">
            {groupKey(setup.manualKey)}
          </code>
          <button type="button" className="secondary" onClick={() => void copyKey()}>
            {t('method.authenticatorApp.copyKey')}
          </button>
        </dd>
        <dt>{t('method.authenticatorApp.issuer')}</dt>
        <dd>{setup.issuer}</dd>
        <dt>{t('method.authenticatorApp.account')}</dt>
        <dd>{setup.accountName}</dd>
      </dl>
      <div className="actions">
        <button type="button" onClick={onNext}>
          {t('method.common.next')}
        </button>
        <button type="button" className="secondary" onClick={onBack}>
          {t('method.common.back')}
        </button>
      </div>
    </Screen>
  );
}
