import type { MethodScreens } from '../method-module';
import { lazyStep, lazyVerify } from '../shared/lazy-step';
import { EmailIcon } from './icon';

/** Alternate email (reset only): its icon now, its wizard and verify step when first shown. */
export const emailScreens: MethodScreens = {
  Icon: EmailIcon,
  Add: lazyStep(() => import('./add-wizard').then((m) => m.EmailAddWizard)),
  Verify: lazyVerify(() => import('./verify-step').then((m) => m.EmailVerify)),
};
