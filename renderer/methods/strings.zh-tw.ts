/** zh-TW of every method module's texts (./strings.ts): loaded only when the app speaks zh-TW. */
import { authenticatorAppZhTW } from './authenticatorApp/strings.zh-tw';
import { commonZhTW } from './shared/strings.zh-tw';
import { emailZhTW } from './email/strings.zh-tw';
import { phoneZhTW } from './shared/phone/strings.zh-tw';
import { questionsZhTW } from './questions/strings.zh-tw';
import { securityKeyZhTW } from './securityKey/strings.zh-tw';
import { smsZhTW } from './sms/strings.zh-tw';
import { voiceZhTW } from './voice/strings.zh-tw';
import type { MethodMessages } from './strings';

export const methodStringsZhTW: MethodMessages = {
  common: commonZhTW,
  phone: phoneZhTW,
  authenticatorApp: authenticatorAppZhTW,
  sms: smsZhTW,
  voice: voiceZhTW,
  securityKey: securityKeyZhTW,
  email: emailZhTW,
  questions: questionsZhTW,
};
