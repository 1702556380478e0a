import type { MethodScreens } from '../method-module';
import { lazyStep, lazyVerify } from '../shared/lazy-step';
import { SecurityKeyIcon } from './icon';

/** Security key or passkey (WebAuthn through @simplewebauthn/browser, loaded with the wizard). */
export const securityKeyScreens: MethodScreens = {
  Icon: SecurityKeyIcon,
  Add: lazyStep(() => import('./add-wizard').then((m) => m.SecurityKeyAddWizard)),
  Verify: lazyVerify(() => import('./verify-step').then((m) => m.SecurityKeyVerify)),
};
