import type { Handlers } from '../handler.js';
import { changePassword } from './password-change.js';
import { checkPassword, contactHelpdesk, getDemoOutbox, getPasswordPolicy, getTenant } from './public-handlers.js';
import { extendReset } from './reset-extend.js';
import { completeReset, startReset, startResetChallenge, unlockAccount, verifyReset } from './reset-handlers.js';
import { getSecurityInfo, reconfirmSecurityInfo, removeMethod, setDefaultMethod } from './security-info/overview.js';
import { renameMethod, skipRegistration } from './security-info/rename-and-skip.js';
import {
  beginAuthenticatorApp,
  beginEmail,
  beginPhone,
  beginSecurityKey,
  confirmAuthenticatorApp,
  confirmEmail,
  confirmPhone,
  confirmSecurityKey,
  getQuestionPool,
  registerQuestions,
} from './security-info/setup-routes.js';
import { signIn, signOut, startSecondFactor, verifySecondFactor } from './session-handlers.js';

/** One handler per route of contract/api.ts; the type makes a missing one a compile error. */
export const handlers: Handlers = {
  getTenant,
  getPasswordPolicy,
  checkPassword,
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
  renameMethod,
  skipRegistration,
  setDefaultMethod,
  reconfirmSecurityInfo,
  startReset,
  startResetChallenge,
  verifyReset,
  completeReset,
  unlockAccount,
  extendReset,
  changePassword,
  contactHelpdesk,
  getDemoOutbox,
};
