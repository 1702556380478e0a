/** zh-TW of ./strings.ts: loaded only when the app speaks zh-TW (the first screen carries one language). */
import type { Strings } from './strings-type';
import type { commonEn } from './strings';

export const commonZhTW: Strings<typeof commonEn> = {
  loading: '正在載入…',
  code: '代碼',
  codeHint: '請輸入 {{digits}} 位數代碼。',
  codeMissing: '請輸入 {{digits}} 位數代碼。',
  codeWrong: '這個代碼無效。請檢查後再試一次。',
  verify: '驗證',
  next: '下一步',
  back: '返回',
  cancel: '取消',
  save: '儲存',
  name: '名稱',
  nameMissing: '請輸入名稱。',
  nameTaken: '您已經使用這個名稱。請選擇其他名稱。',
  resendIn: '{{label}}（{{seconds}} 秒）',
  resendWait: '您可以在 {{seconds}} 秒後要求新的代碼。',
  resendReady: '您現在可以要求新的代碼。',
  weaker: '簡訊和電話比應用程式或安全性金鑰更容易遭到攔截。',
  resetOnly: '這個方法只能用來重設密碼，不能用來登入。',
};
