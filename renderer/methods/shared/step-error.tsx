import type { ErrorInfo } from '../../../contract/errors';
import { ErrorPanel, type ErrorActions } from '../../components/error-panel';

/** A verify step's own error (asking for the challenge failed), in an assertive region. */
export function StepError({ error, actions }: { error: ErrorInfo | null; actions?: ErrorActions }) {
  return (
    <div role="alert" className="alert-region">
      {error && <ErrorPanel error={error} actions={actions} />}
    </div>
  );
}

/** The error to show when a challenge came back of a kind this method does not use. */
export const unexpectedChallenge: ErrorInfo = { code: 'INTERNAL', message: 'Unexpected challenge kind' };
