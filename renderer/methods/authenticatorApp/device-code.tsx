import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorInfo } from '../../../contract/errors';
import { api } from '../../bridge/api';
import { assertNever } from '../../lib/assert-never';
import { StepError } from '../shared/step-error';
import { useMounted } from '../shared/use-mounted';

type DeviceCodeState =
  | { step: 'idle' }
  | { step: 'asking' }
  | { step: 'shown'; code: string; secondsLeft: number }
  | { step: 'expired' }
  | { step: 'refused'; outcome: 'cancelled' | 'unavailable' | 'error' }
  | { step: 'failed'; error: ErrorInfo };

/**
 * "Show code from this device": the main side asks the OS whether the user is present
 * (Touch ID, Windows Hello) and only then returns the code, which is filled in and shown
 * with a countdown. The countdown is announced when it starts and when it runs out only.
 */
export function DeviceCode({ methodId, onCode }: { methodId: string; onCode: (code: string) => void }) {
  const { t } = useTranslation();
  const [state, setState] = useState<DeviceCodeState>({ step: 'idle' });
  const mounted = useMounted();
  const secondsLeft = state.step === 'shown' ? state.secondsLeft : null;

  useEffect(() => {
    if (secondsLeft === null) return;
    const id = setTimeout(() => setState((s) => (s.step !== 'shown' ? s : s.secondsLeft <= 1 ? { step: 'expired' } : { ...s, secondsLeft: s.secondsLeft - 1 })), 1000);
    return () => clearTimeout(id);
  }, [secondsLeft]);

  const ask = async () => {
    setState({ step: 'asking' });
    const r = await api().getThisDeviceCode({ methodId });
    if (!mounted.current) return;
    if (!r.ok) return setState({ step: 'failed', error: r.error });
    if (r.data.outcome !== 'success') return setState({ step: 'refused', outcome: r.data.outcome });
    onCode(r.data.code);
    setState({ step: 'shown', code: r.data.code, secondsLeft: Math.max(1, r.data.secondsLeft) });
  };

  return (
    <div className="device-code">
      <button type="button" className="secondary" disabled={state.step === 'asking'} onClick={() => void ask()}>
        {t('method.authenticatorApp.showCode')}
      </button>
      <DeviceCodeView state={state} />
    </div>
  );
}

function DeviceCodeView({ state }: { state: DeviceCodeState }) {
  const { t } = useTranslation();
  // What a screen reader hears: the start and the end of a code's life, never each second.
  const [announce, setAnnounce] = useState('');
  const shownCode = state.step === 'shown' ? state.code : null;
  const secondsAtStart = state.step === 'shown' ? state.secondsLeft : 0;
  useEffect(() => {
    if (shownCode) setAnnounce(t('method.authenticatorApp.deviceCodeFilled', { seconds: String(secondsAtStart) }));
    // Only a new code restarts the announcement, not its countdown.
  }, [shownCode]);
  useEffect(() => {
    if (state.step === 'expired') setAnnounce(t('method.authenticatorApp.deviceCodeExpired'));
  }, [state.step, t]);

  const live = (
    <p role="status" className="visually-hidden">
      {announce}
    </p>
  );
  switch (state.step) {
    case 'idle':
    case 'asking':
      return live;
    case 'shown':
      return (
        <>
          {live}
          <p className="device-code-value">
            {t('method.authenticatorApp.deviceCode', { code: state.code })} <span className="muted">{t('method.authenticatorApp.deviceCodeLeft', { seconds: String(state.secondsLeft) })}</span>
          </p>
        </>
      );
    case 'expired':
      return (
        <>
          {live}
          <p className="muted">{t('method.authenticatorApp.deviceCodeExpired')}</p>
        </>
      );
    case 'refused':
      return (
        <>
          {live}
          <p className="method-note" role="alert">
            {t(`method.authenticatorApp.deviceOutcome.${state.outcome}`)}
          </p>
        </>
      );
    case 'failed':
      return (
        <>
          {live}
          <StepError error={state.error} />
        </>
      );
    default:
      return assertNever(state);
  }
}
