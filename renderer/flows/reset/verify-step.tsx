import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CodeInput, isCodeShaped, normalizeCode } from '../../components/code-input';
import { MethodChoiceList } from '../../components/method-choice-list';
import { FormActions } from '../../components/form-actions';
import { Screen } from '../../components/screen';
import type { ResetState } from '../../store/reset-slice';
import { useStore } from '../../store/store';

type VerifyState = Extract<ResetState, { step: 'verify' }>;

const firstUnused = (s: VerifyState) => s.methods.find((m) => !s.usedMethodIds.includes(m.id))?.id ?? '';

/** Pass `required` verification gates, one method at a time. */
export function VerifyStep({ state }: { state: VerifyState }) {
  const { t } = useTranslation();
  const verifyReset = useStore((s) => s.verifyReset);
  const restartReset = useStore((s) => s.restartReset);
  const cancelReset = useStore((s) => s.cancelReset);
  const [methodId, setMethodId] = useState(() => firstUnused(state));
  const [code, setCode] = useState('');
  const [invalid, setInvalid] = useState(false);
  const methodsRef = useRef<HTMLDivElement>(null);

  // After a gate is passed, move on to the next method with an empty code box (deliberately
  // keyed on `passed` only: other changes of `state` must not clear what the user typed).
  useEffect(() => {
    setMethodId(firstUnused(state));
    setCode('');
  }, [state.passed]);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const clean = normalizeCode(code);
    if (!isCodeShaped(clean) || !methodId) return setInvalid(true);
    setInvalid(false);
    void verifyReset(methodId, clean);
  };

  const tryAnother = () => methodsRef.current?.querySelector<HTMLInputElement>('input:not(:disabled):not(:checked)')?.focus();

  return (
    <Screen
      name="reset-verify"
      title={t('reset.verifyTitle')}
      loading={state.loading}
      error={state.error}
      errorActions={{ startOver: restartReset, signInAgain: restartReset, tryAnotherMethod: tryAnother }}
      status={state.passed > 0 ? t('reset.stepPassed') : null}
    >
      <p>{t('reset.verifyIntro')}</p>
      <p className="muted">{t('reset.progress', { passed: String(state.passed), required: String(state.required) })}</p>
      <form noValidate onSubmit={onSubmit} aria-busy={state.loading}>
        <div ref={methodsRef}>
          <MethodChoiceList legend={t('reset.chooseMethod')} methods={state.methods} selected={methodId} onSelect={setMethodId} used={state.usedMethodIds} />
        </div>
        {methodId ? <CodeInput value={code} onChange={setCode} fieldError={invalid ? t('code.invalid') : null} /> : <p>{t('reset.noMethods')}</p>}
        <FormActions loading={state.loading} primary={{ label: t('common.verify'), disabled: !methodId }} secondary={{ label: t('common.cancel'), onClick: cancelReset }} />
      </form>
    </Screen>
  );
}
