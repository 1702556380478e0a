import { useTranslation } from 'react-i18next';
import type { WebAuthnProblem } from './webauthn-problem';

/** A WebAuthn problem in one sentence, in an assertive region that is always present. */
export function ProblemLine({ problem }: { problem: WebAuthnProblem | null }) {
  const { t } = useTranslation();
  return (
    <div role="alert" className="alert-region">
      {problem && <p className="method-problem">{t(`method.securityKey.problem.${problem}`)}</p>}
    </div>
  );
}
