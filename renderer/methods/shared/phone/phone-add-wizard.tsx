import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../bridge/api';
import { assertNever } from '../../../lib/assert-never';
import type { AddWizardProps } from '../../method-module';
import { useCodeSetup } from '../code-setup';
import { CodeStep } from '../code-step';
import { defaultCountry, type CountryCode } from './countries';
import { PhoneNumberStep, type PhoneEntry } from './phone-number-step';
import { phoneTexts } from './phone-texts';

/**
 * Adding a phone for text messages or for calls (one implementation, two methods):
 * number with country → code → added. Screens `add-sms-number`/`add-sms-code` (or voice).
 */
export function PhoneAddWizard({ type, onAdded, onCancel }: AddWizardProps & { type: 'sms' | 'voice' }) {
  const { t, i18n } = useTranslation();
  const texts = phoneTexts(type, t);
  const [entry, setEntry] = useState<PhoneEntry>(() => ({ country: defaultCountry(i18n.language, navigator.languages ?? [navigator.language]), number: '' }));
  // The number last sent to, for resends: what was checked, not what is typed now.
  const target = useRef<{ e164: string; country: CountryCode }>({ e164: '', country: entry.country });

  const begin = useCallback(() => api().beginPhone({ type, phoneNumber: target.current.e164, country: target.current.country }), [type]);
  const confirm = useCallback((code: string) => api().confirmPhone({ code }), []);
  const { state, send, verify, back, cooldown } = useCodeSetup({ begin, confirm, onAdded });

  const onSend = (e164: string, country: CountryCode) => {
    target.current = { e164, country };
    void send();
  };

  switch (state.step) {
    case 'address':
      return (
        <PhoneNumberStep
          screenName={`add-${type}-number`}
          title={texts.addTitle}
          intro={texts.addIntro}
          sendLabel={texts.send}
          entry={entry}
          onEntry={setEntry}
          loading={state.loading}
          error={state.error}
          onSend={onSend}
          onCancel={onCancel}
        />
      );
    case 'code':
      return (
        <CodeStep
          screenName={`add-${type}-code`}
          title={texts.codeTitle}
          sentLine={texts.sentTo(state.sent.sentTo)}
          digits={state.sent.digits}
          loading={state.loading}
          error={state.error}
          wrongCodes={state.wrongCodes}
          onVerify={(code) => void verify(code)}
          resendLabel={texts.resend}
          cooldown={cooldown}
          onResend={() => void send()}
          backLabel={t('method.phone.changeNumber')}
          onBack={back}
          onCancel={onCancel}
          onStartOver={() => void send()}
        />
      );
    default:
      return assertNever(state);
  }
}
