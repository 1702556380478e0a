/**
 * The shell's own texts: lock-screen mode and the idle warning (`lockScreen.*`, `idle.*`).
 * The zh-TW object must have exactly the keys of the English one (typed, and unit-tested).
 */
import type { Strings } from '../methods/shared/strings-type';

export const lockScreenEn = {
  title: 'Get back into your account',
  intro: 'Reset a password you forgot, or unlock your account, with the security info you registered.',
};

export const idleEn = {
  warningTitle: 'Are you still there?',
  warningBody_one: 'For your security, what you entered will be cleared in {{count}} second.',
  warningBody_other: 'For your security, what you entered will be cleared in {{count}} seconds.',
  keepGoing: 'Keep going',
  cleared: 'For your security, what you entered was cleared.',
};

export const lockScreenZhTW: Strings<typeof lockScreenEn> = {
  title: '重新存取您的帳戶',
  intro: '使用您已註冊的安全性資訊，重設忘記的密碼或解除鎖定您的帳戶。',
};

// Chinese has one plural form: only `_other` (the resources test checks each language's forms).
export const idleZhTW: Omit<Strings<typeof idleEn>, 'warningBody_one'> = {
  warningTitle: '您還在嗎？',
  warningBody_other: '為了您的安全，您輸入的內容將在 {{count}} 秒後清除。',
  keepGoing: '繼續',
  cleared: '為了您的安全，您輸入的內容已清除。',
};
