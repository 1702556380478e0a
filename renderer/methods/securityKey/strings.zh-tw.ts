/** zh-TW of ./strings.ts: loaded only when the app speaks zh-TW (the first screen carries one language). */
import type { Strings } from '../shared/strings-type';
import type { securityKeyEn } from './strings';

export const securityKeyZhTW: Strings<typeof securityKeyEn> = {
  name: '安全性金鑰',
  platformName: '這部裝置上的密碼金鑰',
  chooseTitle: '新增安全性金鑰或密碼金鑰',
  chooseIntro: '安全性金鑰或密碼金鑰不需要代碼就能證明是您本人。請選擇要保存在哪裡。',
  checking: '正在檢查這部裝置支援的功能…',
  platform: '這部裝置（Windows Hello、Touch ID…）',
  platformHint: '在這部電腦上以臉部、指紋或 PIN 確認。',
  crossPlatform: '安全性金鑰或手機',
  crossPlatformHint: 'USB 或 NFC 金鑰，或可以保存密碼金鑰的手機。',
  followPrompts: '請依照提示操作：插入並觸碰您的金鑰，或在這部裝置或您的手機上確認。',
  nameTitle: '為您的安全性金鑰命名',
  nameBody: '您的金鑰已準備就緒。請為它取個日後方便辨識的名稱。',
  problem: {
    cancelled: '要求已取消或逾時。請再試一次，並在出現提示時觸碰金鑰或進行確認。',
    alreadyRegistered: '這個金鑰已經註冊到您的帳戶。請使用其他金鑰，或保留您現有的金鑰。',
    security: '此應用程式不允許對貴組織的位址使用安全性金鑰。請連絡您的 IT 人員。',
    unsupported: '這個瀏覽器無法使用安全性金鑰或密碼金鑰。請使用登入小幫手應用程式，或最新版本的 Edge、Chrome、Firefox 或 Safari。',
    notSupported: '這個金鑰不支援貴組織要求的功能。請試試其他金鑰。',
    failed: '安全性金鑰沒有如預期回應。請再試一次。',
  },
  verifyIntro: '請使用您的安全性金鑰或這部裝置的密碼金鑰證明是您本人。',
  verifyButton: '使用您的安全性金鑰',
};
