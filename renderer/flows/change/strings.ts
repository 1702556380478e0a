/**
 * "Change my password" and the live password feedback (checklist, strength hint, the
 * common-password check as you type): English and zh-TW, under `change.*` and `feedback.*`.
 * The zh-TW object must have exactly the keys of the English one (typed, and unit-tested).
 */
import type { Strings } from '../../methods/shared/strings-type';

export const changeEn = {
  title: 'Change my password',
};

export const feedbackEn = {
  strengthLabel: 'Strength',
};

export const changeZhTW: Strings<typeof changeEn> = {
  title: '變更我的密碼',
};

export const feedbackZhTW: Strings<typeof feedbackEn> = {
  strengthLabel: '強度',
};
