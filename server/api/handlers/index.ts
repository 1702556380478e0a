import type { Handlers } from '../handler.js';
import { contactHelpdesk, getDemoOutbox, getPasswordPolicy, getTenant } from './public-handlers.js';
import { completeReset, startReset, verifyReset } from './reset-handlers.js';
import { beginAuthenticatorApp, confirmAuthenticatorApp, getSecurityInfo } from './security-info-handlers.js';
import { signIn, signOut, verifySecondFactor } from './session-handlers.js';

/** One handler per route of contract/api.ts; the type makes a missing one a compile error. */
export const handlers: Handlers = {
  getTenant,
  getPasswordPolicy,
  signIn,
  verifySecondFactor,
  signOut,
  getSecurityInfo,
  beginAuthenticatorApp,
  confirmAuthenticatorApp,
  startReset,
  verifyReset,
  completeReset,
  contactHelpdesk,
  getDemoOutbox,
};
