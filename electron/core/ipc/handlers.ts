import { contactHelpdesk, getAppInfo, getDemoOutbox, getPasswordPolicy, setLanguage } from './app-handlers.js';
import type { IpcHandlers } from './handler.js';
import { cancelReset, setNewPassword, startReset, verifyReset } from './reset-handlers.js';
import { beginAuthenticatorApp, confirmAuthenticatorApp, getSecurityInfo } from './security-info-handlers.js';
import { signIn, signOut, verifySecondFactor } from './session-handlers.js';

/** One handler per channel of contract/ipc.ts; a missing one is a compile error. */
export const ipcHandlers: IpcHandlers = {
  'app.getInfo': getAppInfo,
  'app.setLanguage': setLanguage,
  'session.signIn': signIn,
  'session.verifySecondFactor': verifySecondFactor,
  'session.signOut': signOut,
  'securityInfo.get': getSecurityInfo,
  'securityInfo.beginAuthenticatorApp': beginAuthenticatorApp,
  'securityInfo.confirmAuthenticatorApp': confirmAuthenticatorApp,
  'password.getPolicy': getPasswordPolicy,
  'reset.start': startReset,
  'reset.verify': verifyReset,
  'reset.setPassword': setNewPassword,
  'reset.cancel': cancelReset,
  'helpdesk.contact': contactHelpdesk,
  'demo.getOutbox': getDemoOutbox,
};
