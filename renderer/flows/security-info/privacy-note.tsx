import { useTranslation } from 'react-i18next';
import { Callout } from '../../components/callout';

/** The seed's note: who sees a phone number, an address, and the answers to security questions. */
export function PrivacyNote() {
  const { t } = useTranslation();
  return (
    <Callout tone="info" title={t('overview.privacyTitle')}>
      <p>{t('overview.privacy')}</p>
    </Callout>
  );
}
