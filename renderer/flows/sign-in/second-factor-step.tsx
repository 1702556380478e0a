import { useTranslation } from 'react-i18next';
import { Screen } from '../../components/screen';
import { api } from '../../bridge/api';
import { call } from '../../store/call';
import type { SignInState } from '../../store/sign-in-slice';
import { useStore } from '../../store/store';
import { GateVerify } from '../gates/gate-verify';
import { MethodPicker } from '../gates/method-picker';

// Stable references: a Verify step may ask for its challenge in an effect.
const requestChallenge = (methodId: string) => call(() => api().startSecondFactor({ methodId }));

/** A registered method must be passed before security info can change (POLICY: registration). */
export function SecondFactorStep({ state }: { state: Extract<SignInState, { step: 'secondFactor' }> }) {
  const { t } = useTranslation();
  const verify = useStore((s) => s.verifySecondFactor);
  const choose = useStore((s) => s.chooseSecondFactorMethod);
  const cancelSignIn = useStore((s) => s.cancelSignIn);
  const method = state.methods.find((m) => m.id === state.methodId);

  return (
    <Screen
      name="second-factor"
      title={t('secondFactor.title')}
      loading={state.loading}
      error={state.error}
      errorActions={{ signInAgain: cancelSignIn, startOver: cancelSignIn }}
    >
      <p className="lead">{t('secondFactor.intro')}</p>
      <div className="gate panel">
        <MethodPicker legend={t('secondFactor.chooseMethod')} methods={state.methods} selected={state.methodId} onSelect={choose} disabled={state.loading} />
        {method ? (
          <GateVerify method={method} requestChallenge={requestChallenge} submit={(proof) => void verify(proof)} busy={state.loading} error={state.error} />
        ) : (
          <p>{t('secondFactor.noMethods')}</p>
        )}
      </div>
      <div className="actions">
        <button type="button" className="secondary" disabled={state.loading} onClick={cancelSignIn}>
          {t('common.back')}
        </button>
      </div>
    </Screen>
  );
}
