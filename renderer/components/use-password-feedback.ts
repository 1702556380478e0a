import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorInfo } from '../../contract/errors';
import { describeError } from '../i18n/describe-error';
import type { PasswordPolicy } from '../store/types';
import { checkPassword, lineOfRule, refusedRule, withLiveVerdict, type RuleCheck, type RuleId } from './password-checks';
import { useLivePasswordCheck } from './use-live-password-check';
import { useStrengthHint, type StrengthHint } from './use-strength-hint';

/** What the new-password boxes need to fix before submit (the service decides the rest). */
export type NewPasswordProblem = 'rules' | 'mismatch' | null;

export interface PasswordFeedback {
  password: string;
  confirm: string;
  setPassword: (value: string) => void;
  setConfirm: (value: string) => void;
  policy: PasswordPolicy | null;
  checks: RuleCheck[];
  /** The line refused (live or at submit) and why, in words. */
  violated: RuleId | null;
  reason: string | null;
  /** True when the reason is the live check's (said politely), not the submit's (already in the alert). */
  reasonIsLive: boolean;
  strength: StrengthHint;
  problem: NewPasswordProblem;
  /** The element holding both boxes, so a problem can take focus to its box. */
  container: React.RefObject<HTMLDivElement | null>;
  /**
   * On submit: true when the password may be sent. Otherwise marks the problem and moves
   * focus to the box to fix. A live refusal does not block: the service has the last word.
   */
  validate: () => boolean;
}

/**
 * The live feedback on a new password, shared by reset and change: the checklist (ours and
 * the directory's), the service's live verdict, the strength hint, and the service's refusal
 * at submit — which marks its line only while the refused password is still in the box.
 */
export function usePasswordFeedback({ policy, userId, error }: { policy: PasswordPolicy | null; userId: string; error: ErrorInfo | null }): PasswordFeedback {
  const { t, i18n } = useTranslation();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problem, setProblem] = useState<NewPasswordProblem>(null);
  const [submitted, setSubmitted] = useState<string | null>(null);
  const container = useRef<HTMLDivElement | null>(null);

  const local = policy ? checkPassword(policy, password, confirm, userId) : [];
  const lengthsOk = local.length > 0 && local.filter((c) => c.id === 'minLength' || c.id === 'maxLength').every((c) => c.met === true);
  const live = useLivePasswordCheck(password, userId, lengthsOk);
  const checks = withLiveVerdict(local, live);
  const strength = useStrengthHint(password, userId);

  const serviceRefusal = error?.code === 'POLICY_VIOLATION' && submitted === password ? error : null;
  let violated: RuleId | null = null;
  let reason: string | null = null;
  if (serviceRefusal) {
    const view = describeError(serviceRefusal, t, i18n.language);
    violated = refusedRule(serviceRefusal);
    reason = view.more ? `${view.body} ${view.more}` : view.body;
  } else if (live?.verdict === 'refused') {
    violated = lineOfRule(live.rule);
    reason = describeError({ code: 'POLICY_VIOLATION', message: '', rule: live.rule, ...(live.ruleValue !== undefined ? { ruleValue: live.ruleValue } : {}) }, t, i18n.language).body;
  }

  const validate = (): boolean => {
    const rulesBroken = !password || checks.some((c) => c.id !== 'match' && c.met === false);
    const next: NewPasswordProblem = rulesBroken ? 'rules' : password !== confirm ? 'mismatch' : null;
    setProblem(next);
    if (next) {
      // Take the user to the box that needs fixing; its error is read with it.
      container.current?.querySelector<HTMLInputElement>(next === 'rules' ? 'input[name="new-password"]' : 'input[name="confirm-password"]')?.focus();
      return false;
    }
    setSubmitted(password);
    return true;
  };

  return { password, confirm, setPassword, setConfirm, policy, checks, violated, reason, reasonIsLive: !serviceRefusal && reason !== null, strength, problem, container, validate };
}
