import { useTranslation } from 'react-i18next';
import { OptionCard } from '../../components/option-card';
import { Screen } from '../../components/screen';
import { byStrength } from '../../lib/method-order';
import { methodScreens } from '../../methods';
import type { SecurityInfoState } from '../../store/security-info-slice';
import { useStore } from '../../store/store';
import { PrivacyNote } from './privacy-note';
import { useStrengthText } from './strength-tag';

/** "Add sign-in method": only what the policy lets this user add now (`canAdd`), strongest first. */
export function ChooseStep({ state }: { state: Extract<SecurityInfoState, { step: 'choose' }> }) {
  const { t } = useTranslation();
  const startAdd = useStore((s) => s.startAdd);
  const cancelAdd = useStore((s) => s.cancelAdd);
  const strengthText = useStrengthText();
  const types = byStrength(state.info.canAdd.map((type) => ({ type }))).map((x) => x.type);

  return (
    <Screen name="add-method" title={t('choose.title')}>
      <p className="lead">{t('choose.intro')}</p>
      {types.length === 0 ? (
        <p>{t('overview.nothingToAdd')}</p>
      ) : (
        <div className="option-list">
          {types.map((type) => {
            const { Icon } = methodScreens[type];
            return <OptionCard key={type} title={t(`methods.${type}`)} tag={strengthText(type)} description={t(`choose.desc.${type}`)} icon={<Icon className="method-icon" />} onClick={() => startAdd(type)} />;
          })}
        </div>
      )}
      <PrivacyNote />
      <div className="actions">
        <button type="button" className="secondary" onClick={cancelAdd}>
          {t('common.back')}
        </button>
      </div>
    </Screen>
  );
}
