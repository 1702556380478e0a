import type { MethodType } from '../../contract/method-traits';

/**
 * The method types' names (`methods.*`) in every language the app speaks. Both are here, in
 * the first screen's bundle, because they are tiny and `isTypeName` must recognise a label
 * that repeats a type's name in a language that is not loaded (renderer/lib/method-label.ts).
 */
export const typeNamesEn: Record<MethodType, string> = {
  authenticatorApp: 'Authenticator app',
  sms: 'Phone (text message)',
  voice: 'Phone (call)',
  securityKey: 'Security key or passkey',
  email: 'Email',
  questions: 'Security questions',
};

export const typeNamesZhTW: Record<MethodType, string> = {
  authenticatorApp: '驗證器應用程式',
  sms: '電話（簡訊）',
  voice: '電話（語音）',
  securityKey: '安全性金鑰或密碼金鑰',
  email: '電子郵件',
  questions: '安全性問題',
};
