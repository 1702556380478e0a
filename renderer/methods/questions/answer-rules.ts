/**
 * The answer rules of POLICY.md, checked as the person types — the same rules the service
 * enforces (server/verifiers/questions.ts), so nothing is refused after "Save".
 */
export type AnswerProblem = 'noQuestion' | 'empty' | 'tooShort' | 'tooLong' | 'duplicate' | 'containsQuestion';

export interface PoolQuestion {
  id: string;
  text: Record<string, string>;
}

/** NFKC, trimmed, inner spaces collapsed, case-folded: "  Hello   World " and "hello world" match. */
export const normalizeAnswer = (answer: string): string => answer.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();

/** A question's text in the UI language, else English, else any. */
export function questionText(q: PoolQuestion, language: string): string {
  return q.text[language] ?? q.text.en ?? Object.values(q.text)[0] ?? '';
}

/** The first problem of each row (null: fine). A later duplicate is the one flagged. */
export function answerProblems(
  rows: readonly { questionId: string; answer: string }[],
  pool: readonly PoolQuestion[],
  rules: { minLength: number; maxLength: number },
): (AnswerProblem | null)[] {
  const seen = new Set<string>();
  return rows.map(({ questionId, answer }) => {
    const question = pool.find((q) => q.id === questionId);
    const normal = normalizeAnswer(answer);
    const length = [...normal].length;
    let problem: AnswerProblem | null = null;
    if (!question) problem = 'noQuestion';
    else if (length === 0) problem = 'empty';
    else if (length < rules.minLength) problem = 'tooShort';
    else if (length > rules.maxLength) problem = 'tooLong';
    else if (seen.has(normal)) problem = 'duplicate';
    // Neither the question nor a piece of it ("first school"): both are guessable from the question.
    else if (Object.values(question.text).some((text) => normal.includes(normalizeAnswer(text)) || normalizeAnswer(text).includes(normal))) problem = 'containsQuestion';
    if (normal) seen.add(normal);
    return problem;
  });
}
