import type { Strings } from '../strings-type';

/** Texts shared by text message and phone call (the number step, the code step). */
export const phoneEn = {
  country: 'Country or region',
  number: 'Phone number',
  numberHint: 'The number of the phone you will have with you. You can type it as you would dial it locally.',
  numberLooksRight: 'We will use {{number}}.',
  numberMissing: 'Enter a phone number.',
  numberInvalid: "This doesn't look like a phone number in {{country}}. Check the number and the country.",
  changeNumber: 'Change number',
};

export const phoneZhTW: Strings<typeof phoneEn> = {
  country: '國家或地區',
  number: '電話號碼',
  numberHint: '請輸入您會隨身攜帶的電話號碼。可以依照在當地撥號的方式輸入。',
  numberLooksRight: '我們將使用 {{number}}。',
  numberMissing: '請輸入電話號碼。',
  numberInvalid: '這看起來不像 {{country}} 的電話號碼。請檢查號碼和國家或地區。',
  changeNumber: '變更號碼',
};
