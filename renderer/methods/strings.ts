/**
 * Every method module's texts, gathered under the `method` key of the app's resources
 * (`t('method.sms.addTitle')`). Each module keeps its English and zh-TW texts in its own
 * folder (`<type>/strings.ts`), so adding a method adds its translations beside its code.
 * The zh-TW object must have exactly the keys of the English one (typed, and unit-tested).
 */
import { authenticatorAppEn, authenticatorAppZhTW } from './authenticatorApp/strings';
import { emailEn, emailZhTW } from './email/strings';
import { questionsEn, questionsZhTW } from './questions/strings';
import { securityKeyEn, securityKeyZhTW } from './securityKey/strings';
import { phoneEn, phoneZhTW } from './shared/phone/strings';
import { commonEn, commonZhTW } from './shared/strings';
import type { Strings } from './shared/strings-type';
import { smsEn, smsZhTW } from './sms/strings';
import { voiceEn, voiceZhTW } from './voice/strings';

export const methodStringsEn = {
  common: commonEn,
  phone: phoneEn,
  authenticatorApp: authenticatorAppEn,
  sms: smsEn,
  voice: voiceEn,
  securityKey: securityKeyEn,
  email: emailEn,
  questions: questionsEn,
};

export type MethodMessages = Strings<typeof methodStringsEn>;

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
