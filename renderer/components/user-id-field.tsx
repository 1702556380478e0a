import { useTranslation } from 'react-i18next';
import { TextField } from './text-field';

/** The user ID box of sign-in and of "Forgot my password": same label, hint and autofill. */
export function UserIdField({ value, onChange, fieldError }: { value: string; onChange: (value: string) => void; fieldError: string | null }) {
  const { t } = useTranslation();
  return (
    <TextField
      label={t('signIn.userId')}
      hint={t('signIn.userIdHint')}
      value={value}
      onChange={onChange}
      name="username"
      autoComplete="username"
      spellCheck={false}
      autoCapitalize="off"
      fieldError={fieldError}
    />
  );
}
