import { changePassword, checkPassword, contactHelpdesk, getAppInfo, getDemoOutbox, getPasswordPolicy, quitApp, setLanguage } from './app-handlers.js';
import type { IpcHandlers } from './handler.js';
import { cancelReset, extendReset, setNewPassword, startReset, startResetChallenge, unlockAccount, verifyReset } from './reset-handlers.js';
import { beginAuthenticatorApp, confirmAuthenticatorApp } from './security-info/authenticator-app.js';
import { removeMethod, renameMethod, setDefaultMethod } from './security-info/manage-methods.js';
import { getSecurityInfo, reconfirmSecurityInfo, skipRegistration } from './security-info/overview.js';
import { beginEmail, beginPhone, confirmEmail, confirmPhone } from './security-info/phone-and-email.js';
import { getQuestionPool, registerQuestions } from './security-info/questions.js';
import { beginSecurityKey, confirmSecurityKey } from './security-info/security-key.js';
import { signIn, signOut, startSecondFactor, verifySecondFactor } from './session-handlers.js';
import { addThisDevice } from './this-device/add-this-device.js';
import { getThisDeviceCode } from './this-device/get-code.js';
import { getThisDeviceStatus } from './this-device/get-status.js';

/** One handler per channel of contract/ipc.ts; a missing one is a compile error. */
export const ipcHandlers: IpcHandlers = {
  'app.getInfo': getAppInfo,
  'app.setLanguage': setLanguage,
  'app.quit': quitApp,
  'session.signIn': signIn,
  'session.startSecondFactor': startSecondFactor,
  'session.verifySecondFactor': verifySecondFactor,
  'session.signOut': signOut,
  'securityInfo.get': getSecurityInfo,
  'securityInfo.beginAuthenticatorApp': beginAuthenticatorApp,
  'securityInfo.confirmAuthenticatorApp': confirmAuthenticatorApp,
  'securityInfo.beginPhone': beginPhone,
  'securityInfo.confirmPhone': confirmPhone,
  'securityInfo.beginEmail': beginEmail,
  'securityInfo.confirmEmail': confirmEmail,
  'securityInfo.beginSecurityKey': beginSecurityKey,
  'securityInfo.confirmSecurityKey': confirmSecurityKey,
  'securityInfo.getQuestionPool': getQuestionPool,
  'securityInfo.registerQuestions': registerQuestions,
  'securityInfo.removeMethod': removeMethod,
  'securityInfo.renameMethod': renameMethod,
  'securityInfo.setDefaultMethod': setDefaultMethod,
  'securityInfo.reconfirm': reconfirmSecurityInfo,
  'securityInfo.skipRegistration': skipRegistration,
  'thisDevice.getStatus': getThisDeviceStatus,
  'thisDevice.add': addThisDevice,
  'thisDevice.getCode': getThisDeviceCode,
  'password.getPolicy': getPasswordPolicy,
  'password.check': checkPassword,
  'password.change': changePassword,
  'reset.start': startReset,
  'reset.startChallenge': startResetChallenge,
  'reset.verify': verifyReset,
  'reset.setPassword': setNewPassword,
  'reset.cancel': cancelReset,
  'reset.unlock': unlockAccount,
  'reset.extend': extendReset,
  'helpdesk.contact': contactHelpdesk,
  'demo.getOutbox': getDemoOutbox,
};
