export const voiceEn = {
  name: 'Phone call',
  addTitle: 'Add a phone for calls',
  addIntro: 'We will call this phone and read out a code to make sure it is yours.',
  callMe: 'Call me',
  codeTitle: 'Enter the code from the call',
  sentTo: 'We are calling {{sentTo}}. Answer it and listen for the code.',
  resend: 'Call me again',
  verifyIntro: 'We will call {{hint}} and read out a code.',
};
