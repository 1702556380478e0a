import { useTranslation } from 'react-i18next';
import { OptionCard } from '../../components/option-card';
import { Screen } from '../../components/screen';
import { byStrength } from '../../lib/method-order';
import { methodScreens } from '../../methods';
import type { SecurityInfoState } from '../../store/security-info-slice';
import { useStore } from '../../store/store';
import { noticeText } from './notice-text';
import { PrivacyNote } from './privacy-note';
import { useStrengthText } from './strength-tag';

/**
 * Enforced registration: the organization asks this user, right after sign-in, to add
 * enough methods to reset their password. "Skip for now" while the service allows it.
 */
export function RegisterStep({ state }: { state: Extract<SecurityInfoState, { step: 'register' }> }) {
  const { t } = useTranslation();
  const startChoose = useStore((s) => s.chooseMethodToAdd);
  const startAdd = useStore((s) => s.startAdd);
  const skip = useStore((s) => s.skipRegistration);
  const signInAgain = useStore((s) => s.signInAgain);
  const load = useStore((s) => s.loadSecurityInfo);
  const strengthText = useStrengthText();
  const { info } = state;
  const types = byStrength(info.canAdd.map((type) => ({ type }))).map((x) => x.type);
  const add = (type: (typeof types)[number]) => {
    startChoose();
    startAdd(type);
  };

  return (
    <Screen
      name="register-security-info"
      title={t('register.title')}
      loading={state.loading}
      error={state.error}
      errorActions={{ retry: () => void load(), signInAgain }}
      status={state.notice ? noticeText(state.notice, t) : null}
    >
      <p className="lead">{t('register.intro')}</p>
      <p className="muted">{t('register.count', { n: String(info.required), have: String(info.methods.length) })}</p>
      <h2>{t('register.addHeading')}</h2>
      <div className="option-list">
        {types.map((type) => {
          const { Icon } = methodScreens[type];
          return <OptionCard key={type} title={t(`methods.${type}`)} tag={strengthText(type)} description={t(`choose.desc.${type}`)} icon={<Icon className="method-icon" />} disabled={state.loading} onClick={() => add(type)} />;
        })}
      </div>
      <PrivacyNote />
      <div className="actions page-end">
        {info.skipsLeft > 0 ? (
          <>
            <button type="button" className="secondary" disabled={state.loading} aria-describedby="skips-left" onClick={() => void skip()}>
              {t('register.skip')}
            </button>
            <p id="skips-left" className="muted inline">
              {t('register.skipsLeft', { n: String(info.skipsLeft) })}
            </p>
          </>
        ) : (
          <p className="muted inline">{t('register.noSkips')}</p>
        )}
      </div>
    </Screen>
  );
}
