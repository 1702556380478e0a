import type { Language } from '../../../contract/ipc.js';

/**
 * What the OS prompt says the app wants ("Sign-in Helper is trying to …" on macOS). The
 * main side shows it, not the renderer, so its translations live here.
 */
export const presenceReason: Record<Language, string> = {
  en: 'show your sign-in code',
  'zh-TW': '顯示您的登入驗證碼',
};
