import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../components/form-actions';
import { MethodNote } from '../shared/method-note';
import type { QuestionPool } from './add-state';
import { answerProblems, questionText, type AnswerProblem } from './answer-rules';

interface AnswerFormProps {
  pool: QuestionPool;
  loading: boolean;
  onSave: (answers: { questionId: string; answer: string }[]) => void;
  onCancel: () => void;
}

/**
 * `toRegister` rows of a question (each question once) and its answer. Rules are checked as
 * the person types; an empty row or a missing question is flagged only after "Save".
 * Answers are password fields with one "Show answers" switch.
 */
export function AnswerForm({ pool, loading, onSave, onCancel }: AnswerFormProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [rows, setRows] = useState(() => Array.from({ length: pool.toRegister }, () => ({ questionId: '', answer: '' })));
  const [show, setShow] = useState(false);
  const [tried, setTried] = useState(false);
  const rules = { minLength: pool.minAnswerLength, maxLength: pool.maxAnswerLength };
  const problems = answerProblems(rows, pool.questions, rules);
  const visible = (p: AnswerProblem | null, i: number): AnswerProblem | null => (p === 'noQuestion' || p === 'empty' ? (tried ? p : null) : rows[i]?.answer ? p : null);

  const describe = (p: AnswerProblem): string => {
    switch (p) {
      case 'tooShort':
        return t('method.questions.problem.tooShort', { n: String(rules.minLength) });
      case 'tooLong':
        return t('method.questions.problem.tooLong', { n: String(rules.maxLength) });
      default:
        return t(`method.questions.problem.${p}`);
    }
  };

  const update = (i: number, change: Partial<{ questionId: string; answer: string }>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...change } : r)));

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    const first = problems.findIndex((p) => p !== null);
    if (first >= 0) {
      const p = problems[first];
      document.getElementById(p === 'noQuestion' ? `${id}-q${first}` : `${id}-a${first}`)?.focus();
      return;
    }
    onSave(rows.map((r) => ({ questionId: r.questionId, answer: r.answer.trim() })));
  };

  const hintId = `${id}-rules`;
  return (
    <>
      <p>{t('method.questions.addIntro', { count: String(pool.toRegister) })}</p>
      <MethodNote>{t('method.questions.neverAlone')}</MethodNote>
      <p>{t('method.questions.neverShown')}</p>
      <p id={hintId} className="hint">
        {t('method.questions.answerHint', { min: String(rules.minLength), max: String(rules.maxLength) })}
      </p>
      <form noValidate onSubmit={onSubmit} aria-busy={loading}>
        {rows.map((row, i) => {
          const problem = visible(problems[i] ?? null, i);
          const qId = `${id}-q${i}`;
          const aId = `${id}-a${i}`;
          const errId = `${id}-e${i}`;
          const n = String(i + 1);
          return (
            <div className="question-row" key={i}>
              <div className="field">
                <label htmlFor={qId}>{t('method.questions.question', { n })}</label>
                <select
                  id={qId}
                  value={row.questionId}
                  onChange={(e) => update(i, { questionId: e.target.value })}
                  aria-invalid={problem === 'noQuestion' ? true : undefined}
                  aria-describedby={problem === 'noQuestion' ? errId : undefined}
                >
                  <option value="">{t('method.questions.chooseQuestion')}</option>
                  {pool.questions.map((q) => (
                    <option key={q.id} value={q.id} disabled={rows.some((r, j) => j !== i && r.questionId === q.id)}>
                      {questionText(q, i18n.language)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor={aId}>{t('method.questions.answer', { n })}</label>
                <input
                  id={aId}
                  type={show ? 'text' : 'password'}
                  autoComplete="off"
                  spellCheck={false}
                  maxLength={200}
                  value={row.answer}
                  onChange={(e) => update(i, { answer: e.target.value })}
                  aria-invalid={problem && problem !== 'noQuestion' ? true : undefined}
                  aria-describedby={[hintId, problem && problem !== 'noQuestion' ? errId : null].filter(Boolean).join(' ')}
                />
              </div>
              {problem && (
                <p id={errId} className="field-error">
                  {describe(problem)}
                </p>
              )}
            </div>
          );
        })}
        <div className="choice">
          <input id={`${id}-show`} type="checkbox" checked={show} onChange={(e) => setShow(e.target.checked)} />
          <label htmlFor={`${id}-show`}>{t('method.questions.showAnswers')}</label>
        </div>
        <FormActions loading={loading} primary={{ label: t('method.questions.save') }} secondary={{ label: t('method.common.cancel'), onClick: onCancel }} />
      </form>
    </>
  );
}
