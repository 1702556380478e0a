import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorInfo } from '../../contract/errors';
import type { ErrorContext } from '../i18n/describe-error';
import { ErrorPanel, type ErrorActions } from './error-panel';
import { Progress } from './progress';

interface ScreenProps {
  /** Stable name: `data-testid="screen-<name>"`, and a new name moves focus to the heading. */
  name: string;
  title: string;
  loading?: boolean;
  error?: ErrorInfo | null;
  errorActions?: ErrorActions;
  /** Where an error is met, when it changes its words (a gate, sign-in). */
  errorContext?: ErrorContext;
  /** Below the alert region and above the content: e.g. the session's time-limit warning. */
  banner?: ReactNode;
  /** A polite message (something succeeded); replaced by "Working…" while loading. */
  status?: string | null;
  children?: ReactNode;
}

/**
 * One screen of a flow: the only <h1>, the document title, and the two live regions.
 * Focus moves to the heading when the screen appears, so a screen reader reads where
 * the user now is, and keyboard users continue from the top of the new step.
 */
export function Screen({ name, title, loading = false, error = null, errorActions, errorContext, status = null, banner = null, children }: ScreenProps) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const headingId = useId();

  useEffect(() => {
    heading.current?.focus();
  }, [name]);

  useEffect(() => {
    // The home screen's heading is the app's name: don't say it twice.
    document.title = title === t('app.name') ? title : t('app.documentTitle', { screen: title });
  }, [t, title]);

  return (
    <section className="screen" data-testid={`screen-${name}`} aria-labelledby={headingId}>
      <h1 id={headingId} ref={heading} tabIndex={-1}>
        {title}
      </h1>
      <div role="status" aria-live="polite" className="status-region">
        {loading ? <Progress /> : status && <p className="notice">{status}</p>}
      </div>
      <div role="alert" aria-live="assertive" className="alert-region">
        {error && <ErrorPanel error={error} actions={errorActions} context={errorContext} />}
      </div>
      {banner}
      {children}
    </section>
  );
}
