import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/badge';
import { formatDate } from '../../i18n/format';
import { isTypeName } from '../../lib/method-label';
import { methodScreens } from '../../methods';
import { useStore } from '../../store/store';
import type { SecurityInfo, SecurityInfoMethod } from '../../store/types';
import { canBeDefault, canRemove, canRename } from './method-rules';
import { StrengthTag } from './strength-tag';

/**
 * One registered method as a card: icon, type, label, "Default", added date, and its
 * actions. A removal the policy would not allow is disabled, with the reason beside it.
 */
export function MethodCard({ method, info, busy }: { method: SecurityInfoMethod; info: SecurityInfo; busy: boolean }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const startRename = useStore((s) => s.startRename);
  const startRemove = useStore((s) => s.startRemove);
  const setDefault = useStore((s) => s.setDefaultMethod);
  const { Icon } = methodScreens[method.type];
  const isDefault = info.defaultMethodId === method.id;
  const removal = canRemove(method, info);
  const typeName = t(`methods.${method.type}`);
  const reasonId = `${id}-reason`;
  const showLabel = !isTypeName(method.label, method.type);

  return (
    <article className={isDefault ? 'method-card is-default' : 'method-card'} aria-labelledby={showLabel ? `${id}-type ${id}-label` : `${id}-type`}>
      <div className="method-card-icon" aria-hidden="true">
        <Icon className="method-icon" />
      </div>
      <div className="method-card-body">
        <h3 className="method-card-title">
          <span id={`${id}-type`} className="method-type">
            {typeName}
          </span>
          {isDefault && <Badge tone="accent">{t('overview.defaultBadge')}</Badge>}
          <StrengthTag type={method.type} />
          {method.onThisDevice && <Badge tone="neutral">{t('overview.onThisDevice')}</Badge>}
        </h3>
        {showLabel && (
          <p id={`${id}-label`} className="method-label">
            {method.label}
          </p>
        )}
        <p className="method-meta">{t('overview.addedOn', { date: formatDate(method.createdAt, i18n.language) })}</p>
        {!removal.allowed && (
          <p id={reasonId} className="method-reason">
            {removal.reason === 'questionsAlone' ? t('overview.removeBlockedQuestions') : t('overview.removeBlockedRequired')}
          </p>
        )}
      </div>
      <div className="method-card-actions" role="group" aria-label={t('overview.actionsFor', { name: showLabel ? method.label : typeName })}>
        {canRename(method.type) && (
          <button type="button" className="subtle" disabled={busy} onClick={() => startRename(method.id)}>
            {t('overview.rename')}
          </button>
        )}
        {!isDefault && canBeDefault(method.type) && (
          <button type="button" className="subtle" disabled={busy} onClick={() => void setDefault(method.id)}>
            {t('overview.setDefault')}
          </button>
        )}
        <button
          type="button"
          className="subtle danger"
          disabled={busy || !removal.allowed}
          aria-describedby={removal.allowed ? undefined : reasonId}
          onClick={() => startRemove(method.id)}
        >
          {t('overview.remove')}
        </button>
      </div>
    </article>
  );
}
