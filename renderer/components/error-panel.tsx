import { useTranslation } from 'react-i18next';
import type { ErrorInfo } from '../../contract/errors';
import { describeError, type ErrorActionKind, type ErrorContext } from '../i18n/describe-error';
import { HelpdeskContacts } from './helpdesk-contacts';
import { SupportCode } from './support-code';

/** Handlers for the actions a flow can carry out; an action without one shows no button. */
export type ErrorActions = Partial<Record<ErrorActionKind, () => void>>;

interface ErrorPanelProps {
  error: ErrorInfo;
  actions?: ErrorActions;
  /** Where the error was met, when it changes the words (see describeError). */
  context?: ErrorContext;
}

/**
 * An error in words: title and body in one sentence pair, the extra line, the helpdesk when
 * that is the next step, the support code (copyable), and the action.
 */
export function ErrorPanel({ error, actions = {}, context }: ErrorPanelProps) {
  const { t, i18n } = useTranslation();
  const view = describeError(error, t, i18n.language, context);
  const onAction = actions[view.action];
  return (
    <div className="error-panel">
      <p>
        <strong>{view.title}</strong> {view.body}
      </p>
      {view.more && <p>{view.more}</p>}
      {view.action === 'contactHelpdesk' && <HelpdeskContacts fromError={error.helpdesk} />}
      {view.supportCode && <SupportCode code={view.supportCode} />}
      {onAction && view.actionLabel && (
        <button type="button" className="secondary" onClick={onAction}>
          {view.actionLabel}
        </button>
      )}
    </div>
  );
}
