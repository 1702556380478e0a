/**
 * "Change my password" and the live password feedback (checklist, strength hint, the
 * common-password check as you type): English and zh-TW, under `change.*` and `feedback.*`.
 * The zh-TW object must have exactly the keys of the English one (typed, and unit-tested).
 */
import type { Strings } from '../../methods/shared/strings-type';

export const changeEn = {
  title: 'Change my password',
  intro: 'You know your current password and want a new one. Your current password proves it is you.',
  oldPassword: 'Current password',
  missingUserId: 'Enter your user ID.',
  missingOldPassword: 'Enter your current password.',
  wrongOldPassword: 'The user ID or current password is incorrect. Check both and try again.',
  submit: 'Change password',
  doneTitle: 'Your password was changed.',
  doneBody: 'Sign in with your new password.',
  doneEverywhere: 'From now on, use the new password for {{userId}} everywhere you sign in: your computer, email and your organization’s apps. A device that still remembers the old one will ask you for the new one.',
  signIn: 'Sign in',
};

export const feedbackEn = {
  strengthLabel: 'Strength',
  strengthLine: 'Strength: {{level}}.',
  strengthLoading: 'Checking strength…',
  strengthEmpty: 'Type a password to see how hard it would be to guess.',
  strengthNote: 'A hint only: the rules above decide.',
  score0: 'very weak',
  score1: 'weak',
  score2: 'fair',
  score3: 'strong',
  score4: 'very strong',
  notCommon: 'Not be a common password',
};

export const changeZhTW: Strings<typeof changeEn> = {
  title: '變更我的密碼',
  intro: '您知道目前的密碼並想換一個新密碼。目前的密碼可證明是您本人。',
  oldPassword: '目前的密碼',
  missingUserId: '請輸入您的使用者識別碼。',
  missingOldPassword: '請輸入您目前的密碼。',
  wrongOldPassword: '使用者識別碼或目前的密碼不正確。請檢查兩者後再試一次。',
  submit: '變更密碼',
  doneTitle: '您的密碼已變更。',
  doneBody: '請使用新密碼登入。',
  doneEverywhere: '從現在起，在所有以 {{userId}} 登入的地方都請使用新密碼：您的電腦、電子郵件及組織的應用程式。仍記得舊密碼的裝置會要求您輸入新密碼。',
  signIn: '登入',
};

export const feedbackZhTW: Strings<typeof feedbackEn> = {
  strengthLabel: '強度',
  strengthLine: '強度：{{level}}。',
  strengthLoading: '正在檢查強度…',
  strengthEmpty: '輸入密碼即可看到它有多難被猜中。',
  strengthNote: '僅供參考：以上的規則才是決定條件。',
  score0: '非常弱',
  score1: '弱',
  score2: '普通',
  score3: '強',
  score4: '非常強',
  notCommon: '不是常見的密碼',
};
