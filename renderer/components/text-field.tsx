import { useId, type InputHTMLAttributes } from 'react';

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'onChange' | 'value'> {
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  /** A message about this field only; marks it invalid and is read with it. */
  fieldError?: string | null;
  /** Ids of further descriptions (a rules checklist). */
  describedBy?: string;
}

/** A labelled input with an optional hint and field error, wired with aria-describedby. */
export function TextField({ label, value, onChange, hint, fieldError, describedBy: extra, ...input }: TextFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, extra ?? null, fieldError ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      <input
        {...input}
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={fieldError ? true : undefined}
        aria-describedby={describedBy}
      />
      {fieldError && (
        <p id={errorId} className="field-error">
          {fieldError}
        </p>
      )}
    </div>
  );
}
