/**
 * The named methods of `window.signin` and the IPC channel behind each.
 * Kept free of zod so the sandboxed preload bundle stays tiny; `ipc.ts` checks at
 * compile time that this list and the channel map agree.
 */
export const ipcMethods = {
  getAppInfo: 'app.getInfo',
  quitApp: 'app.quit',
  setLanguage: 'app.setLanguage',
  signIn: 'session.signIn',
  startSecondFactor: 'session.startSecondFactor',
  verifySecondFactor: 'session.verifySecondFactor',
  signOut: 'session.signOut',
  getSecurityInfo: 'securityInfo.get',
  beginAuthenticatorApp: 'securityInfo.beginAuthenticatorApp',
  confirmAuthenticatorApp: 'securityInfo.confirmAuthenticatorApp',
  beginPhone: 'securityInfo.beginPhone',
  confirmPhone: 'securityInfo.confirmPhone',
  beginEmail: 'securityInfo.beginEmail',
  confirmEmail: 'securityInfo.confirmEmail',
  beginSecurityKey: 'securityInfo.beginSecurityKey',
  confirmSecurityKey: 'securityInfo.confirmSecurityKey',
  getQuestionPool: 'securityInfo.getQuestionPool',
  registerQuestions: 'securityInfo.registerQuestions',
  removeMethod: 'securityInfo.removeMethod',
  renameMethod: 'securityInfo.renameMethod',
  setDefaultMethod: 'securityInfo.setDefaultMethod',
  reconfirmSecurityInfo: 'securityInfo.reconfirm',
  skipRegistration: 'securityInfo.skipRegistration',
  getThisDeviceStatus: 'thisDevice.getStatus',
  addThisDevice: 'thisDevice.add',
  getThisDeviceCode: 'thisDevice.getCode',
  getPasswordPolicy: 'password.getPolicy',
  checkPassword: 'password.check',
  changePassword: 'password.change',
  startReset: 'reset.start',
  startResetChallenge: 'reset.startChallenge',
  verifyReset: 'reset.verify',
  setNewPassword: 'reset.setPassword',
  cancelReset: 'reset.cancel',
  unlockAccount: 'reset.unlock',
  extendReset: 'reset.extend',
  contactHelpdesk: 'helpdesk.contact',
  getDemoOutbox: 'demo.getOutbox',
} as const;

/**
 * Main → renderer events: a named subscription per event on `window.signin` (each returns its
 * unsubscribe), and the channel it arrives on. Schemas in `ipc.ts` (`ipcEventSchemas`).
 */
export const ipcEvents = {
  /** A deep link or a second launch asks the running app to open a flow (the user id only pre-fills). */
  onNavigate: 'app.navigate',
  /** The core forgot the session's tokens and setup ids (idle, lock-screen done): clear what the page holds. */
  onSessionWiped: 'session.wiped',
} as const;
export type IpcEventSubscription = keyof typeof ipcEvents;
export type IpcEventChannel = (typeof ipcEvents)[IpcEventSubscription];

export type IpcMethodName = keyof typeof ipcMethods;
export type IpcChannel = (typeof ipcMethods)[IpcMethodName];
