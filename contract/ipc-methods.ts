/**
 * The named methods of `window.signin` and the IPC channel behind each.
 * Kept free of zod so the sandboxed preload bundle stays tiny; `ipc.ts` checks at
 * compile time that this list and the channel map agree.
 */
export const ipcMethods = {
  getAppInfo: 'app.getInfo',
  setLanguage: 'app.setLanguage',
  signIn: 'session.signIn',
  verifySecondFactor: 'session.verifySecondFactor',
  signOut: 'session.signOut',
  getSecurityInfo: 'securityInfo.get',
  beginAuthenticatorApp: 'securityInfo.beginAuthenticatorApp',
  confirmAuthenticatorApp: 'securityInfo.confirmAuthenticatorApp',
  getPasswordPolicy: 'password.getPolicy',
  startReset: 'reset.start',
  verifyReset: 'reset.verify',
  setNewPassword: 'reset.setPassword',
  cancelReset: 'reset.cancel',
  contactHelpdesk: 'helpdesk.contact',
  getDemoOutbox: 'demo.getOutbox',
} as const;

export type IpcMethodName = keyof typeof ipcMethods;
export type IpcChannel = (typeof ipcMethods)[IpcMethodName];
