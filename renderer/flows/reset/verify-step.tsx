import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Screen } from '../../components/screen';
import { api } from '../../bridge/api';
import { call } from '../../store/call';
import type { ResetState } from '../../store/reset-slice';
import { useStore } from '../../store/store';
import { GateVerify } from '../gates/gate-verify';
import { MethodPicker } from '../gates/method-picker';

type VerifyState = Extract<ResetState, { step: 'verify' }>;

// A stable reference: a Verify step may ask for its challenge in an effect.
const requestChallenge = (methodId: string) => call(() => api().startResetChallenge({ methodId }));

/** Pass `required` verification gates (1 or 2), one method at a time, with each method's own Verify step. */
export function VerifyStep({ state }: { state: VerifyState }) {
  const { t } = useTranslation();
  const verifyReset = useStore((s) => s.verifyReset);
  const choose = useStore((s) => s.chooseResetMethod);
  const restartReset = useStore((s) => s.restartReset);
  const cancelReset = useStore((s) => s.cancelReset);
  const methodsRef = useRef<HTMLDivElement>(null);
  const method = state.methods.find((m) => m.id === state.methodId);

  const tryAnother = () => methodsRef.current?.querySelector<HTMLInputElement>('input:not(:disabled):not(:checked)')?.focus();

  return (
    <Screen
      name="reset-verify"
      title={t('reset.verifyTitle')}
      loading={state.loading}
      error={state.error}
      errorActions={{ startOver: restartReset, signInAgain: restartReset, tryAnotherMethod: tryAnother }}
      status={state.passed > 0 ? t('reset.stepPassed') : null}
    >
      <p className="lead">{state.required > 1 ? t('reset.neededTwo') : t('reset.neededOne')}</p>
      {state.required > 1 && (
        <ol className="gate-progress" aria-label={t('reset.progressLabel')}>
          {Array.from({ length: state.required }, (_, i) => (
            <li key={i} className={i < state.passed ? 'passed' : i === state.passed ? 'current' : undefined} aria-current={i === state.passed ? 'step' : undefined}>
              {i < state.passed ? t('reset.gatePassed', { n: String(i + 1) }) : t('reset.gate', { n: String(i + 1) })}
            </li>
          ))}
        </ol>
      )}
      <p className="muted">{t('reset.progress', { passed: String(state.passed), required: String(state.required) })}</p>
      <div className="gate panel">
        <div ref={methodsRef}>
          <MethodPicker legend={t('reset.chooseMethod')} methods={state.methods} selected={state.methodId} onSelect={choose} used={state.usedMethodIds} disabled={state.loading} />
        </div>
        {method ? (
          <GateVerify method={method} requestChallenge={requestChallenge} submit={(proof) => void verifyReset(proof)} busy={state.loading} error={state.error} />
        ) : (
          <p>{t('reset.noMethods')}</p>
        )}
      </div>
      <div className="actions">
        <button type="button" className="secondary" disabled={state.loading} onClick={cancelReset}>
          {t('common.cancel')}
        </button>
      </div>
    </Screen>
  );
}
