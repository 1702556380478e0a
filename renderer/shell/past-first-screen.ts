import type { Store } from '../store/store';

/**
 * Whether the person is past the first screen of the flow on screen — from then on an idle
 * wipe would lose something (a verified gate, a session), so the shell warns before it.
 */
export function pastFirstScreen(s: Store): boolean {
  if (s.app.step !== 'ready') return false;
  switch (s.app.flow) {
    case 'home':
    case 'demoInbox':
      return false;
    case 'signIn':
      return s.signIn.step !== 'credentials';
    case 'reset':
      return s.reset.step !== 'userId';
    case 'change':
      return s.change.step !== 'form';
    case 'securityInfo':
      return true;
    default:
      return false;
  }
}
