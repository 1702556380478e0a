import type { ParseKeys } from 'i18next';
import { assertNever } from '../lib/assert-never';
import type { Store } from '../store/store';

/** The steps of the flow on screen and where the person is, for the side panel. */
export type FlowSteps = { labels: ParseKeys[]; current: number } | null;

const signInSteps: ParseKeys[] = ['steps.signIn', 'steps.verify', 'steps.manage', 'steps.done'];
const resetSteps: ParseKeys[] = ['steps.userId', 'steps.verify', 'steps.newPassword', 'steps.resetDone'];
/** Unlock: the same gates, no new password. */
const unlockSteps: ParseKeys[] = ['steps.userId', 'steps.verify', 'steps.unlockDone'];

export function flowSteps(s: Store): FlowSteps {
  if (s.app.step !== 'ready') return null;
  switch (s.app.flow) {
    case 'home':
    case 'demoInbox':
    case 'change':
      return null;
    case 'signIn':
      return { labels: signInSteps, current: s.signIn.step === 'credentials' ? 0 : 1 };
    case 'securityInfo':
      return { labels: signInSteps, current: s.securityInfo.step === 'done' ? 3 : 2 };
    case 'reset': {
      const step = s.reset.step;
      if (s.reset.mode === 'unlock') return { labels: unlockSteps, current: step === 'userId' || step === 'blocked' ? 0 : step === 'done' ? 2 : 1 };
      const current = step === 'userId' || step === 'blocked' ? 0 : step === 'verify' ? 1 : step === 'newPassword' ? 2 : 3;
      return { labels: resetSteps, current };
    }
    default:
      return assertNever(s.app.flow);
  }
}
