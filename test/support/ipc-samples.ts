/**
 * One valid request and one valid response per IPC channel of contract/ipc.ts. The mapped
 * types make a new channel a compile error here until someone writes its samples, so the
 * table-driven dispatch tests cover it.
 */
import type { IpcChannel, IpcRequest, IpcResponse } from '../../contract/ipc.js';

const user = { userId: 'megan@contoso.com', displayName: 'Megan Bowen' };
const method = { id: 'm-1', type: 'authenticatorApp' as const, label: 'Phone', createdAt: '2026-03-02T09:00:00.000Z' };

export const validIpcRequests: { [C in IpcChannel]: IpcRequest<C> } = {
  'app.getInfo': {},
  'app.setLanguage': { language: 'zh-TW' },
  'session.signIn': { userId: 'megan@contoso.com', password: 'Demo-Passw0rd-2026' },
  'session.verifySecondFactor': { methodId: 'm-1', code: '123456' },
  'session.signOut': {},
  'securityInfo.get': {},
  'securityInfo.beginAuthenticatorApp': {},
  'securityInfo.confirmAuthenticatorApp': { code: '123456', name: 'Phone' },
  'password.getPolicy': {},
  'reset.start': { userId: 'megan@contoso.com' },
  'reset.verify': { methodId: 'm-1', code: '123456' },
  'reset.setPassword': { newPassword: 'Correct-Horse-Battery-77' },
  'reset.cancel': {},
  'helpdesk.contact': { userId: 'adele@contoso.com', reason: 'SSPR_NOT_ENABLED' },
  'demo.getOutbox': {},
};

export const validIpcResponses: { [C in IpcChannel]: IpcResponse<C> } = {
  'app.getInfo': { version: '1.0.0', host: 'web', demo: true, tenantName: 'Contoso', systemLocale: 'en-US', language: null, languageLocked: false, helpdesk: {}, startFlow: 'home' },
  'app.setLanguage': {},
  'session.signIn': { status: 'signedIn', user, secondFactorMethods: [] },
  'session.verifySecondFactor': { user },
  'session.signOut': {},
  'securityInfo.get': { methods: [method], enabled: ['authenticatorApp'], canAdd: ['authenticatorApp'] },
  'securityInfo.beginAuthenticatorApp': { otpauthUri: 'otpauth://totp/Contoso:megan?secret=ABC', manualKey: 'ABC', issuer: 'Contoso', accountName: 'megan@contoso.com' },
  'securityInfo.confirmAuthenticatorApp': { method },
  'password.getPolicy': { minLength: 8, maxLength: 256, disallowUserName: true, blockCommon: true },
  'reset.start': { userId: 'megan@contoso.com', required: 1, methods: [{ id: 'm-1', type: 'authenticatorApp', hint: 'Phone' }] },
  'reset.verify': { passed: 1, required: 1, complete: true },
  'reset.setPassword': {},
  'reset.cancel': {},
  'helpdesk.contact': { supportCode: 'ABCDEF0123' },
  'demo.getOutbox': { messages: [] },
};
