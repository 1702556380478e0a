import { useTranslation } from 'react-i18next';
import { Callout } from '../../components/callout';
import { Screen } from '../../components/screen';
import { orderRegistered } from '../../lib/method-order';
import type { SecurityInfoState } from '../../store/security-info-slice';
import { useStore } from '../../store/store';
import { MethodCard } from './method-card';
import { noticeText } from './notice-text';
import { PrivacyNote } from './privacy-note';

type OverviewState = Extract<SecurityInfoState, { step: 'overview' }>;

/**
 * The Security info page: registered methods as cards (default first, strong before weak),
 * add, re-confirm when due, Done, the seed's privacy note, sign out.
 */
export function OverviewStep({ state }: { state: OverviewState }) {
  const { t } = useTranslation();
  const load = useStore((s) => s.loadSecurityInfo);
  const chooseMethodToAdd = useStore((s) => s.chooseMethodToAdd);
  const reconfirm = useStore((s) => s.reconfirm);
  const finish = useStore((s) => s.finishSecurityInfo);
  const signOut = useStore((s) => s.signOut);
  const signInAgain = useStore((s) => s.signInAgain);
  const { info } = state;
  const methods = info ? orderRegistered(info.methods, info.defaultMethodId) : [];

  return (
    <Screen
      name="security-info"
      title={t('overview.title')}
      loading={state.loading}
      error={state.error}
      errorActions={{ retry: () => void load(), signInAgain }}
      status={state.notice ? noticeText(state.notice, t) : null}
    >
      <p className="lead">{t('overview.intro')}</p>
      <p className="muted">{t('overview.signedInAs', { name: state.user.displayName, userId: state.user.userId })}</p>

      {info?.reconfirmDue && (
        <Callout tone="warning" title={t('overview.reconfirmTitle')} asks>
          <p>{t('overview.reconfirmBody')}</p>
          <div className="actions">
            <button type="button" disabled={state.loading} onClick={() => void reconfirm()}>
              {t('overview.reconfirmYes')}
            </button>
          </div>
        </Callout>
      )}

      <div className="section-head">
        <h2>{t('overview.registeredHeading')}</h2>
        <button type="button" disabled={!info || state.loading || info.canAdd.length === 0} onClick={chooseMethodToAdd}>
          <span aria-hidden="true" className="plus">
            +
          </span>
          {t('overview.add')}
        </button>
      </div>
      {info && info.canAdd.length === 0 && <p className="muted">{t('overview.nothingToAdd')}</p>}
      {info &&
        (methods.length === 0 ? (
          <p className="empty">{t('overview.none')}</p>
        ) : (
          <ul className="method-cards">
            {methods.map((m) => (
              <li key={m.id}>
                <MethodCard method={m} info={info} busy={state.loading} />
              </li>
            ))}
          </ul>
        ))}

      <PrivacyNote />

      <div className="actions page-end">
        <p className="muted done-hint" id="done-hint">
          {t('overview.doneHint')}
        </p>
        <button type="button" disabled={!info || state.loading} aria-describedby="done-hint" onClick={finish}>
          {t('overview.done')}
        </button>
        <button type="button" className="secondary" disabled={state.loading} onClick={() => void signOut()}>
          {t('overview.signOut')}
        </button>
      </div>
    </Screen>
  );
}
