import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Screen } from '../../components/screen';
import { TextField } from '../../components/text-field';
import { distinctName } from '../shared/distinct-name';
import { nameProblem } from '../shared/name-problem';
import type { AuthAppState } from './add-state';

interface DeviceNameStepProps {
  state: Extract<AuthAppState, { step: 'deviceName' }>;
  existingLabels: readonly string[];
  onAdd: (name: string) => void;
  onBack: () => void;
}

/** This device as the authenticator: only a name; the key goes from the service into the OS keyring, never on screen. */
export function DeviceNameStep({ state, existingLabels, onAdd, onBack }: DeviceNameStepProps) {
  const { t } = useTranslation();
  const [name, setName] = useState(() => distinctName(t('method.authenticatorApp.deviceDefaultName'), existingLabels));
  const [shown, setShown] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const problem = nameProblem(name, existingLabels, t);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (problem) {
      setShown(true);
      return box.current?.querySelector('input')?.focus();
    }
    onAdd(name.trim());
  };

  return (
    <Screen name="add-authenticator-app-device-name" title={t('method.authenticatorApp.deviceNameTitle')} loading={state.loading} error={state.error} errorActions={{ retry: () => !problem && onAdd(name.trim()) }}>
      <p>{t('method.authenticatorApp.deviceNameBody')}</p>
      <form noValidate onSubmit={onSubmit} aria-busy={state.loading}>
        <div ref={box}>
          <TextField label={t('method.common.name')} hint={t('method.authenticatorApp.nameHint')} value={name} onChange={setName} maxLength={64} autoComplete="off" fieldError={shown ? problem : null} />
        </div>
        <div className="actions">
          <button type="submit" disabled={state.loading}>
            {t('method.authenticatorApp.addDevice')}
          </button>
          <button type="button" className="secondary" disabled={state.loading} onClick={onBack}>
            {t('method.common.back')}
          </button>
        </div>
      </form>
    </Screen>
  );
}
