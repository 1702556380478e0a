import { useTranslation } from 'react-i18next';
import { Screen } from '../../components/screen';
import { isTypeName } from '../../lib/method-label';
import { orderRegistered } from '../../lib/method-order';
import { assertNever } from '../../lib/assert-never';
import { methodScreens } from '../../methods';
import type { SecurityInfoState } from '../../store/security-info-slice';
import { useStore } from '../../store/store';
import { readiness, type Readiness } from './method-rules';

type DoneState = Extract<SecurityInfoState, { step: 'done' }>;

function summary(r: Readiness, t: ReturnType<typeof useTranslation>['t']): { title: string; body: string } {
  switch (r.kind) {
    case 'ready':
      return { title: t('done.readyTitle'), body: r.required > 1 ? t('done.readyTwo') : t('done.readyOne') };
    case 'missing':
      return { title: t('done.missingTitle'), body: t('done.missing', { n: String(r.required), have: String(r.have) }) };
    case 'questionsAlone':
      return { title: t('done.missingTitle'), body: t('done.questionsAlone') };
    default:
      return assertNever(r);
  }
}

/** The seed's step 3, "Done": what the registered methods now make possible, or what is missing. */
export function DoneStep({ state }: { state: DoneState }) {
  const { t } = useTranslation();
  const back = useStore((s) => s.backToOverview);
  const signOut = useStore((s) => s.signOut);
  const r = readiness(state.info);
  const { title, body } = summary(r, t);
  const methods = orderRegistered(state.info.methods, state.info.defaultMethodId);

  return (
    <Screen name="security-info-done" title={title} loading={state.loading} error={state.error}>
      <p className="lead">{body}</p>
      {methods.length > 0 && (
        <>
          <h2>{t('done.methodsHeading')}</h2>
          <ul className="summary-list">
            {methods.map((m) => {
              const { Icon } = methodScreens[m.type];
              return (
                <li key={m.id}>
                  <Icon className="method-icon small" />
                  <span>{!isTypeName(m.label, m.type) ? t('secondFactor.methodWithHint', { method: t(`methods.${m.type}`), hint: m.label }) : t(`methods.${m.type}`)}</span>
                </li>
              );
            })}
          </ul>
        </>
      )}
      {r.kind === 'ready' && <p>{t('done.next')}</p>}
      <div className="actions page-end">
        <button type="button" className={r.kind === 'ready' ? 'secondary' : undefined} onClick={back}>
          {t('done.back')}
        </button>
        <button type="button" className={r.kind === 'ready' ? undefined : 'secondary'} disabled={state.loading} onClick={() => void signOut()}>
          {t('overview.signOut')}
        </button>
      </div>
    </Screen>
  );
}
