import { useCallback, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorInfo } from '../../../contract/errors';
import { api } from '../../bridge/api';
import { FormActions } from '../../components/form-actions';
import { Screen } from '../../components/screen';
import { TextField } from '../../components/text-field';
import { assertNever } from '../../lib/assert-never';
import type { AddWizardProps } from '../method-module';
import { useCodeSetup } from '../shared/code-setup';
import { CodeStep } from '../shared/code-step';
import { MethodNote } from '../shared/method-note';

/** Roughly what the contract's z.email() accepts: something@domain.tld, no spaces. */
export const looksLikeEmail = (address: string) => /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(address.trim());

/** Adding an alternate email (reset only): address → code → added. Screens `add-email-address`, `add-email-code`. */
export function EmailAddWizard({ onAdded, onCancel }: AddWizardProps) {
  const { t } = useTranslation();
  const [address, setAddress] = useState('');
  const target = useRef('');
  const begin = useCallback(() => api().beginEmail({ address: target.current }), []);
  const confirm = useCallback((code: string) => api().confirmEmail({ code }), []);
  const { state, send, verify, back, cooldown } = useCodeSetup({ begin, confirm, onAdded });

  const onSend = (clean: string) => {
    target.current = clean;
    void send();
  };

  switch (state.step) {
    case 'address':
      return <AddressStep address={address} onAddress={setAddress} loading={state.loading} error={state.error} onSend={onSend} onCancel={onCancel} />;
    case 'code':
      return (
        <CodeStep
          screenName="add-email-code"
          title={t('method.email.codeTitle')}
          sentLine={t('method.email.sentTo', { sentTo: state.sent.sentTo })}
          digits={state.sent.digits}
          loading={state.loading}
          error={state.error}
          wrongCodes={state.wrongCodes}
          onVerify={(code) => void verify(code)}
          resendLabel={t('method.email.resend')}
          cooldown={cooldown}
          onResend={() => void send()}
          backLabel={t('method.email.changeAddress')}
          onBack={back}
          onCancel={onCancel}
          onStartOver={() => void send()}
        />
      );
    default:
      return assertNever(state);
  }
}

interface AddressStepProps {
  address: string;
  onAddress: (address: string) => void;
  loading: boolean;
  error: ErrorInfo | null;
  onSend: (address: string) => void;
  onCancel: () => void;
}

function AddressStep({ address, onAddress, loading, error, onSend, onCancel }: AddressStepProps) {
  const { t } = useTranslation();
  const [touched, setTouched] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const problem = !address.trim() ? t('method.email.addressMissing') : !looksLikeEmail(address) ? t('method.email.addressInvalid') : null;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (problem) return box.current?.querySelector('input')?.focus();
    onSend(address.trim());
  };

  return (
    <Screen name="add-email-address" title={t('method.email.addTitle')} loading={loading} error={error} errorActions={{ retry: () => !problem && onSend(address.trim()) }}>
      <p>{t('method.email.addIntro')}</p>
      <MethodNote>{t('method.common.resetOnly')}</MethodNote>
      <form noValidate onSubmit={onSubmit} aria-busy={loading}>
        <div ref={box}>
          <TextField
            label={t('method.email.address')}
            hint={t('method.email.addressHint')}
            value={address}
            onChange={onAddress}
            onBlur={() => address.trim() && setTouched(true)}
            fieldError={touched ? problem : null}
            type="email"
            name="email"
            autoComplete="email"
            spellCheck={false}
            maxLength={254}
          />
        </div>
        <FormActions loading={loading} primary={{ label: t('method.email.sendCode') }} secondary={{ label: t('method.common.cancel'), onClick: onCancel }} />
      </form>
    </Screen>
  );
}
