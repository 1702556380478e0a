import { assertNever } from '../../lib/assert-never';
import { useStore } from '../../store/store';
import { AddAuthenticatorApp } from '../security-info/add-authenticator-app';
import { OverviewStep } from '../security-info/overview-step';
import { CredentialsStep } from './credentials-step';
import { SecondFactorStep } from './second-factor-step';

/** The sign-in / security-info flow: one screen per step of its state machine. */
export function SignInFlow() {
  const state = useStore((s) => s.signIn);
  switch (state.step) {
    case 'credentials':
      return <CredentialsStep state={state} />;
    case 'secondFactor':
      return <SecondFactorStep state={state} />;
    case 'overview':
      return <OverviewStep state={state} />;
    case 'addAuthenticatorApp':
      return <AddAuthenticatorApp state={state} />;
    default:
      return assertNever(state);
  }
}
