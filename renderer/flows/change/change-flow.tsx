import { useTranslation } from 'react-i18next';
import { Screen } from '../../components/screen';

/** "Change my password". SKELETON: the flow's screens come with the change slice. */
export function ChangeFlow() {
  const { t } = useTranslation();
  return <Screen name="change" title={t('change.title')} />;
}
