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
