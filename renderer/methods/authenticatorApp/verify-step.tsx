import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorInfo } from '../../../contract/errors';
import { isCodeShaped, normalizeCode } from '../../components/code-input';
import type { VerifyStepProps } from '../method-module';
import { CodeField } from '../shared/code-field';
import { StepError, unexpectedChallenge } from '../shared/step-error';
import { useMounted } from '../shared/use-mounted';
import { useWrongProof } from '../shared/use-proof-error';
import { DeviceCode } from './device-code';

type Challenge = { step: 'asking' } | { step: 'ready'; digits: number } | { step: 'failed'; error: ErrorInfo };

/**
 * Passing a gate with an authenticator app: the code it shows; for this device's own
 * authenticator, a button that shows (and fills in) the code once the OS says it's you.
 */
export function AuthenticatorAppVerify({ method, requestChallenge, submit, busy, error }: VerifyStepProps) {
  const { t } = useTranslation();
  const [challenge, setChallenge] = useState<Challenge>({ step: 'asking' });
  const [code, setCode] = useState('');
  const [missing, setMissing] = useState(false);
  const mounted = useMounted();
  const { input, wrong, setWrong, submitted } = useWrongProof(error, () => setCode(''));

  const ask = async () => {
    setChallenge({ step: 'asking' });
    const r = await requestChallenge(method.id);
    if (!mounted.current) return;
    if (!r.ok) return setChallenge({ step: 'failed', error: r.error });
    setChallenge(r.data.kind === 'totp' ? { step: 'ready', digits: r.data.digits } : { step: 'failed', error: unexpectedChallenge });
  };
  useEffect(() => {
    void ask();
    // Once per method shown.
  }, [method.id]);

  const digits = challenge.step === 'ready' ? challenge.digits : 6;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const clean = normalizeCode(code);
    setWrong(false);
    if (!isCodeShaped(clean) || clean.length !== digits) {
      setMissing(true);
      return input.current?.focus();
    }
    setMissing(false);
    submitted();
    submit({ code: clean });
  };

  const fieldError = missing ? t('method.common.codeMissing', { digits: String(digits) }) : wrong ? t('method.common.codeWrong') : null;
  return (
    <div className="method-verify">
      <p>{method.hint ? t('method.authenticatorApp.verifyIntro', { hint: method.hint }) : t('method.authenticatorApp.verifyIntroNoHint')}</p>
      <StepError error={challenge.step === 'failed' ? challenge.error : null} actions={{ retry: () => void ask() }} />
      {method.onThisDevice && <DeviceCode methodId={method.id} onCode={(c) => {
            setCode(c);
            setWrong(false);
            setMissing(false);
          }} />}
      <form noValidate onSubmit={onSubmit} aria-busy={busy}>
        <CodeField value={code} onChange={setCode} digits={digits} inputRef={input} fieldError={fieldError} />
        <div className="actions">
          <button type="submit" disabled={busy || challenge.step !== 'ready'}>
            {t('method.common.verify')}
          </button>
        </div>
      </form>
    </div>
  );
}
