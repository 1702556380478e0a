/** zh-TW of ./strings.ts: loaded only when the app speaks zh-TW (the first screen carries one language). */
import type { Strings } from '../../methods/shared/strings-type';
import type { changeEn, feedbackEn } from './strings';

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
