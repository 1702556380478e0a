import { useCallback, useEffect, useReducer } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../bridge/api';
import { Screen } from '../../components/screen';
import { assertNever } from '../../lib/assert-never';
import type { AddWizardProps } from '../method-module';
import { useMounted } from '../shared/use-mounted';
import { initialQuestions, questionsReducer } from './add-state';
import { AnswerForm } from './answer-form';

/** Adding security questions (reset only, never alone). One screen: `add-questions-answer`. */
export function QuestionsAddWizard({ onAdded, onCancel }: AddWizardProps) {
  const { t } = useTranslation();
  const [state, dispatch] = useReducer(questionsReducer, initialQuestions);
  const mounted = useMounted();

  const load = useCallback(async () => {
    dispatch({ type: 'load' });
    const r = await api().getQuestionPool({});
    if (!mounted.current) return;
    dispatch(r.ok ? { type: 'loaded', pool: r.data } : { type: 'failed', error: r.error });
  }, [mounted]);
  useEffect(() => {
    void load();
  }, [load]);

  const save = async (answers: { questionId: string; answer: string }[]) => {
    dispatch({ type: 'working' });
    const r = await api().registerQuestions({ answers });
    if (!mounted.current) return;
    if (r.ok) return onAdded(r.data.method);
    dispatch({ type: 'failed', error: r.error });
  };

  const title = t('method.questions.addTitle');
  switch (state.step) {
    case 'loading':
    case 'loadFailed':
      return (
        <Screen name="add-questions-answer" title={title} loading={state.loading} error={state.error} errorActions={{ retry: () => void load() }}>
          <div className="actions">
            <button type="button" className="secondary" onClick={onCancel}>
              {t('method.common.cancel')}
            </button>
          </div>
        </Screen>
      );
    case 'answer':
      return (
        <Screen name="add-questions-answer" title={title} loading={state.loading} error={state.error}>
          <AnswerForm pool={state.pool} loading={state.loading} onSave={(answers) => void save(answers)} onCancel={onCancel} />
        </Screen>
      );
    default:
      return assertNever(state);
  }
}
