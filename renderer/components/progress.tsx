import { useTranslation } from 'react-i18next';

/**
 * The visible "Working…" shown during every network wait. It sits inside the screen's
 * polite status region, so it is announced too; the spinner is decoration only.
 */
export function Progress({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p className="progress">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('common.working')}
    </p>
  );
}
