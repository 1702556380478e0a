import { useTranslation } from 'react-i18next';
import { useStore } from '../store/store';
import { flowSteps } from './flow-steps';

/**
 * The wide window's side panel: whose directory this is, and the steps of the flow on
 * screen with the current one marked. On a narrow window only the organization remains.
 */
export function SidePanel() {
  const { t } = useTranslation();
  const tenant = useStore((s) => (s.app.step === 'ready' ? s.app.info.tenantName : ''));
  const labels = useStore((s) => flowSteps(s)?.labels ?? null);
  const current = useStore((s) => flowSteps(s)?.current ?? -1);
  return (
    <aside className="side-panel" aria-label={t('shell.panelLabel')}>
      {tenant && (
        <div className="org">
          <span className="org-mark" aria-hidden="true">
            {tenant.slice(0, 1).toUpperCase()}
          </span>
          <span>
            <span className="org-caption">{t('shell.organization')}</span>
            <span className="org-name">{tenant}</span>
          </span>
        </div>
      )}
      {labels && (
        <ol className="flow-steps" aria-label={t('shell.stepsLabel')}>
          {labels.map((key, i) => (
            <li key={key} className={i < current ? 'done' : i === current ? 'current' : undefined} aria-current={i === current ? 'step' : undefined}>
              <span className="step-dot" aria-hidden="true">
                {i < current ? '✓' : i + 1}
              </span>
              {t(key)}
            </li>
          ))}
        </ol>
      )}
      <p className="side-note">{t('shell.help')}</p>
    </aside>
  );
}
