import { assertNever } from '../../lib/assert-never';
import { useStore } from '../../store/store';
import { ChangeDoneStep } from './change-done-step';
import { ChangeFormStep } from './change-form-step';

/** "Change my password": one screen per step of the change state machine. */
export function ChangeFlow() {
  const state = useStore((s) => s.change);
  switch (state.step) {
    case 'form':
      return <ChangeFormStep state={state} />;
    case 'done':
      return <ChangeDoneStep userId={state.userId} />;
    default:
      return assertNever(state);
  }
}
