import { assertNever } from '../../lib/assert-never';
import { useStore } from '../../store/store';
import { CredentialsStep } from './credentials-step';
import { SecondFactorStep } from './second-factor-step';

/** Sign-in: one screen per step of its state machine; it ends with an outcome for the shell. */
export function SignInFlow() {
  const state = useStore((s) => s.signIn);
  switch (state.step) {
    case 'credentials':
      return <CredentialsStep state={state} />;
    case 'secondFactor':
      return <SecondFactorStep state={state} />;
    default:
      return assertNever(state);
  }
}
