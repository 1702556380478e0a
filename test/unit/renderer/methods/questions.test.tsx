import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../../../renderer/i18n';
import { methodScreens } from '../../../../renderer/methods';
import { answerProblems, normalizeAnswer } from '../../../../renderer/methods/questions/answer-rules';
import { added, fail, gate, installApi, ok } from './helpers';

const pool = [
  { id: 'q-first-school', text: { en: 'What was the name of your first school?', 'zh-TW': '您就讀的第一所學校叫什麼名字？' } },
  { id: 'q-first-pet', text: { en: 'What was the name of your first pet?', 'zh-TW': '您的第一隻寵物叫什麼名字？' } },
  { id: 'q-first-job', text: { en: 'What was your first job?', 'zh-TW': '您的第一份工作是什麼？' } },
];
const rules = { minLength: 3, maxLength: 40 };

describe('answer rules (as the service checks them)', () => {
  it('normalizes like the service: NFKC, trimmed, spaces collapsed, case-folded', () => {
    expect(normalizeAnswer('  Ｈello   World ')).toBe('hello world');
  });

  it('flags short, long, duplicate and question-like answers, and missing questions', () => {
    const rows = [
      { questionId: 'q-first-school', answer: 'Lincoln  Elementary' },
      { questionId: 'q-first-pet', answer: ' lincoln elementary' },
      { questionId: 'q-first-job', answer: 'ab' },
    ];
    expect(answerProblems(rows, pool, rules)).toEqual([null, 'duplicate', 'tooShort']);
    expect(answerProblems([{ questionId: 'q-first-school', answer: 'First School' }], pool, rules)).toEqual(['containsQuestion']);
    expect(answerProblems([{ questionId: 'q-first-job', answer: 'What was your first job? Baker' }], pool, rules)).toEqual(['containsQuestion']);
    expect(answerProblems([{ questionId: 'q-first-job', answer: 'x'.repeat(41) }], pool, rules)).toEqual(['tooLong']);
    expect(answerProblems([{ questionId: '', answer: 'Baker' }, { questionId: 'q-first-pet', answer: '' }], pool, rules)).toEqual(['noQuestion', 'empty']);
  });
});

