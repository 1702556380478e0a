import type { MethodScreens } from '../method-module';
import { lazyStep, lazyVerify } from '../shared/lazy-step';
import { SmsIcon } from './icon';

/** Text message: its icon now, its wizard and verify step when first shown. */
export const smsScreens: MethodScreens = {
  Icon: SmsIcon,
  Add: lazyStep(() => import('./add-wizard').then((m) => m.SmsAddWizard)),
  Verify: lazyVerify(() => import('./verify-step').then((m) => m.SmsVerify)),
};
