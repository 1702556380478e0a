/** zh-TW of ./strings.ts: loaded only when the app speaks zh-TW (the first screen carries one language). */
import type { Strings } from '../methods/shared/strings-type';
import type { lockScreenEn, idleEn } from './strings';

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
