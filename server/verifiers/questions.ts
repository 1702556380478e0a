/**
 * Security questions: the predefined pool (en, zh-TW), the answer rules of POLICY.md and
 * the normal form answers are hashed in. Questions are for reset only, never alone, never
 * for administrators (enforced where gates are counted).
 */
export interface Question {
  id: string;
  text: Record<string, string>;
}

export const predefinedQuestions: Question[] = [
  { id: 'q-first-school', text: { en: 'What was the name of your first school?', 'zh-TW': '您就讀的第一所學校叫什麼名字？' } },
  { id: 'q-childhood-street', text: { en: 'What was the name of the street you grew up on?', 'zh-TW': '您小時候住的街道叫什麼名字？' } },
  { id: 'q-first-pet', text: { en: 'What was the name of your first pet?', 'zh-TW': '您的第一隻寵物叫什麼名字？' } },
  { id: 'q-parents-met', text: { en: 'In what city did your parents meet?', 'zh-TW': '您的父母在哪個城市相識？' } },
  { id: 'q-first-job', text: { en: 'What was your first job?', 'zh-TW': '您的第一份工作是什麼？' } },
  { id: 'q-favorite-teacher', text: { en: 'What was the name of your favorite teacher?', 'zh-TW': '您最喜歡的老師叫什麼名字？' } },
  { id: 'q-first-concert', text: { en: 'What was the first concert you went to?', 'zh-TW': '您參加的第一場演唱會是什麼？' } },
  { id: 'q-childhood-friend', text: { en: 'What was the name of your childhood best friend?', 'zh-TW': '您兒時最好的朋友叫什麼名字？' } },
  { id: 'q-first-car', text: { en: 'What was the make of your first car?', 'zh-TW': '您的第一輛車是什麼廠牌？' } },
  { id: 'q-grandmother-city', text: { en: 'In what city was your grandmother born?', 'zh-TW': '您的祖母出生在哪個城市？' } },
];

/** NFKC, trimmed, inner spaces collapsed, case-folded: "  Hello   World " and "hello world" match. */
export const normalizeAnswer = (answer: string): string => answer.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();

export type AnswerProblem = 'tooShort' | 'tooLong' | 'duplicate' | 'containsQuestion' | 'unknownQuestion' | 'wrongCount';

/**
 * Check a registration's answers against the rules. Returns the first problem per answer
 * index, or an empty list when they may be saved.
 */
export function checkAnswers(
  pool: readonly Question[],
  answers: readonly { questionId: string; answer: string }[],
  rules: { count: number; minLength: number; maxLength: number },
): { index: number; problem: AnswerProblem }[] {
  if (answers.length !== rules.count || new Set(answers.map((a) => a.questionId)).size !== answers.length) return [{ index: -1, problem: 'wrongCount' }];
  const problems: { index: number; problem: AnswerProblem }[] = [];
  const seen = new Set<string>();
  answers.forEach(({ questionId, answer }, index) => {
    const question = pool.find((q) => q.id === questionId);
    const normal = normalizeAnswer(answer);
    const length = [...normal].length;
    if (!question) problems.push({ index, problem: 'unknownQuestion' });
    else if (length < rules.minLength) problems.push({ index, problem: 'tooShort' });
    else if (length > rules.maxLength) problems.push({ index, problem: 'tooLong' });
    else if (seen.has(normal)) problems.push({ index, problem: 'duplicate' });
    // Neither the question nor a piece of it ("first school"): both are guessable from the question.
    else if (Object.values(question.text).some((text) => normal.includes(normalizeAnswer(text)) || normalizeAnswer(text).includes(normal))) problems.push({ index, problem: 'containsQuestion' });
    seen.add(normal);
  });
  return problems;
}

/** `count` distinct ids drawn at random from `ids` (CSPRNG), e.g. the questions asked at reset. */
export function drawQuestions(ids: readonly string[], count: number, random: (max: number) => number): string[] {
  const pool = [...ids];
  const drawn: string[] = [];
  while (drawn.length < count && pool.length > 0) drawn.push(pool.splice(random(pool.length), 1)[0]!);
  return drawn;
}
