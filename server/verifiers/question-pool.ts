import type { SsprPolicy } from '../policy/policy.js';
import { predefinedQuestions, type Question } from './questions.js';

/** The predefined questions plus the organization's own. */
export const allQuestions = (policy: SsprPolicy): Question[] => [...predefinedQuestions, ...policy.questions.custom];
