import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Screen } from '../../components/screen';
import { api } from '../../bridge/api';
import { call } from '../../store/call';
import type { ResetState } from '../../store/reset-slice';
import { useStore } from '../../store/store';
import type { MethodType } from '../../store/types';
import { GateVerify } from '../gates/gate-verify';
import { MethodPicker } from '../gates/method-picker';
import { TypedGate } from '../gates/typed-gate';
import { ResetTimeLimit } from './reset-time-limit';

type VerifyState = Extract<ResetState, { step: 'verify' }>;

// Stable references: a Verify step may ask for its challenge in an effect.
const requestChallenge = (methodId: string) => call(() => api().startResetChallenge({ methodId }));
const requestTypedChallenge = (methodType: MethodType, address?: string) => call(() => api().startResetChallenge(address === undefined ? { methodType } : { methodType, address }));

/**
 * Pass `required` verification gates (1 or 2), one method at a time, with each method's own
 * Verify step. A method that is THROTTLED leaves the others selectable: the error says until
 * when, and "Try another method" moves to the next one.
 */
export function VerifyStep({ state }: { state: VerifyState }) {
  const { t } = useTranslation();
  const verifyReset = useStore((s) => s.verifyReset);
  const choose = useStore((s) => s.chooseResetMethod);
  const restartReset = useStore((s) => s.restartReset);
  const cancelReset = useStore((s) => s.cancelReset);
  const methodsRef = useRef<HTMLDivElement>(null);
  const method = state.methods.find((m) => m.id === state.methodId);
  const unlock = state.mode === 'unlock';
  const needed = state.required > 1 ? (unlock ? t('reset.unlockNeededTwo') : t('reset.neededTwo')) : unlock ? t('reset.unlockNeededOne') : t('reset.neededOne');

  const tryAnother = () => methodsRef.current?.querySelector<HTMLInputElement>('input:not(:disabled):not(:checked)')?.focus();
  const submit = (proof: Parameters<typeof verifyReset>[0]) => void verifyReset(proof);

  return (
    <Screen
      name="reset-verify"
      title={unlock ? t('reset.unlockVerifyTitle') : t('reset.verifyTitle')}
      loading={state.loading}
      error={state.error}
      errorContext="gate"
      errorActions={{ startOver: restartReset, signInAgain: restartReset, tryAnotherMethod: state.methods.length > 1 ? tryAnother : undefined }}
      status={state.passed > 0 ? t('reset.stepPassed') : null}
      banner={<ResetTimeLimit state={state} />}
    >
      <p className="lead">{needed}</p>
      {state.hidden && <p>{t('reset.hiddenIntro')}</p>}
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
          <MethodPicker legend={state.hidden ? t('reset.hiddenChoose') : t('reset.chooseMethod')} methods={state.methods} selected={state.methodId} onSelect={choose} used={state.usedMethodIds} disabled={state.loading} />
        </div>
        {!method ? (
          <p>{t('reset.noMethods')}</p>
        ) : state.hidden ? (
          <TypedGate key={`${method.id}-${state.passed}`} method={method} requestChallenge={requestTypedChallenge} submit={submit} busy={state.loading} error={state.error} />
        ) : (
          <GateVerify method={method} requestChallenge={requestChallenge} submit={submit} busy={state.loading} error={state.error} />
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
