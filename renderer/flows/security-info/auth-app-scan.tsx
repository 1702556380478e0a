import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QrCode } from '../../components/qr-code';
import { FormActions } from '../../components/form-actions';
import { Screen } from '../../components/screen';
import type { AuthAppSetup } from '../../store/types';
import { useStore } from '../../store/store';

/** "ABCD EFGH IJ…": groups of four are easier to type and to read aloud. */
export function groupKey(key: string): string {
  return key.replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 ');
}

type CopyState = 'idle' | 'copied' | 'failed';

/** Step 2: the QR code, and the same secret as a key for people who cannot scan. */
export function AuthAppScan({ setup }: { setup: AuthAppSetup }) {
  const { t } = useTranslation();
  const next = useStore((s) => s.authAppNext);
  const back = useStore((s) => s.authAppBack);
  const [copy, setCopy] = useState<CopyState>('idle');

  const copyKey = async () => {
    try {
      await navigator.clipboard.writeText(setup.manualKey.replace(/\s+/g, ''));
      setCopy('copied');
    } catch {
      setCopy('failed');
    }
  };

  return (
    <Screen name="add-authenticator-app-scan" title={t('authApp.scanTitle')} status={copy === 'copied' ? t('authApp.copied') : copy === 'failed' ? t('authApp.copyFailed') : null}>
      <p>{t('authApp.scanBody')}</p>
      <QrCode uri={setup.otpauthUri} />
      <p>{t('authApp.manualIntro')}</p>
      <dl className="details">
        <dt>{t('authApp.key')}</dt>
        <dd className="key-row">
          <code data-testid="manual-key" className="manual-key">
            {groupKey(setup.manualKey)}
          </code>
          <button type="button" className="secondary" onClick={() => void copyKey()}>
            {t('authApp.copyKey')}
          </button>
        </dd>
        <dt>{t('authApp.issuer')}</dt>
        <dd>{setup.issuer}</dd>
        <dt>{t('authApp.account')}</dt>
        <dd>{setup.accountName}</dd>
      </dl>
      <FormActions loading={false} primary={{ label: t('common.next'), onClick: () => void next() }} secondary={{ label: t('common.back'), onClick: back }} />
    </Screen>
  );
}
