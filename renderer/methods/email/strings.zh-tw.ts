/** zh-TW of ./strings.ts: loaded only when the app speaks zh-TW (the first screen carries one language). */
import type { Strings } from '../shared/strings-type';
import type { emailEn } from './strings';

export const emailZhTW: Strings<typeof emailEn> = {
  name: '電子郵件',
  addTitle: '新增備用電子郵件地址',
  addIntro: '請使用公司或學校以外的電子郵件地址，這樣即使您無法登入，也能重設密碼。',
  address: '電子郵件地址',
  addressHint: '例如 alain.charon@example.com',
  addressMissing: '請輸入電子郵件地址。',
  addressInvalid: '請輸入像 name@example.com 這樣的電子郵件地址。',
  sendCode: '傳送代碼',
  codeTitle: '輸入電子郵件中的代碼',
  sentTo: '我們已傳送代碼到 {{sentTo}}。郵件可能需要一分鐘才會送達，也請檢查垃圾郵件資料夾。',
  resend: '傳送新的代碼',
  changeAddress: '變更地址',
  verifyIntro: '我們會傳送代碼到 {{hint}}。',
};
