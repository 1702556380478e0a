import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorInfo } from '../../../contract/errors';
import { Progress } from '../../components/progress';
import { assertNever } from '../../lib/assert-never';
import type { VerifyStepProps } from '../method-module';
import { StepError, unexpectedChallenge } from '../shared/step-error';
import { useMounted } from '../shared/use-mounted';
import { questionText, type PoolQuestion } from './answer-rules';

type State = { step: 'drawing' } | { step: 'answer'; questions: PoolQuestion[]; redrawn: boolean } | { step: 'failed'; error: ErrorInfo };

/**
 * Passing a reset gate with security questions: the drawn questions, one answer box each.
 * A wrong set of answers spends the draw (one try per draw), so new questions are drawn.
 */
export function QuestionsVerify({ method, requestChallenge, submit, busy, error }: VerifyStepProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [state, setState] = useState<State>({ step: 'drawing' });
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [show, setShow] = useState(false);
  const [tried, setTried] = useState(false);
  const mounted = useMounted();
  // Wrong answers draw new questions once per submitted set, however often the flow re-renders.
  const pending = useRef(false);

  const draw = async (redrawn: boolean) => {
    setState({ step: 'drawing' });
    setAnswers({});
    setTried(false);
    const r = await requestChallenge(method.id);
    if (!mounted.current) return;
    if (!r.ok) return setState({ step: 'failed', error: r.error });
    setState(r.data.kind === 'questions' ? { step: 'answer', questions: r.data.questions, redrawn } : { step: 'failed', error: unexpectedChallenge });
  };
  useEffect(() => {
    void draw(false);
    // Once per method shown; a refused proof draws again below.
  }, [method.id]);
  useEffect(() => {
    if (error?.code !== 'INVALID_CODE' || !pending.current) return;
    pending.current = false;
    void draw(true);
  }, [error]);

  useEffect(() => {
    if (state.step === 'answer') document.getElementById(`${id}-a0`)?.focus();
  }, [state, id]);

  switch (state.step) {
    case 'drawing':
      return (
        <div className="method-verify" role="status">
          <Progress />
        </div>
      );
    case 'failed':
      return (
        <div className="method-verify">
          <StepError error={state.error} actions={{ retry: () => void draw(false) }} />
        </div>
      );
    case 'answer': {
      const { questions } = state;
      const onSubmit = (e: FormEvent) => {
        e.preventDefault();
        setTried(true);
        const empty = questions.findIndex((q) => !(answers[q.id] ?? '').trim());
        if (empty >= 0) return document.getElementById(`${id}-a${empty}`)?.focus();
        pending.current = true;
        submit({ answers: questions.map((q) => ({ questionId: q.id, answer: (answers[q.id] ?? '').trim() })) });
      };
      return (
        <div className="method-verify">
          <p>{state.redrawn ? t('method.questions.wrongAnswers') : t('method.questions.verifyIntro')}</p>
          <form noValidate onSubmit={onSubmit} aria-busy={busy}>
            {questions.map((q, i) => {
              const missing = tried && !(answers[q.id] ?? '').trim();
              return (
                <div className="field" key={q.id}>
                  <label htmlFor={`${id}-a${i}`}>{questionText(q, i18n.language)}</label>
                  <input
                    id={`${id}-a${i}`}
                    type={show ? 'text' : 'password'}
                    autoComplete="off"
                    spellCheck={false}
                    maxLength={200}
                    value={answers[q.id] ?? ''}
                    onChange={(e) => setAnswers((a) => ({ ...a, [q.id]: e.target.value }))}
                    aria-invalid={missing ? true : undefined}
                    aria-describedby={missing ? `${id}-e${i}` : undefined}
                  />
                  {missing && (
                    <p id={`${id}-e${i}`} className="field-error">
                      {t('method.questions.problem.empty')}
                    </p>
                  )}
                </div>
              );
            })}
            <div className="choice">
              <input id={`${id}-show`} type="checkbox" checked={show} onChange={(e) => setShow(e.target.checked)} />
              <label htmlFor={`${id}-show`}>{t('method.questions.showAnswers')}</label>
            </div>
            <div className="actions">
              <button type="submit" disabled={busy}>
                {t('method.common.verify')}
              </button>
            </div>
          </form>
        </div>
      );
    }
    default:
      return assertNever(state);
  }
}
