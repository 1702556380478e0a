import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isCodeShaped, normalizeCode } from '../../components/code-input';
import { FormActions } from '../../components/form-actions';
import { Screen } from '../../components/screen';
import { CodeField } from '../shared/code-field';
import { MethodNameField, useMethodName } from '../shared/method-name-field';
import type { AuthAppState } from './add-state';

interface ConfirmStepProps {
  state: Extract<AuthAppState, { step: 'confirm' }>;
  existingLabels: readonly string[];
  onConfirm: (code: string, name: string) => void;
  onBack: () => void;
  onStartOver: () => void;
}

/** Step 3: prove the app works with one code, and name it (a second app gets "… 2"). */
export function ConfirmStep({ state, existingLabels, onConfirm, onBack, onStartOver }: ConfirmStepProps) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const field = useMethodName(t('method.authenticatorApp.name'), existingLabels);
  const [problem, setProblem] = useState<'code' | 'wrong' | null>(null);
  const codeInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (state.wrongCodes === 0) return;
    setCode('');
    setProblem('wrong');
    codeInput.current?.focus();
  }, [state.wrongCodes]);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const clean = normalizeCode(code);
    if (!isCodeShaped(clean)) {
      setProblem('code');
      return codeInput.current?.focus();
    }
    setProblem(null);
    const name = field.take();
    if (name) onConfirm(clean, name);
  };

  const codeError = problem === 'code' ? t('method.common.codeMissing', { digits: '6' }) : problem === 'wrong' ? t('method.common.codeWrong') : null;
  return (
    <Screen name="add-authenticator-app-verify" title={t('method.authenticatorApp.verifyTitle')} loading={state.loading} error={state.error} errorActions={{ startOver: onStartOver, retry: onStartOver }}>
      <p>{t('method.authenticatorApp.verifyBody')}</p>
      <form noValidate onSubmit={onSubmit} aria-busy={state.loading}>
        <CodeField value={code} onChange={setCode} digits={6} inputRef={codeInput} fieldError={codeError} />
        <MethodNameField field={field} hint={t('method.authenticatorApp.nameHint')} />
        <FormActions loading={state.loading} primary={{ label: t('method.common.verify') }} secondary={{ label: t('method.common.back'), onClick: onBack }} />
      </form>
    </Screen>
  );
}
