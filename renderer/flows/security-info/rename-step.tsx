import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../components/form-actions';
import { Screen } from '../../components/screen';
import { TextField } from '../../components/text-field';
import { isTypeName } from '../../lib/method-label';
import type { SecurityInfoState } from '../../store/security-info-slice';
import { useStore } from '../../store/store';

/** A new name for an app or a key; the service never touches its secret. */
export function RenameStep({ state }: { state: Extract<SecurityInfoState, { step: 'rename' }> }) {
  const { t } = useTranslation();
  const submitRename = useStore((s) => s.submitRename);
  const back = useStore((s) => s.backToOverview);
  const signInAgain = useStore((s) => s.signInAgain);
  // A label that only repeats the type ("Authenticator app") starts as the type's name in this language.
  const [name, setName] = useState(() => (isTypeName(state.method.label, state.method.type) ? t(`methods.${state.method.type}`) : state.method.label));
  const [missing, setMissing] = useState(false);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return setMissing(true);
    setMissing(false);
    void submitRename(name.trim());
  };

  return (
    <Screen name="rename-method" title={t('rename.title', { method: t(`methods.${state.method.type}`) })} loading={state.loading} error={state.error} errorActions={{ signInAgain }}>
      <form noValidate onSubmit={onSubmit} aria-busy={state.loading} className="panel">
        <TextField label={t('rename.label')} hint={t('rename.hint')} value={name} onChange={setName} maxLength={64} autoComplete="off" fieldError={missing ? t('rename.missing') : null} />
        <FormActions loading={state.loading} primary={{ label: t('rename.save') }} secondary={{ label: t('common.cancel'), onClick: back }} />
      </form>
    </Screen>
  );
}
