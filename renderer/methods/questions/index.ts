import type { MethodScreens } from '../method-module';
import { lazyStep, lazyVerify } from '../shared/lazy-step';
import { QuestionsIcon } from './icon';

/** Security questions (reset only, never alone): the policy's pool, answers checked as typed. */
export const questionsScreens: MethodScreens = {
  Icon: QuestionsIcon,
  Add: lazyStep(() => import('./add-wizard').then((m) => m.QuestionsAddWizard)),
  Verify: lazyVerify(() => import('./verify-step').then((m) => m.QuestionsVerify)),
};
