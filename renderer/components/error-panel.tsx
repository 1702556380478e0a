import { useTranslation } from 'react-i18next';
import type { ErrorInfo } from '../../contract/errors';
import { describeError, type ErrorActionKind } from '../i18n/describe-error';

/** Handlers for the actions a flow can carry out; an action without one shows no button. */
export type ErrorActions = Partial<Record<ErrorActionKind, () => void>>;

interface ErrorPanelProps {
  error: ErrorInfo;
  actions?: ErrorActions;
}

/** An error in words: title and body in one sentence pair, the extra line, support code, action. */
export function ErrorPanel({ error, actions = {} }: ErrorPanelProps) {
  const { t, i18n } = useTranslation();
  const view = describeError(error, t, i18n.language);
  const onAction = actions[view.action];
  return (
    <div className="error-panel">
      <p>
        <strong>{view.title}</strong> {view.body}
      </p>
      {view.more && <p>{view.more}</p>}
      {view.supportCode && <p className="support-code">{t('common.supportCode', { code: view.supportCode })}</p>}
      {onAction && view.actionLabel && (
        <button type="button" className="secondary" onClick={onAction}>
          {view.actionLabel}
        </button>
      )}
    </div>
  );
}
