import type { TFunction } from 'i18next';
import { assertNever } from '../../lib/assert-never';
import type { Notice } from '../../store/security-info-slice';

/** What just happened, in words, for the page's polite status region. */
export function noticeText(notice: Notice, t: TFunction): string {
  switch (notice.kind) {
    case 'added':
      return t('overview.methodAdded', { name: notice.name });
    case 'removed':
      return t('overview.removed', { name: notice.name });
    case 'renamed':
      return t('overview.renamed', { name: notice.name });
    case 'defaultSet':
      return t('overview.defaultSet', { name: notice.name });
    case 'reconfirmed':
      return t('overview.reconfirmed');
    case 'skipped':
      return notice.skipsLeft > 0 ? t('register.skipped', { n: String(notice.skipsLeft) }) : t('register.skippedLast');
    default:
      return assertNever(notice);
  }
}
