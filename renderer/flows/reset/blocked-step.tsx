import { useTranslation } from 'react-i18next';
import { Screen } from '../../components/screen';
import { describeError } from '../../i18n/describe-error';
import type { ResetState } from '../../store/reset-slice';
import { useStore } from '../../store/store';

// A stable empty object: a fresh {} per render would make the selector loop.
const noHelpdesk: { email?: string; url?: string; phone?: string } = {};

/**
 * The seed's error cases as a whole page: its title, its words, and its way out — the
 * helpdesk's contact details, or a "Contact an administrator" request with a support code.
 */
export function BlockedStep({ state }: { state: Extract<ResetState, { step: 'blocked' }> }) {
  const { t, i18n } = useTranslation();
  const contactHelpdesk = useStore((s) => s.contactHelpdesk);
  const restartReset = useStore((s) => s.restartReset);
  const appHelpdesk = useStore((s) => (s.app.step === 'ready' ? s.app.info.helpdesk : noHelpdesk));
  const view = describeError(state.reason, t, i18n.language);
  const helpdesk = { ...appHelpdesk, ...state.reason.helpdesk };
  const hasContact = Boolean(helpdesk.email || helpdesk.phone || helpdesk.url);

  return (
    <Screen
      name="reset-blocked"
      title={view.title}
      loading={state.loading}
      error={state.error}
      status={state.supportCode ? t('reset.contactSent', { code: state.supportCode }) : null}
    >
      <p>{view.body}</p>
      {view.more && <p>{view.more}</p>}
      {view.supportCode && <p className="support-code">{t('common.supportCode', { code: view.supportCode })}</p>}

      {view.action === 'contactHelpdesk' && (
        <section className="helpdesk" aria-labelledby="helpdesk-heading">
          <h2 id="helpdesk-heading">{t('reset.helpdeskHeading')}</h2>
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
      )}

      <div className="actions" aria-busy={state.loading}>
        {view.action === 'contactAdmin' && !state.supportCode && (
          <button type="button" disabled={state.loading} onClick={() => void contactHelpdesk()}>
            {t('reset.contact')}
          </button>
        )}
        <button type="button" className="secondary" disabled={state.loading} onClick={restartReset}>
          {t('common.back')}
        </button>
      </div>
    </Screen>
  );
}
