import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Screen } from '../../components/screen';
import { TextField } from '../../components/text-field';
import { distinctName } from '../shared/distinct-name';
import { nameProblem } from '../shared/name-problem';
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
  const base = state.attachment === 'platform' ? t('method.securityKey.platformName') : t('method.securityKey.name');
  const [name, setName] = useState(() => distinctName(base, existingLabels));
  const [shown, setShown] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const problem = nameProblem(name, existingLabels, t);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (problem) {
      setShown(true);
      return box.current?.querySelector('input')?.focus();
    }
    onSave(name.trim());
  };

  return (
    <Screen name="add-security-key-name" title={t('method.securityKey.nameTitle')} loading={state.loading} error={state.error} errorActions={{ startOver: onStartOver, retry: () => !problem && onSave(name.trim()) }}>
      <p>{t('method.securityKey.nameBody')}</p>
      <form noValidate onSubmit={onSubmit} aria-busy={state.loading}>
        <div ref={box}>
          <TextField label={t('method.common.name')} value={name} onChange={setName} maxLength={64} autoComplete="off" fieldError={shown ? problem : null} />
        </div>
        <div className="actions">
          <button type="submit" disabled={state.loading}>
            {t('method.common.save')}
          </button>
          <button type="button" className="secondary" disabled={state.loading} onClick={onCancel}>
            {t('method.common.cancel')}
          </button>
        </div>
      </form>
    </Screen>
  );
}