describe('setting up security questions', () => {
  it('checks rules as you type, hides answers unless shown, and saves the chosen questions', async () => {
    const api = installApi({
      getQuestionPool: async () => ok({ questions: pool, toRegister: 2, minAnswerLength: 3, maxAnswerLength: 40 }),
      registerQuestions: async () => ok({ method: added('questions', 'Security questions') }),
    });
    const onAdded = vi.fn();
    const Add = methodScreens.questions.Add;
    render(<Add onAdded={onAdded} onCancel={vi.fn()} existingLabels={[]} />);
    const user = userEvent.setup();
    const q1 = await screen.findByLabelText('Question 1');
    expect(screen.getByTestId('screen-add-questions-answer')).toBeInTheDocument();
    expect(screen.getByText(/only help reset your password, and always together with another method/)).toBeInTheDocument();
    expect(screen.getByText(/never shown again/)).toBeInTheDocument();

    await user.selectOptions(q1, 'q-first-school');
    // A question chosen once cannot be chosen again.
    expect(screen.getByRole('option', { name: 'What was the name of your first school?', selected: false })).toBeDisabled();
    const a1 = screen.getByLabelText('Answer 1');
    expect(a1).toHaveAttribute('type', 'password');
    await user.type(a1, 'fi');
    expect(a1).toHaveAccessibleDescription(expect.stringContaining('Use at least 3 characters.'));
    await user.type(a1, 'rst school');
    expect(a1).toHaveAccessibleDescription(expect.stringContaining('Don’t use the question, or words from it, as the answer.'));
    await user.clear(a1);
    await user.type(a1, 'Lincoln');

    await user.selectOptions(screen.getByLabelText('Question 2'), 'q-first-job');
    const a2 = screen.getByLabelText('Answer 2');
    await user.type(a2, 'LINCOLN ');
    expect(a2).toHaveAttribute('aria-invalid', 'true');
    expect(a2).toHaveAccessibleDescription(expect.stringContaining('Give a different answer for each question.'));
    await user.click(screen.getByRole('button', { name: 'Save answers' }));
    expect(api.registerQuestions).not.toHaveBeenCalled();
    expect(a2).toHaveFocus();

    await user.clear(a2);
    await user.type(a2, 'Baker');
    await user.click(screen.getByLabelText('Show answers'));
    expect(a2).toHaveAttribute('type', 'text');
    await user.click(screen.getByRole('button', { name: 'Save answers' }));
    await vi.waitFor(() => expect(onAdded).toHaveBeenCalled());
    expect(api.registerQuestions).toHaveBeenCalledWith({
      answers: [
        { questionId: 'q-first-school', answer: 'Lincoln' },
        { questionId: 'q-first-job', answer: 'Baker' },
      ],
    });
  });

  it('flags an unchosen question only on save, and shows a failed pool with a retry', async () => {
    installApi({ getQuestionPool: async () => ok({ questions: pool, toRegister: 1, minAnswerLength: 3, maxAnswerLength: 40 }) });
    const Add = methodScreens.questions.Add;
    render(<Add onAdded={vi.fn()} onCancel={vi.fn()} existingLabels={[]} />);
    const user = userEvent.setup();
    const q1 = await screen.findByLabelText('Question 1');
    expect(screen.queryByText('Choose a question.')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Save answers' }));
    expect(q1).toHaveFocus();
    expect(q1).toHaveAccessibleDescription('Choose a question.');
  });

  it('retries loading the pool', async () => {
    const api = installApi({ getQuestionPool: vi.fn().mockResolvedValueOnce(fail('DIRECTORY_UNREACHABLE')).mockResolvedValue(ok({ questions: pool, toRegister: 1, minAnswerLength: 3, maxAnswerLength: 40 })) });
    const Add = methodScreens.questions.Add;
    render(<Add onAdded={vi.fn()} onCancel={vi.fn()} existingLabels={[]} />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Try again' }));
    expect(await screen.findByLabelText('Question 1')).toBeInTheDocument();
    expect(api.getQuestionPool).toHaveBeenCalledTimes(2);
  });
});

describe('verifying with security questions', () => {
  const drawn = (ids: string[]) => ok({ kind: 'questions' as const, questions: pool.filter((q) => ids.includes(q.id)) });

  it('shows the drawn questions in the UI language and submits one answer each', async () => {
    await initI18n('zh-TW');
    installApi({});
    const requestChallenge = vi.fn(async () => drawn(['q-first-pet', 'q-first-job']));
    const submit = vi.fn();
    const Verify = methodScreens.questions.Verify;
    render(<Verify method={gate('questions', { hint: '' })} requestChallenge={requestChallenge} submit={submit} busy={false} error={null} />);
    const user = userEvent.setup();
    const pet = await screen.findByLabelText('您的第一隻寵物叫什麼名字？');
    expect(pet).toHaveAttribute('type', 'password');
    await user.type(pet, 'Rex');
    await user.type(screen.getByLabelText('您的第一份工作是什麼？'), ' Baker ');
    await user.click(screen.getByRole('button', { name: '驗證' }));
    expect(requestChallenge).toHaveBeenCalledWith('m-questions');
    expect(submit).toHaveBeenCalledWith({ answers: [{ questionId: 'q-first-pet', answer: 'Rex' }, { questionId: 'q-first-job', answer: 'Baker' }] });
  });

  it('draws new questions after wrong answers', async () => {
    installApi({});
    const requestChallenge = vi.fn().mockResolvedValueOnce(drawn(['q-first-pet'])).mockResolvedValueOnce(drawn(['q-first-school']));
    const submit = vi.fn();
    const Verify = methodScreens.questions.Verify;
    const method = gate('questions');
    const view = render(<Verify method={method} requestChallenge={requestChallenge} submit={submit} busy={false} error={null} />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Verify' }));
    expect(submit).not.toHaveBeenCalled();
    expect(screen.getByLabelText('What was the name of your first pet?')).toHaveFocus();
    await user.type(screen.getByLabelText('What was the name of your first pet?'), 'Tom');
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    expect(submit).toHaveBeenCalledOnce();
    view.rerender(<Verify method={method} requestChallenge={requestChallenge} submit={submit} busy={false} error={{ code: 'INVALID_CODE', message: 'wrong' }} />);
    expect(await screen.findByLabelText('What was the name of your first school?')).toHaveValue('');
    expect(screen.getByText('Those answers didn’t match. Here are new questions to answer.')).toBeInTheDocument();
    expect(requestChallenge).toHaveBeenCalledTimes(2);
  });
});
