import type { SsprPolicy } from '../policy/policy.js';
import type { StoredMethod } from '../store/store.js';
import { predefinedQuestions, type Question } from './questions.js';

/** The predefined questions plus the organization's own. */
export const allQuestions = (policy: SsprPolicy): Question[] => [...predefinedQuestions, ...policy.questions.custom];

/** The question ids and answer hashes kept in a questions method's `data`. */
export function storedAnswers(method: StoredMethod): { questionId: string; hash: string }[] {
  try {
    const parsed = JSON.parse(method.data ?? '[]') as unknown;
    return Array.isArray(parsed) ? parsed.filter((a): a is { questionId: string; hash: string } => typeof a?.questionId === 'string' && typeof a?.hash === 'string') : [];
  } catch {
    return [];
  }
}
