/**
 * The shell's own texts: lock-screen mode and the idle warning (`lockScreen.*`, `idle.*`).
 * The zh-TW object must have exactly the keys of the English one (typed, and unit-tested).
 */
import type { Strings } from '../methods/shared/strings-type';

export const lockScreenEn = {
  title: 'Get back into your account',
};

export const idleEn = {
  warningTitle: 'Are you still there?',
};

export const lockScreenZhTW: Strings<typeof lockScreenEn> = {
  title: '重新存取您的帳戶',
};

export const idleZhTW: Strings<typeof idleEn> = {
  warningTitle: '您還在嗎？',
};
