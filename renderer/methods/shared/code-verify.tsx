import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorInfo } from '../../../contract/errors';
import { assertNever } from '../../lib/assert-never';
import type { VerifyStepProps } from '../method-module';
import { cleanCode, CodeField } from './code-field';
import { ResendButton } from './resend-button';
import { StepError, unexpectedChallenge } from './step-error';
import { RESEND_COOLDOWN_SECONDS, useCooldown } from './use-cooldown';
import { useMounted } from './use-mounted';
import { useWrongProof } from './use-proof-error';

export interface CodeVerifyTexts {
  intro: string;
  send: string;
  sentTo: (sentTo: string) => string;
  resend: string;
}

type State =
  | { step: 'ready'; loading: boolean; error: ErrorInfo | null }
  | { step: 'sent'; sentTo: string; digits: number; loading: boolean; error: ErrorInfo | null };

/**
 * Passing a gate with a code sent by text, call or email. Nothing is sent until the person
 * asks ("Send code" / "Call me"): choosing a method must not ring a phone.
 */
export function CodeVerify({ method, requestChallenge, submit, busy, error, texts }: VerifyStepProps & { texts: CodeVerifyTexts }) {
  const { t } = useTranslation();
  const [state, setState] = useState<State>({ step: 'ready', loading: false, error: null });
  const [code, setCode] = useState('');
  const [missing, setMissing] = useState(false);
  const cooldown = useCooldown(RESEND_COOLDOWN_SECONDS);
  const mounted = useMounted();
  const { input, wrong, setWrong, submitted } = useWrongProof(error, () => setCode(''));
  // Each code sent moves the cursor to the box it goes into (the resend button disables itself).
  const [sends, setSends] = useState(0);
  useEffect(() => {
    if (sends > 0) input.current?.focus();
  }, [sends, input]);

  const send = async () => {
    setState((s) => ({ ...s, loading: true, error: null }));
    const result = await requestChallenge(method.id);
    if (!mounted.current) return;
    if (!result.ok) return setState((s) => ({ ...s, loading: false, error: result.error }));
    if (result.data.kind !== 'code') return setState((s) => ({ ...s, loading: false, error: unexpectedChallenge }));
    cooldown.start();
    setCode('');
    setState({ step: 'sent', sentTo: result.data.sentTo, digits: result.data.digits, loading: false, error: null });
    setSends((n) => n + 1);
  };

  switch (state.step) {
    case 'ready':
      return (
        <div className="method-verify">
          <p>{texts.intro}</p>
          <StepError error={state.error} actions={{ retry: () => void send() }} />
          <div className="actions">
            <button type="button" disabled={state.loading} onClick={() => void send()}>
              {texts.send}
            </button>
          </div>
        </div>
      );
    case 'sent': {
      const digits = state.digits;
      const onSubmit = (e: FormEvent) => {
        e.preventDefault();
        const clean = cleanCode(code, digits);
        setWrong(false);
        if (!clean) {
          setMissing(true);
          input.current?.focus();
          return;
        }
        setMissing(false);
        submitted();
    submit({ code: clean });
      };
      const fieldError = missing ? t('method.common.codeMissing', { digits: String(digits) }) : wrong ? t('method.common.codeWrong') : null;
      return (
        <div className="method-verify">
          <p>{texts.sentTo(state.sentTo)}</p>
          <StepError error={state.error} actions={{ retry: () => void send() }} />
          <form noValidate onSubmit={onSubmit} aria-busy={busy}>
            <CodeField value={code} onChange={setCode} digits={digits} inputRef={input} fieldError={fieldError} />
            <div className="actions">
              <button type="submit" disabled={busy || state.loading}>
                {t('method.common.verify')}
              </button>
            </div>
          </form>
          <ResendButton label={texts.resend} secondsLeft={cooldown.secondsLeft} total={cooldown.total} busy={busy || state.loading} onResend={() => void send()} />
        </div>
      );
    }
    default:
      return assertNever(state);
  }
}
