import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorInfo } from '../../../contract/errors';
import { Screen } from '../../components/screen';
import { cleanCode, CodeField } from './code-field';
import { ResendButton } from './resend-button';

interface CodeStepProps {
  screenName: string;
  title: string;
  /** "We sent a code to •••42." */
  sentLine: string;
  digits: number;
  loading: boolean;
  error: ErrorInfo | null;
  /** Grows by one each time the service refused a code: clear the box, cursor back in it. */
  wrongCodes: number;
  onVerify: (code: string) => void;
  resendLabel: string;
  cooldown: { secondsLeft: number; total: number };
  onResend: () => void;
  backLabel: string;
  onBack: () => void;
  onCancel: () => void;
  /** A retry of the failed action (e.g. the resend). */
  onStartOver: () => void;
}

/** The second step of adding a phone or an email: the code that arrived, resend, change where. */
export function CodeStep(props: CodeStepProps) {
  const { t } = useTranslation();
  const { digits, wrongCodes, loading } = props;
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<'missing' | 'wrong' | null>(null);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (wrongCodes === 0) return;
    setCode('');
    setProblem('wrong');
    input.current?.focus();
  }, [wrongCodes]);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const clean = cleanCode(code, digits);
    if (!clean) {
      setProblem('missing');
      input.current?.focus();
      return;
    }
    setProblem(null);
    props.onVerify(clean);
  };

  const resend = () => {
    setCode('');
    setProblem(null);
    props.onResend();
    // The resend button disables itself: keep the cursor where the new code goes.
    input.current?.focus();
  };

  const fieldError = problem === 'missing' ? t('method.common.codeMissing', { digits: String(digits) }) : problem === 'wrong' ? t('method.common.codeWrong') : null;

  return (
    <Screen name={props.screenName} title={props.title} loading={loading} error={props.error} errorActions={{ startOver: props.onStartOver, retry: props.onStartOver }}>
      <p>{props.sentLine}</p>
      <form noValidate onSubmit={onSubmit} aria-busy={loading}>
        <CodeField value={code} onChange={setCode} digits={digits} inputRef={input} fieldError={fieldError} />
        <div className="actions">
          <button type="submit" disabled={loading}>
            {t('method.common.verify')}
          </button>
          <button type="button" className="secondary" disabled={loading} onClick={props.onBack}>
            {props.backLabel}
          </button>
          <button type="button" className="secondary" disabled={loading} onClick={props.onCancel}>
            {t('method.common.cancel')}
          </button>
        </div>
      </form>
      <ResendButton label={props.resendLabel} secondsLeft={props.cooldown.secondsLeft} total={props.cooldown.total} busy={loading} onResend={resend} />
    </Screen>
  );
}
