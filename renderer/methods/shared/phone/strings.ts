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
