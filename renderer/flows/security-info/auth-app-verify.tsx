import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CodeInput, isCodeShaped, normalizeCode } from '../../components/code-input';
import { FormActions } from '../../components/form-actions';
import { Screen } from '../../components/screen';
import { TextField } from '../../components/text-field';
import type { SignInState } from '../../store/sign-in-slice';
import { useStore } from '../../store/store';

type AddState = Extract<SignInState, { step: 'addAuthenticatorApp' }>;

/** Step 3: prove the app works with one code, and name it. */
export function AuthAppVerify({ state }: { state: AddState }) {
  const { t } = useTranslation();
  const confirm = useStore((s) => s.confirmAuthenticatorApp);
  const back = useStore((s) => s.authAppBack);
  const restartAuthApp = useStore((s) => s.restartAuthApp);
  const restartSignIn = useStore((s) => s.restartSignIn);
  const [code, setCode] = useState('');
  const [name, setName] = useState<string>(() => t('authApp.defaultName'));
  const [invalid, setInvalid] = useState<'code' | 'name' | null>(null);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const clean = normalizeCode(code);
    if (!isCodeShaped(clean)) return setInvalid('code');
    if (!name.trim()) return setInvalid('name');
    setInvalid(null);
    void confirm(clean, name.trim());
  };

  return (
    <Screen
      name="add-authenticator-app-verify"
      title={t('authApp.verifyTitle')}
      loading={state.loading}
      error={state.error}
      errorActions={{ startOver: restartAuthApp, signInAgain: () => restartSignIn() }}
    >
      <p>{t('authApp.verifyBody')}</p>
      <form noValidate onSubmit={onSubmit} aria-busy={state.loading}>
        <CodeInput value={code} onChange={setCode} fieldError={invalid === 'code' ? t('code.invalid') : null} />
        <TextField
          label={t('authApp.name')}
          hint={t('authApp.nameHint')}
          value={name}
          onChange={setName}
          maxLength={64}
          autoComplete="off"
          fieldError={invalid === 'name' ? t('authApp.nameMissing') : null}
        />
        <FormActions loading={state.loading} primary={{ label: t('common.verify') }} secondary={{ label: t('common.back'), onClick: back }} />
      </form>
    </Screen>
  );
}
