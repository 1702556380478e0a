import type { ErrorInfo } from '../../../contract/errors';
import type { IpcResponse } from '../../../contract/ipc';

export type QuestionPool = IpcResponse<'securityInfo.getQuestionPool'>;

/** Adding security questions: the policy's pool is fetched, then questions chosen and answered. */
export type QuestionsState =
  | { step: 'loading'; loading: true; error: null }
  | { step: 'loadFailed'; loading: false; error: ErrorInfo }
  | { step: 'answer'; pool: QuestionPool; loading: boolean; error: ErrorInfo | null };

export type QuestionsAction = { type: 'load' } | { type: 'loaded'; pool: QuestionPool } | { type: 'working' } | { type: 'failed'; error: ErrorInfo };

export const initialQuestions: QuestionsState = { step: 'loading', loading: true, error: null };

export function questionsReducer(state: QuestionsState, action: QuestionsAction): QuestionsState {
  switch (action.type) {
    case 'load':
      return initialQuestions;
    case 'loaded':
      return { step: 'answer', pool: action.pool, loading: false, error: null };
    case 'working':
      return state.step === 'answer' ? { ...state, loading: true, error: null } : state;
    case 'failed':
      return state.step === 'answer' ? { ...state, loading: false, error: action.error } : { step: 'loadFailed', loading: false, error: action.error };
  }
}
