import { useTranslation } from 'react-i18next';
import { Screen } from '../../components/screen';
import { formatDateTime } from '../../i18n/format';
import { useStore } from '../../store/store';

/** Demo mode only: what the directory would have sent (codes, notifications), newest first. */
export function DemoInboxScreen() {
  const { t, i18n } = useTranslation();
  const inbox = useStore((s) => s.inbox);
  const loadInbox = useStore((s) => s.loadInbox);
  const closeDemoInbox = useStore((s) => s.closeDemoInbox);
  return (
    <Screen name="demo-inbox" title={t('demo.inbox')} loading={inbox.loading} error={inbox.error} errorActions={{ retry: () => void loadInbox() }}>
      <p>{t('demo.intro')}</p>
      <div className="actions" aria-busy={inbox.loading}>
        <button type="button" disabled={inbox.loading} onClick={() => void loadInbox()}>
          {t('demo.refresh')}
        </button>
        <button type="button" className="secondary" onClick={closeDemoInbox}>
          {t('common.back')}
        </button>
      </div>
      {inbox.messages && inbox.messages.length === 0 && <p>{t('demo.empty')}</p>}
      {inbox.messages && inbox.messages.length > 0 && (
        <ul className="messages">
          {inbox.messages.map((m) => (
            <li key={m.id}>
              <article className="message" aria-labelledby={`message-${m.id}`}>
                <h2 id={`message-${m.id}`}>{m.subject || t(`demo.channel.${m.channel}`)}</h2>
                <p className="muted">
                  {t(`demo.channel.${m.channel}`)} · {t('demo.to', { to: m.to })} · {t('demo.sentAt', { time: formatDateTime(m.sentAt, i18n.language) })}
                </p>
                <p className="message-body">{m.body}</p>
              </article>
            </li>
          ))}
        </ul>
      )}
    </Screen>
  );
}
