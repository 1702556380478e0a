import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../components/form-actions';
import { Screen } from '../../components/screen';
import { MethodNameField, useMethodName } from '../shared/method-name-field';
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
  const field = useMethodName(t('method.authenticatorApp.deviceDefaultName'), existingLabels);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const name = field.take();
    if (name) onAdd(name);
  };

  return (
    <Screen name="add-authenticator-app-device-name" title={t('method.authenticatorApp.deviceNameTitle')} loading={state.loading} error={state.error} errorActions={{ retry: () => !field.problem && onAdd(field.name.trim()) }}>
      <p>{t('method.authenticatorApp.deviceNameBody')}</p>
      <form noValidate onSubmit={onSubmit} aria-busy={state.loading}>
        <MethodNameField field={field} hint={t('method.authenticatorApp.nameHint')} />
        <FormActions loading={state.loading} primary={{ label: t('method.authenticatorApp.addDevice') }} secondary={{ label: t('method.common.back'), onClick: onBack }} />
      </form>
    </Screen>
  );
}
