/** zh-TW of ./strings.ts: loaded only when the app speaks zh-TW (the first screen carries one language). */
import type { Strings } from '../shared/strings-type';
import type { smsEn } from './strings';

export const smsZhTW: Strings<typeof smsEn> = {
  name: '簡訊',
  addTitle: '新增用來接收簡訊的電話號碼',
  addIntro: '我們會傳送含有代碼的簡訊到這支電話，以確認電話是您的。',
  sendCode: '傳送代碼',
  codeTitle: '輸入簡訊中的代碼',
  sentTo: '我們已傳送含有代碼的簡訊到 {{sentTo}}。',
  resend: '傳送新的代碼',
  verifyIntro: '我們會傳送含有代碼的簡訊到 {{hint}}。',
};
