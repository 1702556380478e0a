import type { MethodScreens } from '../method-module';
import { lazyStep, lazyVerify } from '../shared/lazy-step';
import { AuthenticatorAppIcon } from './icon';

/** Authenticator app (on another device, or this device through the OS keyring). */
export const authenticatorAppScreens: MethodScreens = {
  Icon: AuthenticatorAppIcon,
  Add: lazyStep(() => import('./add-wizard').then((m) => m.AuthenticatorAppAddWizard)),
  Verify: lazyVerify(() => import('./verify-step').then((m) => m.AuthenticatorAppVerify)),
};
