import { browserSupportsWebAuthn, startAuthentication, type PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/browser';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorInfo } from '../../../contract/errors';
import type { VerifyStepProps } from '../method-module';
import { StepError, unexpectedChallenge } from '../shared/step-error';
import { useMounted } from '../shared/use-mounted';
import { ProblemLine } from './problem-line';
import { webauthnProblem, type WebAuthnProblem } from './webauthn-problem';

/**
 * Passing a gate with a security key or passkey: each press asks for a fresh challenge
 * (one use each), runs the browser's prompt and hands the assertion to the flow.
 */
export function SecurityKeyVerify({ method, requestChallenge, submit, busy }: VerifyStepProps) {
  const { t } = useTranslation();
  const [working, setWorking] = useState(false);
  const [problem, setProblem] = useState<WebAuthnProblem | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const mounted = useMounted();

  const use = async () => {
    setError(null);
    if (!browserSupportsWebAuthn()) return setProblem('unsupported');
    setWorking(true);
    setProblem(null);
    const r = await requestChallenge(method.id);
    if (!mounted.current) return;
    if (!r.ok || r.data.kind !== 'webauthn') {
      setWorking(false);
      return setError(r.ok ? unexpectedChallenge : r.error);
    }
    try {
      const assertion = await startAuthentication({ optionsJSON: r.data.options as unknown as PublicKeyCredentialRequestOptionsJSON });
      if (!mounted.current) return;
      setWorking(false);
      submit({ assertion: { ...assertion, response: { ...assertion.response } } });
    } catch (e) {
      if (!mounted.current) return;
      setWorking(false);
      setProblem(webauthnProblem(e));
    }
  };

  return (
    <div className="method-verify">
      <p>{t('method.securityKey.verifyIntro')}</p>
      <ProblemLine problem={problem} />
      <StepError error={error} actions={{ retry: () => void use() }} />
      {working && <p>{t('method.securityKey.followPrompts')}</p>}
      <div className="actions">
        <button type="button" disabled={busy || working} onClick={() => void use()}>
          {t('method.securityKey.verifyButton')}
        </button>
      </div>
    </div>
  );
}
