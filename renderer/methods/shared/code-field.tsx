import { useId, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { normalizeCode } from '../../components/code-input';

interface CodeFieldProps {
  value: string;
  onChange: (value: string) => void;
  /** How many digits the code has (from the challenge or the setup). */
  digits: number;
  fieldError?: string | null;
  /** A sentence before the box, e.g. where the code was sent. */
  hint?: string;
  inputRef?: Ref<HTMLInputElement>;
  disabled?: boolean;
}

/**
 * The one-time code box of every method: numeric keyboard, one-time-code autofill, the
 * label "Code", and a field error linked with aria-describedby. It takes a ref so a step
 * can put the cursor back in it after a wrong code.
 */
export function CodeField({ value, onChange, digits, fieldError, hint, inputRef, disabled }: CodeFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const describedBy = [`${id}-hint`, fieldError ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{t('method.common.code')}</label>
      <p id={`${id}-hint`} className="hint">
        {hint ?? t('method.common.codeHint', { digits: String(digits) })}
      </p>
      <input
        ref={inputRef}
        id={id}
        name="code"
        className="code"
        type="text"
        inputMode="numeric"
        autoComplete="one-time-code"
        spellCheck={false}
        maxLength={digits + 4}
        value={value}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={fieldError ? true : undefined}
        aria-describedby={describedBy}
      />
      {fieldError && (
        <p id={`${id}-error`} className="field-error">
          {fieldError}
        </p>
      )}
    </div>
  );
}

/** The code as the contract wants it (digits only), or null when it is not `digits` long. */
export function cleanCode(raw: string, digits: number): string | null {
  const code = normalizeCode(raw);
  return new RegExp(`^\\d{${digits}}$`).test(code) ? code : null;
}
