/**
 * One valid request and one valid response per IPC channel of contract/ipc.ts. The mapped
 * types make a new channel a compile error here until someone writes its samples, so the
 * table-driven dispatch tests cover it. (Replaces test/support/ipc-samples.ts, which only
 * knew the first slice's channels.)
 */
import type { IpcChannel, IpcRequest, IpcResponse } from '../../../contract/ipc.js';

const user = { userId: 'megan@contoso.com', displayName: 'Megan Bowen' };
const method = { id: 'm-1', type: 'authenticatorApp' as const, label: 'Phone', createdAt: '2026-03-02T09:00:00.000Z', onThisDevice: false };
const codeSent = { sentTo: '+1 •••• ••• 0123', expiresAt: '2026-03-02T09:10:00.000Z', digits: 6 };
const webauthnResponse = { id: 'cred-1', rawId: 'cred-1', type: 'public-key' as const, response: { clientDataJSON: 'e30' } };

export const validIpcRequests: { [C in IpcChannel]: IpcRequest<C> } = {
  'app.getInfo': {},
  'app.setLanguage': { language: 'zh-TW', remember: true },
  'session.signIn': { userId: 'megan@contoso.com', password: 'Demo-Passw0rd-2026' },
  'session.startSecondFactor': { methodId: 'm-1' },
  'session.verifySecondFactor': { methodId: 'm-1', code: '123456' },
  'session.signOut': {},
  'securityInfo.get': {},
  'securityInfo.beginAuthenticatorApp': {},
  'securityInfo.confirmAuthenticatorApp': { code: '123456', name: 'Phone' },
  'securityInfo.beginPhone': { type: 'sms', phoneNumber: '+14255550123', country: 'US' },
  'securityInfo.confirmPhone': { code: '123456' },
  'securityInfo.beginEmail': { address: 'megan@example.net' },
  'securityInfo.confirmEmail': { code: '123456' },
  'securityInfo.beginSecurityKey': { attachment: 'cross-platform' },
  'securityInfo.confirmSecurityKey': { name: 'Blue key', response: webauthnResponse },
  'securityInfo.getQuestionPool': {},
  'securityInfo.registerQuestions': { answers: [{ questionId: 'q-1', answer: 'Taipei' }] },
  'securityInfo.removeMethod': { methodId: 'm-1' },
  'securityInfo.renameMethod': { methodId: 'm-1', name: 'Work phone' },
  'securityInfo.setDefaultMethod': { methodId: 'm-1' },
  'securityInfo.reconfirm': {},
  'securityInfo.skipRegistration': {},
  'thisDevice.getStatus': {},
  'thisDevice.add': { name: 'This laptop' },
  'thisDevice.getCode': { methodId: 'm-1' },
  'password.getPolicy': {},
  'reset.start': { userId: 'megan@contoso.com' },
  'reset.startChallenge': { methodId: 'm-1' },
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
  'session.startSecondFactor': { kind: 'totp', digits: 6 },
  'session.verifySecondFactor': { user },
  'session.signOut': {},
  'securityInfo.get': {
    methods: [method],
    enabled: ['authenticatorApp'],
    canAdd: ['authenticatorApp'],
    defaultMethodId: 'm-1',
    required: 1,
    registrationComplete: true,
    reconfirmDue: false,
    requiredAtLaunch: false,
    skipsLeft: 3,
  },
  'securityInfo.beginAuthenticatorApp': { otpauthUri: 'otpauth://totp/Contoso:megan?secret=ABC', manualKey: 'ABC', issuer: 'Contoso', accountName: 'megan@contoso.com' },
  'securityInfo.confirmAuthenticatorApp': { method },
  'securityInfo.beginPhone': codeSent,
  'securityInfo.confirmPhone': { method: { ...method, type: 'sms', label: '+1 •••• ••• 0123' } },
  'securityInfo.beginEmail': { ...codeSent, sentTo: 'm•••@example.net' },
  'securityInfo.confirmEmail': { method: { ...method, type: 'email', label: 'm•••@example.net' } },
  'securityInfo.beginSecurityKey': { options: { challenge: 'abc', rp: { id: 'localhost', name: 'Contoso' } } },
  'securityInfo.confirmSecurityKey': { method: { ...method, type: 'securityKey', label: 'Blue key' } },
  'securityInfo.getQuestionPool': { questions: [{ id: 'q-1', text: { en: 'In what city were you born?' } }], toRegister: 3, minAnswerLength: 3, maxAnswerLength: 200 },
  'securityInfo.registerQuestions': { method: { ...method, type: 'questions', label: 'Security questions' } },
  'securityInfo.removeMethod': {},
  'securityInfo.renameMethod': { method: { ...method, label: 'Work phone' } },
  'securityInfo.setDefaultMethod': {},
  'securityInfo.reconfirm': { reconfirmedAt: '2026-03-02T09:00:00.000Z' },
  'securityInfo.skipRegistration': { skipsLeft: 2 },
  'thisDevice.getStatus': { available: true, reason: 'ok' },
  'thisDevice.add': { method: { ...method, label: 'This laptop', onThisDevice: true } },
  'thisDevice.getCode': { outcome: 'success', code: '123456', secondsLeft: 12, period: 30 },
  'password.getPolicy': { minLength: 8, maxLength: 256, disallowUserName: true, blockCommon: true },
  'reset.start': { userId: 'megan@contoso.com', required: 1, methods: [{ id: 'm-1', type: 'authenticatorApp', hint: 'Phone', onThisDevice: false }] },
  'reset.startChallenge': { kind: 'code', channel: 'email', sentTo: 'm•••@example.net', digits: 6, expiresAt: '2026-03-02T09:10:00.000Z' },
  'reset.verify': { passed: 1, required: 1, complete: true },
  'reset.setPassword': {},
  'reset.cancel': {},
  'helpdesk.contact': { supportCode: 'ABCDEF0123' },
  'demo.getOutbox': { messages: [] },
};
