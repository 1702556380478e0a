/**
 * Every method module's texts, gathered under the `method` key of the app's resources
 * (`t('method.sms.addTitle')`). Each module keeps its English and zh-TW texts in its own
 * folder (`<type>/strings.ts`, `<type>/strings.zh-tw.ts`), so adding a method adds its
 * translations beside its code. English here; zh-TW in ./strings.zh-tw.ts, loaded only when
 * the app speaks it. The zh-TW object must have exactly the English keys (typed, and unit-tested).
 */
import { authenticatorAppEn } from './authenticatorApp/strings';
import { emailEn } from './email/strings';
import { questionsEn } from './questions/strings';
import { securityKeyEn } from './securityKey/strings';
import { phoneEn } from './shared/phone/strings';
import { commonEn } from './shared/strings';
import type { Strings } from './shared/strings-type';
import { smsEn } from './sms/strings';
import { voiceEn } from './voice/strings';

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
