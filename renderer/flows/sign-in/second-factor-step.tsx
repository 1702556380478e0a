import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CodeInput, isCodeShaped, normalizeCode } from '../../components/code-input';
import { MethodChoiceList } from '../../components/method-choice-list';
import { FormActions } from '../../components/form-actions';
import { Screen } from '../../components/screen';
import type { SignInState } from '../../store/sign-in-slice';
import { useStore } from '../../store/store';

/** A registered method must be passed before security info can change (POLICY: registration). */
export function SecondFactorStep({ state }: { state: Extract<SignInState, { step: 'secondFactor' }> }) {
  const { t } = useTranslation();
  const verifySecondFactor = useStore((s) => s.verifySecondFactor);
  const restartSignIn = useStore((s) => s.restartSignIn);
  const [methodId, setMethodId] = useState(state.methods[0]?.id ?? '');
  const [code, setCode] = useState('');
  const [invalid, setInvalid] = useState(false);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const clean = normalizeCode(code);
    if (!isCodeShaped(clean) || !methodId) return setInvalid(true);
    setInvalid(false);
    void verifySecondFactor(methodId, clean);
  };

  return (
    <Screen
      name="second-factor"
      title={t('secondFactor.title')}
      loading={state.loading}
      error={state.error}
      errorActions={{ signInAgain: () => restartSignIn(), startOver: () => restartSignIn() }}
    >
      <p>{t('secondFactor.intro')}</p>
      <form noValidate onSubmit={onSubmit} aria-busy={state.loading}>
        <MethodChoiceList legend={t('secondFactor.chooseMethod')} methods={state.methods} selected={methodId} onSelect={setMethodId} />
        <CodeInput value={code} onChange={setCode} fieldError={invalid ? t('code.invalid') : null} />
        <FormActions loading={state.loading} primary={{ label: t('common.verify') }} secondary={{ label: t('common.back'), onClick: () => restartSignIn() }} />
      </form>
    </Screen>
  );
}
