import type { Handlers } from '../handler.js';
import { changePassword } from './password-change.js';
import { contactHelpdesk, getDemoOutbox, getPasswordPolicy, getTenant } from './public-handlers.js';
import { completeReset, startReset, startResetChallenge, unlockAccount, verifyReset } from './reset-handlers.js';
import { beginAuthenticatorApp, confirmAuthenticatorApp } from './security-info/authenticator-app.js';
import { getSecurityInfo, reconfirmSecurityInfo, removeMethod, setDefaultMethod } from './security-info/overview.js';
import { beginEmail, beginPhone, confirmEmail, confirmPhone } from './security-info/phone-and-email.js';
import { getQuestionPool, registerQuestions } from './security-info/questions.js';
import { beginSecurityKey, confirmSecurityKey } from './security-info/security-key.js';
import { signIn, signOut, startSecondFactor, verifySecondFactor } from './session-handlers.js';

/** One handler per route of contract/api.ts; the type makes a missing one a compile error. */
export const handlers: Handlers = {
  getTenant,
  getPasswordPolicy,
  signIn,
  startSecondFactor,
  verifySecondFactor,
  signOut,
  getSecurityInfo,
  beginAuthenticatorApp,
  confirmAuthenticatorApp,
  beginPhone,
  confirmPhone,
  beginEmail,
  confirmEmail,
  beginSecurityKey,
  confirmSecurityKey,
  getQuestionPool,
  registerQuestions,
  removeMethod,
  setDefaultMethod,
  reconfirmSecurityInfo,
  startReset,
  startResetChallenge,
  verifyReset,
  completeReset,
  unlockAccount,
  changePassword,
  contactHelpdesk,
  getDemoOutbox,
};
