import { useTranslation } from 'react-i18next';
import { FormActions } from '../../components/form-actions';
import { Screen } from '../../components/screen';
import { isTypeName } from '../../lib/method-label';
import type { SecurityInfoState } from '../../store/security-info-slice';
import { useStore } from '../../store/store';

/** "Remove this method?" — said plainly, with what it means, before anything is removed. */
export function RemoveStep({ state }: { state: Extract<SecurityInfoState, { step: 'remove' }> }) {
  const { t } = useTranslation();
  const confirmRemove = useStore((s) => s.confirmRemove);
  const back = useStore((s) => s.backToOverview);
  const signInAgain = useStore((s) => s.signInAgain);
  const type = t(`methods.${state.method.type}`);
  return (
    <Screen name="remove-method" title={t('remove.title')} loading={state.loading} error={state.error} errorActions={{ signInAgain }}>
      <p className="lead">{t('remove.body', { name: isTypeName(state.method.label, state.method.type) ? type : state.method.label, method: type })}</p>
      <FormActions loading={state.loading} primary={{ label: t('remove.confirm'), onClick: () => void confirmRemove() }} secondary={{ label: t('common.cancel'), onClick: back }} />
    </Screen>
  );
}
