/** The five characters XML gives meaning to, escaped so a message can never inject TwiML verbs. */
export const escapeXml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c);

/** The voice of each message language, as the provider's `<Say language>` names it. */
const sayLanguage = { en: 'en-US', 'zh-TW': 'zh-TW' } as const;

/** TwiML that reads `text` aloud once the call is answered. */
export const sayTwiml = (text: string, language: keyof typeof sayLanguage = 'en'): string =>
  `<Response><Say language="${sayLanguage[language]}">${escapeXml(text)}</Say></Response>`;
