/**
 * The shared new-password boxes on their own, against the fake service: the strength hint
 * (loaded lazily, "Checking strength…" first, said politely once typing pauses), the live
 * blocklist check (debounced, stale answers ignored, a network failure is no verdict and no
 * error), and the confirmation.
 */
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { PasswordPolicy } from '../../../../contract/api';
import type { Result } from '../../../../contract/errors';
import { NewPasswordFields } from '../../../../renderer/components/new-password-fields';
import { usePasswordFeedback } from '../../../../renderer/components/use-password-feedback';
import { createFakeApi, USER } from '../fake-api';

const policy: PasswordPolicy = { minLength: 8, maxLength: 64, disallowUserName: true, blockCommon: true };
const rule = (id: string) => document.querySelector(`[data-rule="${id}"]`) as HTMLElement;
const announcement = () => screen.getByTestId('password-feedback-announcement');

function Harness({ onValid }: { onValid?: (password: string) => void }) {
  const feedback = usePasswordFeedback({ policy, userId: USER, error: null });
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (feedback.validate()) onValid?.(feedback.password);
      }}
    >
      <NewPasswordFields feedback={feedback} loading={false} />
      <button type="submit">Submit</button>
    </form>
  );
}

function setup() {
  const fake = createFakeApi();
  window.signin = fake.api;
  const submitted: string[] = [];
  const user = userEvent.setup();
  render(<Harness onValid={(p) => submitted.push(p)} />);
  return { fake, user, submitted, box: screen.getByLabelText('New password') };
}

describe('the new-password boxes', () => {
  it('shows "Checking strength…" until zxcvbn is loaded, then a hint that a screen reader hears once typing pauses', async () => {
    const { user, box } = setup();
    expect(screen.getByText('Checking strength…')).toBeInTheDocument();
    await screen.findByText('Type a password to see how hard it would be to guess.', {}, { timeout: 10_000 });
    await user.type(box, 'aaaaaaaa');
    await waitFor(() => expect(box).toHaveAccessibleDescription(expect.stringContaining('Strength: very weak')));
    // Not on every key: the polite region is still quiet right after typing.
    expect(announcement()).toBeEmptyDOMElement();
    await waitFor(() => expect(announcement()).toHaveTextContent('Strength: very weak'), { timeout: 3000 });
    await user.clear(box);
    await user.type(box, 'Quiet-meadow-tulip-42');
    await waitFor(() => expect(box).toHaveAccessibleDescription(expect.stringMatching(/Strength: (strong|very strong)\. A hint only/)));
    // A hint, never a rule: a "very weak" password is judged by the rules alone.
  }, 20_000);

  it('asks the service once per pause and ignores an answer about an older password', async () => {
    const { fake, user, box } = setup();
    // The first answer arrives only after the password has changed again.
    const answers: ((r: Result<{ verdict: 'refused'; rule: 'commonPassword' } | { verdict: 'ok' }>) => void)[] = [];
    fake.api.checkPassword = (r) =>
      new Promise((resolve) => {
        fake.calls.push({ method: 'checkPassword', request: r });
        answers.push(resolve);
      });
    await user.type(box, 'Summer2024');
    await waitFor(() => expect(fake.callsOf('checkPassword')).toHaveLength(1));
    await user.type(box, '-blue-lake');
    await waitFor(() => expect(fake.callsOf('checkPassword')).toHaveLength(2));
    expect(fake.callsOf('checkPassword')).toEqual([
      { newPassword: 'Summer2024', userId: USER },
      { newPassword: 'Summer2024-blue-lake', userId: USER },
    ]);
    answers[1]!({ ok: true, data: { verdict: 'ok' } });
    await waitFor(() => expect(rule('commonPassword')).toHaveTextContent('Not be a common password: Done'));
    answers[0]!({ ok: true, data: { verdict: 'refused', rule: 'commonPassword' } });
    await new Promise((r) => setTimeout(r, 50));
    expect(rule('commonPassword')).toHaveTextContent('Not be a common password: Done');
    expect(screen.queryByText(/too common/)).toBeNull();
  }, 20_000);

  it('treats a failed check as no verdict: no error, the line stays "checked when you submit", submit still possible', async () => {
    const { fake, user, box, submitted } = setup();
    fake.api.checkPassword = async (r) => {
      fake.calls.push({ method: 'checkPassword', request: r });
      throw new Error('network down');
    };
    await user.type(box, 'Quiet-meadow-tulip-42');
    await waitFor(() => expect(fake.callsOf('checkPassword')).toHaveLength(1));
    expect(rule('commonPassword')).toHaveTextContent('Checked when you submit');
    expect(screen.queryByRole('alert')).toBeNull();
    await user.type(screen.getByLabelText('Confirm new password'), 'Quiet-meadow-tulip-42');
    await user.click(screen.getByRole('button', { name: 'Submit' }));
    expect(submitted).toEqual(['Quiet-meadow-tulip-42']);
  }, 20_000);

  it('names a rule without a line of its own under the list, and does not ask while the length is wrong', async () => {
    const { fake, user, box } = setup();
    fake.api.checkPassword = async (r) => {
      fake.calls.push({ method: 'checkPassword', request: r });
      return { ok: true, data: { verdict: 'refused', rule: 'containsOrganizationName' } };
    };
    await user.type(box, 'Contoso');
    await new Promise((r) => setTimeout(r, 600));
    expect(fake.callsOf('checkPassword')).toHaveLength(0);
    await user.type(box, '2026!');
    expect(await screen.findByText(/organization/i, { selector: '.rule-reason' })).toBeInTheDocument();
    expect(box).toHaveAccessibleDescription(expect.stringMatching(/organization/i));
  }, 20_000);

  it('keeps the submit until both boxes match, and takes focus to the one to fix', async () => {
    const { user, box, submitted } = setup();
    await user.type(box, 'Quiet-meadow-tulip-42');
    await user.type(screen.getByLabelText('Confirm new password'), 'Quiet-meadow-tulip-4');
    await user.click(screen.getByRole('button', { name: 'Submit' }));
    expect(screen.getByLabelText('Confirm new password')).toHaveFocus();
    expect(screen.getByText("The passwords don't match.")).toBeInTheDocument();
    expect(rule('match')).toHaveTextContent('Not yet');
    await user.type(screen.getByLabelText('Confirm new password'), '2');
    expect(rule('match')).toHaveTextContent('Done');
    await user.click(screen.getByRole('button', { name: 'Submit' }));
    expect(submitted).toEqual(['Quiet-meadow-tulip-42']);
  }, 20_000);
});
