import { useTranslation } from 'react-i18next';
import { HelpdeskContacts } from '../../components/helpdesk-contacts';
import { Screen } from '../../components/screen';
import { SupportCode } from '../../components/support-code';
import { describeError } from '../../i18n/describe-error';
import type { ResetState } from '../../store/reset-slice';
import { useStore } from '../../store/store';

/**
 * The seed's error cases as a whole page: its title, its words, and its way out — the
 * helpdesk's contact details, or a "Contact an administrator" request with a support code.
 * One support code on screen: the error's until a request is sent, then the request's (the
 * one the helpdesk will look up).
 */
export function BlockedStep({ state }: { state: Extract<ResetState, { step: 'blocked' }> }) {
  const { t, i18n } = useTranslation();
  const contactHelpdesk = useStore((s) => s.contactHelpdesk);
  const restartReset = useStore((s) => s.restartReset);
  const view = describeError(state.reason, t, i18n.language);
  const code = state.supportCode ?? view.supportCode;
  // Not registered: the helpdesk can help now, and the page says how to register afterwards.
  const showHelpdesk = view.action === 'contactHelpdesk' || state.reason.code === 'NOT_REGISTERED';

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
      {showHelpdesk && <HelpdeskContacts fromError={state.reason.helpdesk} />}
      {code && <SupportCode code={code} written={!state.supportCode} />}

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
