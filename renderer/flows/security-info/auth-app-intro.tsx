import { useTranslation } from 'react-i18next';
import { FormActions } from '../../components/form-actions';
import { Screen } from '../../components/screen';
import type { SignInState } from '../../store/sign-in-slice';
import { useStore } from '../../store/store';

type AddState = Extract<SignInState, { step: 'addAuthenticatorApp' }>;

/** Step 1 of adding an authenticator app: get the app. Next begins the setup on the main side. */
export function AuthAppIntro({ state }: { state: AddState }) {
  const { t } = useTranslation();
  const next = useStore((s) => s.authAppNext);
  const back = useStore((s) => s.authAppBack);
  const restartSignIn = useStore((s) => s.restartSignIn);
  return (
    <Screen
      name="add-authenticator-app-intro"
      title={t('authApp.introTitle')}
      loading={state.loading}
      error={state.error}
      errorActions={{ signInAgain: () => restartSignIn(), retry: () => void next() }}
    >
      <p>{t('authApp.introBody')}</p>
      <p>{t('authApp.introNext')}</p>
      <FormActions loading={state.loading} primary={{ label: t('common.next'), onClick: () => void next() }} secondary={{ label: t('common.cancel'), onClick: back }} />
    </Screen>
  );
}
