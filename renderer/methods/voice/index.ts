import type { MethodScreens } from '../method-module';
import { lazyStep, lazyVerify } from '../shared/lazy-step';
import { VoiceIcon } from './icon';

/** Phone call: its icon now, its wizard and verify step when first shown. */
export const voiceScreens: MethodScreens = {
  Icon: VoiceIcon,
  Add: lazyStep(() => import('./add-wizard').then((m) => m.VoiceAddWizard)),
  Verify: lazyVerify(() => import('./verify-step').then((m) => m.VoiceVerify)),
};
