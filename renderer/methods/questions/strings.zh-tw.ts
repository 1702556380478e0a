/** zh-TW of ./strings.ts: loaded only when the app speaks zh-TW (the first screen carries one language). */
import type { Strings } from '../shared/strings-type';
import type { questionsEn } from './strings';

export const questionsZhTW: Strings<typeof questionsEn> = {
  name: '安全性問題',
  addTitle: '設定安全性問題',
  addIntro: '請選擇 {{count}} 個問題並逐一回答。請選擇您記得住、但別人猜不到也查不到的答案。',
  neverAlone: '安全性問題只能用來協助重設密碼，而且一定要搭配另一種方法。',
  neverShown: '儲存之後，您的答案將不會再顯示，連您自己也看不到。',
  question: '問題 {{n}}',
  chooseQuestion: '選擇問題',
  answer: '答案 {{n}}',
  answerHint: '{{min}} 到 {{max}} 個字元。不區分大小寫。',
  showAnswers: '顯示答案',
  save: '儲存答案',
  problem: {
    noQuestion: '請選擇問題。',
    empty: '請輸入答案。',
    tooShort: '請至少使用 {{n}} 個字元。',
    tooLong: '請最多使用 {{n}} 個字元。',
    duplicate: '每個問題請提供不同的答案。',
    containsQuestion: '請勿使用問題或問題中的字詞作為答案。',
  },
  verifyIntro: '請回答您的安全性問題。',
  wrongAnswers: '答案不相符。請回答下列新的問題。',
};
