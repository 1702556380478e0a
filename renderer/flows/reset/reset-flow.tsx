import { assertNever } from '../../lib/assert-never';
import { useStore } from '../../store/store';
import { BlockedStep } from './blocked-step';
import { DoneStep } from './done-step';
import { NewPasswordStep } from './new-password-step';
import { UnlockingStep } from './unlocking-step';
import { UserIdStep } from './user-id-step';
import { VerifyStep } from './verify-step';

/** "Forgot my password" and "Unlock my account": one screen per step of the reset state machine. */
export function ResetFlow() {
  const state = useStore((s) => s.reset);
  switch (state.step) {
    case 'userId':
      return <UserIdStep state={state} />;
    case 'blocked':
      return <BlockedStep state={state} />;
    case 'verify':
      return <VerifyStep state={state} />;
    case 'newPassword':
      return <NewPasswordStep state={state} />;
    case 'unlocking':
      return <UnlockingStep state={state} />;
    case 'done':
      return <DoneStep state={state} />;
    default:
      return assertNever(state);
  }
}
