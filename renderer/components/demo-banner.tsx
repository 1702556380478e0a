import { useTranslation } from 'react-i18next';
import { useStore } from '../store/store';

/**
 * Shown on every screen in demo mode, so no one mistakes the sample directory for the real
 * one. `inbox: false` on the lock screen: nothing there leads away from reset and unlock.
 */
export function DemoBanner({ inbox = true }: { inbox?: boolean }) {
  const { t } = useTranslation();
  const openDemoInbox = useStore((s) => s.openDemoInbox);
  return (
    <div role="note" className="demo-banner">
      <p>{t('demo.banner')}</p>
      {inbox && (
        <button type="button" className="secondary" onClick={openDemoInbox}>
          {t('demo.inbox')}
        </button>
      )}
    </div>
  );
}
