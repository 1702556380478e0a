import { useTranslation } from 'react-i18next';
import type { ErrorInfo } from '../../contract/errors';
import { useStore } from '../store/store';

type Helpdesk = NonNullable<ErrorInfo['helpdesk']>;

// A stable empty object: a fresh {} per render would make the selector loop.
const noHelpdesk: Helpdesk = {};

/**
 * The helpdesk's contact details: the ones the error carries (the service's policy) over the
 * app's own. Written out, never links: at the lock screen nothing may open a browser.
 */
export function HelpdeskContacts({ fromError }: { fromError?: Helpdesk | undefined }) {
  const { t } = useTranslation();
  const appHelpdesk = useStore((s) => (s.app.step === 'ready' ? s.app.info.helpdesk : noHelpdesk));
  const helpdesk = { ...appHelpdesk, ...fromError };
  const hasContact = Boolean(helpdesk.email || helpdesk.phone || helpdesk.url);
  return (
    <section className="helpdesk" aria-label={t('reset.helpdeskHeading')}>
      <p>
        <strong>{t('reset.helpdeskHeading')}</strong>
      </p>
      {hasContact ? (
        <ul className="plain-list">
          {helpdesk.email && <li>{t('reset.helpdeskEmail', { email: helpdesk.email })}</li>}
          {helpdesk.phone && <li>{t('reset.helpdeskPhone', { phone: helpdesk.phone })}</li>}
          {helpdesk.url && <li>{t('reset.helpdeskUrl', { url: helpdesk.url })}</li>}
        </ul>
      ) : (
        <p>{t('reset.helpdeskNone')}</p>
      )}
    </section>
  );
}
