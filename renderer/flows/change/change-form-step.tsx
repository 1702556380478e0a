import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../components/form-actions';
import { NewPasswordFields } from '../../components/new-password-fields';
import { Screen } from '../../components/screen';
import { TextField } from '../../components/text-field';
import { usePasswordFeedback } from '../../components/use-password-feedback';
import { UserIdField } from '../../components/user-id-field';
import type { ChangeState } from '../../store/change-slice';
import { useStore } from '../../store/store';

type Missing = 'userId' | 'oldPassword' | null;

/**
 * User ID, current password and the new one with the shared live feedback. A wrong current
 * password is the current-password box's error (focus goes there); every other refusal is the
 * screen's alert, and a rule the service refused is also marked in the checklist.
 */
export function ChangeFormStep({ state }: { state: Extract<ChangeState, { step: 'form' }> }) {
  const { t } = useTranslation();
  const loadPolicy = useStore((s) => s.loadChangePolicy);
  const submitChange = useStore((s) => s.submitChange);
  const unlockInstead = useStore((s) => s.unlockInstead);
  const cancelChange = useStore((s) => s.cancelChange);
  const [userId, setUserId] = useState(state.userId);
  const [oldPassword, setOldPassword] = useState('');
  const [missing, setMissing] = useState<Missing>(null);
  const form = useRef<HTMLFormElement>(null);
  const feedback = usePasswordFeedback({ policy: state.policy, userId, error: state.error });
  const wrongOldPassword = state.error?.code === 'INVALID_CREDENTIALS';

  const policyLoaded = state.policy !== null;
  useEffect(() => {
    if (!policyLoaded) void loadPolicy();
  }, [policyLoaded, loadPolicy]);

  const focus = (name: string) => form.current?.querySelector<HTMLInputElement>(`input[name="${name}"]`)?.focus();
  // A wrong current password: back to its box, whose error is read with it.
  useEffect(() => {
    if (wrongOldPassword) focus('current-password');
  }, [wrongOldPassword, state.error]);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const next: Missing = !userId.trim() ? 'userId' : !oldPassword ? 'oldPassword' : null;
    setMissing(next);
    if (next) return focus(next === 'userId' ? 'username' : 'current-password');
    if (feedback.validate()) void submitChange({ userId: userId.trim(), oldPassword, newPassword: feedback.password });
  };

  return (
    <Screen
      name="change"
      title={t('change.title')}
      loading={state.loading}
      error={wrongOldPassword ? null : state.error}
      // The current password counts towards the sign-in limit: a throttle here is a sign-in's (way out: unlock).
      errorContext="signIn"
      errorActions={{ retry: policyLoaded ? () => form.current?.requestSubmit() : () => void loadPolicy(), unlock: unlockInstead }}
    >
      <p>{t('change.intro')}</p>
      <form ref={form} noValidate onSubmit={onSubmit} aria-busy={state.loading}>
        <UserIdField value={userId} onChange={setUserId} fieldError={missing === 'userId' ? t('change.missingUserId') : null} />
        <TextField
          label={t('change.oldPassword')}
          type="password"
          value={oldPassword}
          onChange={setOldPassword}
          name="current-password"
          autoComplete="current-password"
          fieldError={missing === 'oldPassword' ? t('change.missingOldPassword') : wrongOldPassword ? t('change.wrongOldPassword') : null}
        />
        <NewPasswordFields feedback={feedback} loading={state.loading} />
        <FormActions loading={state.loading} primary={{ label: t('change.submit') }} secondary={{ label: t('common.cancel'), onClick: cancelChange }} />
      </form>
    </Screen>
  );
}
