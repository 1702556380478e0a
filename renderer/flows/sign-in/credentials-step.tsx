import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../components/form-actions';
import { Screen } from '../../components/screen';
import { TextField } from '../../components/text-field';
import { UserIdField } from '../../components/user-id-field';
import type { SignInState } from '../../store/sign-in-slice';
import { useStore } from '../../store/store';

/** User ID and password: opens a security-info session. */
export function CredentialsStep({ state }: { state: Extract<SignInState, { step: 'credentials' }> }) {
  const { t } = useTranslation();
  const submitCredentials = useStore((s) => s.submitCredentials);
  const cancelSignIn = useStore((s) => s.cancelSignIn);
  const forgotPassword = useStore((s) => s.forgotPassword);
  const unlockFromSignIn = useStore((s) => s.unlockFromSignIn);
  const changeFromSignIn = useStore((s) => s.changeFromSignIn);
  const [userId, setUserId] = useState(state.userId);
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState(false);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!userId.trim() || !password) return setMissing(true);
    setMissing(false);
    void submitCredentials(userId.trim(), password);
  };

  return (
    <Screen
      name="sign-in"
      title={t('signIn.title')}
      loading={state.loading}
      error={state.error}
      errorContext="signIn"
      errorActions={{ unlock: () => unlockFromSignIn(userId.trim() || state.userId), changePassword: () => changeFromSignIn(userId.trim() || state.userId) }}
    >
      <p className="lead">{t('signIn.intro')}</p>
      <form noValidate onSubmit={onSubmit} aria-busy={state.loading} className="panel">
        <UserIdField value={userId} onChange={setUserId} fieldError={missing && !userId.trim() ? t('signIn.missing') : null} />
        <TextField
          label={t('signIn.password')}
          type="password"
          value={password}
          onChange={setPassword}
          name="password"
          autoComplete="current-password"
          fieldError={missing && !password ? t('signIn.missing') : null}
        />
        <FormActions loading={state.loading} primary={{ label: t('signIn.submit') }} secondary={{ label: t('common.back'), onClick: cancelSignIn }} />
        <p className="form-footer">
          <button type="button" className="link" onClick={() => forgotPassword(userId.trim())}>
            {t('signIn.forgot')}
          </button>
        </p>
      </form>
    </Screen>
  );
}
