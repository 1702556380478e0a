import { assertNever } from '../../lib/assert-never';
import { useStore } from '../../store/store';
import { AddStep } from './add-step';
import { ChooseStep } from './choose-step';
import { DoneStep } from './done-step';
import { OverviewStep } from './overview-step';
import { RegisterStep } from './register-step';
import { RemoveStep } from './remove-step';
import { RenameStep } from './rename-step';

/** The Security info page and its sub-steps: one screen per step of its state machine. */
export function SecurityInfoFlow() {
  const state = useStore((s) => s.securityInfo);
  switch (state.step) {
    case 'closed':
      // The shell opens this flow only after sign-in; nothing to show before.
      return null;
    case 'overview':
      return <OverviewStep state={state} />;
    case 'register':
      return <RegisterStep state={state} />;
    case 'choose':
      return <ChooseStep state={state} />;
    case 'add':
      return <AddStep state={state} />;
    case 'rename':
      return <RenameStep state={state} />;
    case 'remove':
      return <RemoveStep state={state} />;
    case 'done':
      return <DoneStep state={state} />;
    default:
      return assertNever(state);
  }
}
