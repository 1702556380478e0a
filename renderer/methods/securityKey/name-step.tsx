import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../components/form-actions';
import { Screen } from '../../components/screen';
import { MethodNameField, useMethodName } from '../shared/method-name-field';
import type { SecurityKeyState } from './add-state';

interface NameStepProps {
  state: Extract<SecurityKeyState, { step: 'name' }>;
  existingLabels: readonly string[];
  onSave: (name: string) => void;
  onStartOver: () => void;
  onCancel: () => void;
}

/** The key answered: name it ("Security key", "Security key 2"…, or "Passkey on this device"). */
export function NameStep({ state, existingLabels, onSave, onStartOver, onCancel }: NameStepProps) {
  const { t } = useTranslation();
  const field = useMethodName(state.attachment === 'platform' ? t('method.securityKey.platformName') : t('method.securityKey.name'), existingLabels);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const name = field.take();
    if (name) onSave(name);
  };

  return (
    <Screen name="add-security-key-name" title={t('method.securityKey.nameTitle')} loading={state.loading} error={state.error} errorActions={{ startOver: onStartOver, retry: () => !field.problem && onSave(field.name.trim()) }}>
      <p>{t('method.securityKey.nameBody')}</p>
      <form noValidate onSubmit={onSubmit} aria-busy={state.loading}>
        <MethodNameField field={field} />
        <FormActions loading={state.loading} primary={{ label: t('method.common.save') }} secondary={{ label: t('method.common.cancel'), onClick: onCancel }} />
      </form>
    </Screen>
  );
}
