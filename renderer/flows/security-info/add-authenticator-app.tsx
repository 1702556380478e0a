import type { SignInState } from '../../store/sign-in-slice';
import { assertNever } from '../../lib/assert-never';
import { AuthAppIntro } from './auth-app-intro';
import { AuthAppScan } from './auth-app-scan';
import { AuthAppVerify } from './auth-app-verify';

/** The add-authenticator-app wizard: intro → scan → verify. */
export function AddAuthenticatorApp({ state }: { state: Extract<SignInState, { step: 'addAuthenticatorApp' }> }) {
  switch (state.sub) {
    case 'intro':
      return <AuthAppIntro state={state} />;
    case 'scan':
      return <AuthAppScan setup={state.setup} />;
    case 'verify':
      return <AuthAppVerify state={state} />;
    default:
      return assertNever(state);
  }
}
