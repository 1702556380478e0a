/** zh-TW of ./strings.ts: loaded only when the app speaks zh-TW (the first screen carries one language). */
import type { Strings } from '../shared/strings-type';
import type { voiceEn } from './strings';

export const voiceZhTW: Strings<typeof voiceEn> = {
  name: '電話',
  addTitle: '新增用來接聽驗證電話的電話號碼',
  addIntro: '我們會撥打這支電話並念出代碼，以確認電話是您的。',
  callMe: '打電話給我',
  codeTitle: '輸入電話中聽到的代碼',
  sentTo: '我們正在撥打 {{sentTo}}。請接聽並留意代碼。',
  resend: '再打一次給我',
  verifyIntro: '我們會撥打 {{hint}} 並念出代碼。',
};
