import type { Strings } from '../shared/strings-type';

export const smsEn = {
  name: 'Text message',
  addTitle: 'Add a phone for text messages',
  addIntro: 'We will send a code by text message to this phone to make sure it is yours.',
  sendCode: 'Send code',
  codeTitle: 'Enter the code from the text message',
  sentTo: 'We sent a code by text message to {{sentTo}}.',
  resend: 'Send a new code',
  verifyIntro: 'We will send a code by text message to {{hint}}.',
};

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
