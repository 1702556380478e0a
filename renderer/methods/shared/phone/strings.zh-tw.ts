/** zh-TW of ./strings.ts: loaded only when the app speaks zh-TW (the first screen carries one language). */
import type { Strings } from '../strings-type';
import type { phoneEn } from './strings';

export const phoneZhTW: Strings<typeof phoneEn> = {
  country: '國家或地區',
  number: '電話號碼',
  numberHint: '請輸入您會隨身攜帶的電話號碼。可以依照在當地撥號的方式輸入。',
  numberLooksRight: '我們將使用 {{number}}。',
  numberMissing: '請輸入電話號碼。',
  numberInvalid: '這看起來不像 {{country}} 的電話號碼。請檢查號碼和國家或地區。',
  changeNumber: '變更號碼',
};
