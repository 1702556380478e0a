import type { TFunction } from 'i18next';

/** The words that differ between a text message and a call, picked once per wizard or step. */
export function phoneTexts(type: 'sms' | 'voice', t: TFunction) {
  return type === 'sms'
    ? { addTitle: t('method.sms.addTitle'), addIntro: t('method.sms.addIntro'), send: t('method.sms.sendCode'), codeTitle: t('method.sms.codeTitle'), sentTo: (sentTo: string) => t('method.sms.sentTo', { sentTo }), resend: t('method.sms.resend'), verifyIntro: (hint: string) => t('method.sms.verifyIntro', { hint }) }
    : { addTitle: t('method.voice.addTitle'), addIntro: t('method.voice.addIntro'), send: t('method.voice.callMe'), codeTitle: t('method.voice.codeTitle'), sentTo: (sentTo: string) => t('method.voice.sentTo', { sentTo }), resend: t('method.voice.resend'), verifyIntro: (hint: string) => t('method.voice.verifyIntro', { hint }) };
}
