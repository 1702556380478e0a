import { useTranslation } from 'react-i18next';
import { TextField } from './text-field';

/** Digits only, spaces and dashes removed (people paste "123 456"). */
export function normalizeCode(raw: string): string {
  return raw.replace(/[\s-]/g, '');
}

/** True when the code has the shape the contract accepts (6 to 8 digits). */
export function isCodeShaped(code: string): boolean {
  return /^\d{6,8}$/.test(code);
}

interface CodeInputProps {
  value: string;
  onChange: (value: string) => void;
  fieldError?: string | null;
  hint?: string;
}

/** The one-time code box: numeric keyboard, one-time-code autofill, label "Code". */
export function CodeInput({ value, onChange, fieldError, hint }: CodeInputProps) {
  const { t } = useTranslation();
  return (
    <TextField
      label={t('code.label')}
      hint={hint ?? t('code.hint')}
      value={value}
      onChange={onChange}
      fieldError={fieldError}
      name="code"
      inputMode="numeric"
      autoComplete="one-time-code"
      maxLength={12}
      spellCheck={false}
      className="code"
    />
  );
}
