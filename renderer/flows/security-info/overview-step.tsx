import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Screen } from '../../components/screen';
import { formatDate } from '../../i18n/format';
import type { SignInState } from '../../store/sign-in-slice';
import { useStore } from '../../store/store';
import type { MethodType } from '../../store/types';

/** Method types this version of the app can add; others the policy allows are listed, not offered. */
const addableHere: readonly MethodType[] = ['authenticatorApp'];

/** The Security info page: registered methods, what the organization allows, add, sign out. */
export function OverviewStep({ state }: { state: Extract<SignInState, { step: 'overview' }> }) {
  const { t, i18n } = useTranslation();
  const loadSecurityInfo = useStore((s) => s.loadSecurityInfo);
  const startAdd = useStore((s) => s.startAddAuthenticatorApp);
  const signOut = useStore((s) => s.signOut);
  const restartSignIn = useStore((s) => s.restartSignIn);
  const [choosing, setChoosing] = useState(false);
  const choicesId = useId();
  const { info } = state;
  const addable = (info?.canAdd ?? []).filter((type) => addableHere.includes(type));

  return (
    <Screen
      name="security-info"
      title={t('overview.title')}
      loading={state.loading}
      error={state.error}
      errorActions={{ retry: () => void loadSecurityInfo(), signInAgain: () => restartSignIn() }}
      status={state.addedName ? t('overview.methodAdded', { name: state.addedName }) : null}
    >
      <p>{t('overview.intro')}</p>
      <p className="muted">{t('overview.signedInAs', { name: state.user.displayName, userId: state.user.userId })}</p>

      <h2>{t('overview.registeredHeading')}</h2>
      {info &&
        (info.methods.length === 0 ? (
          <p>{t('overview.none')}</p>
        ) : (
          <ul className="method-list">
            {info.methods.map((m) => (
              <li key={m.id}>
                <span className="method-type">{t(`methods.${m.type}`)}</span>
                <span className="method-label">{m.label}</span>
                <span className="muted">{t('overview.addedOn', { date: formatDate(m.createdAt, i18n.language) })}</span>
              </li>
            ))}
          </ul>
        ))}

      <div className="actions">
        <button type="button" aria-expanded={choosing} aria-controls={choicesId} disabled={!info || state.loading} onClick={() => setChoosing(!choosing)}>
          {t('overview.add')}
        </button>
      </div>
      {choosing && (
        <div id={choicesId} className="add-choices">
          {addable.length === 0 ? (
            <p>{t('overview.nothingToAdd')}</p>
          ) : (
            <>
              <p>{t('overview.addChoose')}</p>
              <div className="actions">
                {addable.map((type) => (
                  <button type="button" className="secondary" key={type} onClick={startAdd}>
                    {t(`methods.${type}`)}
                  </button>
                ))}
              </div>
            </>
          )}
        </div>
      )}

      {info && info.enabled.length > 0 && (
        <>
          <h2>{t('overview.enabledHeading')}</h2>
          <ul className="plain-list">
            {info.enabled.map((type) => (
              <li key={type}>{t(`methods.${type}`)}</li>
            ))}
          </ul>
        </>
      )}

      <div className="actions">
        <button type="button" className="secondary" disabled={state.loading} onClick={() => void signOut()}>
          {t('overview.signOut')}
        </button>
      </div>
    </Screen>
  );
}
