import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorInfo } from '../../../../contract/errors';
import { Screen } from '../../../components/screen';
import { TextField } from '../../../components/text-field';
import { MethodNote } from '../method-note';
import { checkPhone, countryOptions, type CountryCode } from './countries';

export interface PhoneEntry {
  country: CountryCode;
  number: string;
}

interface PhoneNumberStepProps {
  screenName: string;
  title: string;
  intro: string;
  sendLabel: string;
  entry: PhoneEntry;
  onEntry: (entry: PhoneEntry) => void;
  loading: boolean;
  error: ErrorInfo | null;
  onSend: (e164: string, country: CountryCode) => void;
  onCancel: () => void;
}

/**
 * The number and its country. The number is checked as it is typed (libphonenumber): a
 * valid one is read back in international form; an invalid one is flagged once the person
 * leaves the box or presses send, not at every keystroke.
 */
export function PhoneNumberStep(props: PhoneNumberStepProps) {
  const { t, i18n } = useTranslation();
  const { entry, onEntry } = props;
  const countries = useMemo(() => countryOptions(i18n.language), [i18n.language]);
  const [touched, setTouched] = useState(false);
  const countryId = useId();
  const numberBox = useRef<HTMLDivElement>(null);
  const check = checkPhone(entry.number, entry.country);
  const countryName = countries.find((c) => c.code === entry.country)?.label ?? entry.country;
  const fieldError = touched && !check.ok ? (check.problem === 'empty' ? t('method.phone.numberMissing') : t('method.phone.numberInvalid', { country: countryName })) : null;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!check.ok) {
      numberBox.current?.querySelector('input')?.focus();
      return;
    }
    props.onSend(check.e164, entry.country);
  };

  return (
    <Screen name={props.screenName} title={props.title} loading={props.loading} error={props.error} errorActions={{ retry: () => check.ok && props.onSend(check.e164, entry.country) }}>
      <p>{props.intro}</p>
      <MethodNote>{t('method.common.weaker')}</MethodNote>
      <form noValidate onSubmit={onSubmit} aria-busy={props.loading}>
        <div className="field">
          <label htmlFor={countryId}>{t('method.phone.country')}</label>
          <select id={countryId} value={entry.country} autoComplete="tel-country-code" onChange={(e) => onEntry({ ...entry, country: e.target.value as CountryCode })}>
            {countries.map((c) => (
              <option key={c.code} value={c.code}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
        <div ref={numberBox}>
        <TextField
          label={t('method.phone.number')}
          hint={t('method.phone.numberHint')}
          value={entry.number}
          onChange={(number) => onEntry({ ...entry, number })}
          onBlur={() => setTouched(entry.number.trim() !== '' || touched)}
          fieldError={fieldError}
          type="tel"
          autoComplete="tel-national"
          inputMode="tel"
          maxLength={32}
          name="phone"
        />
        </div>
        {check.ok && <p className="method-readback">{t('method.phone.numberLooksRight', { number: check.display })}</p>}
        <div className="actions">
          <button type="submit" disabled={props.loading}>
            {props.sendLabel}
          </button>
          <button type="button" className="secondary" disabled={props.loading} onClick={props.onCancel}>
            {t('method.common.cancel')}
          </button>
        </div>
      </form>
    </Screen>
  );
}
