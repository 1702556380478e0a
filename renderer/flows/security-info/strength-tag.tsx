import { useTranslation } from 'react-i18next';
import { methodTraits, type MethodType } from '../../../contract/method-traits';
import { Badge } from '../../components/badge';

/** "Less secure" for text and call (NIST: restricted), "Reset only" for email and questions. */
export function StrengthTag({ type }: { type: MethodType }) {
  const { t } = useTranslation();
  const strength = methodTraits[type].strength;
  if (strength === 'restricted') return <Badge tone="warning">{t('overview.lessSecure')}</Badge>;
  if (strength === 'resetOnly') return <Badge tone="neutral">{t('overview.resetOnly')}</Badge>;
  return null;
}

/** The same words as a plain string, for a card's description. */
export function useStrengthText(): (type: MethodType) => string | undefined {
  const { t } = useTranslation();
  return (type) => {
    const strength = methodTraits[type].strength;
    return strength === 'restricted' ? t('overview.lessSecure') : strength === 'resetOnly' ? t('overview.resetOnly') : undefined;
  };
}
