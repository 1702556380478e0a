import { useCallback, useEffect, useReducer } from 'react';
import { api } from '../../bridge/api';
import { assertNever } from '../../lib/assert-never';
import type { AddWizardProps } from '../method-module';
import { useMounted } from '../shared/use-mounted';
import { authAppReducer, initialAuthApp } from './add-state';
import { ConfirmStep } from './confirm-step';
import { DeviceNameStep } from './device-name-step';
import { IntroStep } from './intro-step';
import { ScanStep } from './scan-step';

/**
 * Adding an authenticator app. Screens: `add-authenticator-app-intro`, `-scan`, `-verify`
 * (another device), `-device-name` (this device holds the key in the OS keyring).
 */
export function AuthenticatorAppAddWizard({ onAdded, onCancel, existingLabels }: AddWizardProps) {
  const [state, dispatch] = useReducer(authAppReducer, initialAuthApp);
  const mounted = useMounted();

  useEffect(() => {
    // A host that cannot answer simply doesn't offer this device; the other path stays.
    const ask = async () => {
      try {
        const r = await api().getThisDeviceStatus({});
        return r.ok ? r.data : null;
      } catch {
        return null;
      }
    };
    void ask().then((device) => mounted.current && dispatch({ type: 'deviceStatus', device }));
  }, [mounted]);

  const begin = useCallback(async () => {
    dispatch({ type: 'working' });
    const r = await api().beginAuthenticatorApp({});
    if (!mounted.current) return;
    dispatch(r.ok ? { type: 'begun', setup: r.data } : { type: 'failed', error: r.error });
  }, [mounted]);

  const confirm = async (code: string, name: string) => {
    dispatch({ type: 'working' });
    const r = await api().confirmAuthenticatorApp({ code, name });
    if (!mounted.current) return;
    if (r.ok) return onAdded(r.data.method);
    dispatch(r.error.code === 'INVALID_CODE' ? { type: 'wrongCode' } : { type: 'failed', error: r.error });
  };

  const addDevice = async (name: string) => {
    dispatch({ type: 'working' });
    const r = await api().addThisDevice({ name });
    if (!mounted.current) return;
    if (r.ok) return onAdded(r.data.method);
    dispatch({ type: 'failed', error: r.error });
  };

  const back = () => dispatch({ type: 'back' });

  switch (state.step) {
    case 'intro':
      return <IntroStep state={state} onOtherDevice={() => void begin()} onThisDevice={() => dispatch({ type: 'toDeviceName' })} onCancel={onCancel} />;
    case 'scan':
      return <ScanStep setup={state.setup} onNext={() => dispatch({ type: 'toConfirm' })} onBack={back} />;
    case 'confirm':
      return <ConfirmStep state={state} existingLabels={existingLabels} onConfirm={(code, name) => void confirm(code, name)} onBack={back} onStartOver={() => void begin()} />;
    case 'deviceName':
      return <DeviceNameStep state={state} existingLabels={existingLabels} onAdd={(name) => void addDevice(name)} onBack={back} />;
    default:
      return assertNever(state);
  }
}
