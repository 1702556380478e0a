import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { GOOD_ANSWER, GOOD_CODE, method, USER } from '../fake-api';
import { renderApp } from '../render-app';

// The methods have their own tests; here only the flow around their Verify step is tested.
vi.mock('../../../../renderer/methods', () => import('./method-stubs'));

type Setup = Awaited<ReturnType<typeof renderApp>>;

async function startReset({ user }: Setup) {
  await user.click(screen.getByRole('button', { name: 'Forgot my password' }));
  await user.type(await screen.findByLabelText('User ID'), USER);
  await user.click(screen.getByRole('button', { name: 'Next' }));
  await screen.findByTestId('screen-reset-verify');
}

async function verifyWithCode({ user }: Setup, type: string) {
  const form = await screen.findByTestId(`verify-${type}`);
  await user.type(within(form).getByLabelText('Code'), GOOD_CODE);
  await user.click(within(form).getByRole('button', { name: 'Verify' }));
}

async function reachNewPassword(setup: Setup) {
  await startReset(setup);
  expect(screen.getByText('To reset your password, verify your identity with two different methods, one after the other.')).toBeInTheDocument();
  expect(screen.getByText('0 of 2 verification steps passed.')).toBeInTheDocument();
  expect(within(screen.getByRole('list', { name: 'Verification steps' })).getByText('Step 1')).toHaveAttribute('aria-current', 'step');
  await verifyWithCode(setup, 'authenticatorApp');
  expect(await screen.findByText('1 of 2 verification steps passed.')).toBeInTheDocument();
  expect(within(screen.getByRole('list', { name: 'Verification steps' })).getByText('Step 1: verified')).toBeInTheDocument();
  // The passed method cannot be chosen again; the next one is selected with an empty code box.
  expect(screen.getByRole('radio', { name: /Work phone/ })).toBeDisabled();
  expect(screen.getByRole('radio', { name: /Tablet/ })).toBeChecked();
  expect(within(await screen.findByTestId('verify-authenticatorApp')).getByLabelText('Code')).toHaveValue('');
  await verifyWithCode(setup, 'authenticatorApp');
  await screen.findByTestId('screen-reset-new-password');
  await screen.findByText('Your new password must');
}

describe('reset flow', () => {
  it('verifies two methods, sets a new password and goes back to sign in (no automatic sign-in)', async () => {
    const setup = await renderApp({ required: 2 });
    const { user, fake } = setup;
    await reachNewPassword(setup);
    expect(fake.callsOf('verifyReset')).toEqual([
      { methodId: 'm1', code: GOOD_CODE },
      { methodId: 'm2', code: GOOD_CODE },
    ]);

    const pw = screen.getByLabelText('New password');
    expect(pw).toHaveAttribute('autocomplete', 'new-password');
    expect(screen.getByLabelText('Confirm new password')).toHaveAttribute('autocomplete', 'new-password');
    const rule = (id: string) => document.querySelector(`[data-rule="${id}"]`) as HTMLElement;
    expect(rule('minLength')).toHaveTextContent('Have at least 8 characters: Not yet');
    expect(rule('commonPassword')).toHaveTextContent('Checked when you submit');

    await user.type(pw, 'alain-secret');
    expect(rule('minLength')).toHaveTextContent('Done');
    expect(rule('containsUserName')).toHaveTextContent('Not yet');
    await user.click(screen.getByRole('button', { name: 'Reset password' }));
    expect(screen.getByText("The new password doesn't meet the rules listed below.")).toBeInTheDocument();
    expect(pw).toHaveFocus();
    expect(fake.callsOf('setNewPassword')).toHaveLength(0);

    await user.clear(pw);
    await user.type(pw, 'Blue-mountain-42');
    await user.type(screen.getByLabelText('Confirm new password'), 'Blue-mountain-4');
    await user.click(screen.getByRole('button', { name: 'Reset password' }));
    expect(screen.getByText("The passwords don't match.")).toBeInTheDocument();
    await user.type(screen.getByLabelText('Confirm new password'), '2');
    expect(rule('match')).toHaveTextContent('Done');
    await user.click(screen.getByRole('button', { name: 'Reset password' }));

    await screen.findByRole('heading', { level: 1, name: 'Your password has been reset.' });
    expect(screen.getByText('Sign in with your new password.')).toBeInTheDocument();
    expect(fake.callsOf('setNewPassword')).toEqual([{ newPassword: 'Blue-mountain-42' }]);
    await user.click(screen.getByRole('button', { name: 'Back to sign in' }));
    await screen.findByTestId('screen-sign-in');
    expect(screen.getByLabelText('User ID')).toHaveValue(USER);
    expect(fake.callsOf('signIn')).toHaveLength(0);
  }, 20_000);

  it('needs one method when the policy says 1, and says so', async () => {
    const setup = await renderApp({ required: 1 });
    await startReset(setup);
    expect(screen.getByText('To reset your password, verify your identity with one of your methods.')).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'Verification steps' })).not.toBeInTheDocument();
    await verifyWithCode(setup, 'authenticatorApp');
    await screen.findByTestId('screen-reset-new-password');
  });

  it('gets a phone-only user through with a texted code', async () => {
    const setup = await renderApp({ methods: [method('s1', 'sms', '+1 •••• ••23')] });
    await startReset(setup);
    expect(screen.getByRole('radio', { name: 'Phone (text message) (+1 •••• ••23)' })).toBeChecked();
    await verifyWithCode(setup, 'sms');
    await screen.findByTestId('screen-reset-new-password');
    expect(setup.fake.callsOf('startResetChallenge')).toEqual([{ methodId: 's1' }]);
  });

  it('gets an email + questions user through both gates (email first, then questions)', async () => {
    const setup = await renderApp({ required: 2, methods: [method('q1', 'questions', ''), method('e1', 'email', 'a•••@fabrikam.com')] });
    await startReset(setup);
    expect(screen.getByRole('radio', { name: 'Email (a•••@fabrikam.com)' })).toBeChecked();
    await verifyWithCode(setup, 'email');
    expect(await screen.findByText('1 of 2 verification steps passed.')).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Security questions' })).toBeChecked();
    const form = await screen.findByTestId('verify-questions');
    await setup.user.type(within(form).getByLabelText('Your first pet?'), GOOD_ANSWER);
    await setup.user.type(within(form).getByLabelText('Your first school?'), GOOD_ANSWER);
    await setup.user.click(within(form).getByRole('button', { name: 'Verify' }));
    await screen.findByTestId('screen-reset-new-password');
  });

  it('gets an administrator with two methods (app and key) through two gates', async () => {
    const setup = await renderApp({ required: 2, methods: [method('k1', 'securityKey', 'YubiKey'), method('a1', 'authenticatorApp', 'Phone')] });
    await startReset(setup);
    // Strong methods in the house order: the app, then the key.
    expect(screen.getByRole('radio', { name: 'Authenticator app (Phone)' })).toBeChecked();
    await verifyWithCode(setup, 'authenticatorApp');
    await setup.user.click(await screen.findByRole('button', { name: 'Use your security key' }));
    await screen.findByTestId('screen-reset-new-password');
    expect(setup.fake.callsOf('verifyReset').map((r) => (r as { methodId: string }).methodId)).toEqual(['a1', 'k1']);
  });

  it('shows which rule a POLICY_VIOLATION broke, in the directory’s own words', async () => {
    const setup = await renderApp({
      required: 2,
      setPasswordError: { code: 'POLICY_VIOLATION', message: 'x', rule: 'commonPassword', directoryMessage: 'The password is on the banned list.', supportCode: 'SC-77' },
    });
    await reachNewPassword(setup);
    await setup.user.type(screen.getByLabelText('New password'), 'Password123!');
    await setup.user.type(screen.getByLabelText('Confirm new password'), 'Password123!');
    await setup.user.click(screen.getByRole('button', { name: 'Reset password' }));
    const alert = await screen.findByRole('alert');
    expect(await within(alert).findByText('This password is too common and easy to guess. Choose a different one.')).toBeInTheDocument();
    expect(within(alert).getByText('The directory says: “The password is on the banned list.”')).toBeInTheDocument();
    expect(within(alert).getByText('Support code: SC-77')).toBeInTheDocument();
    expect(document.querySelector('[data-rule="commonPassword"]')).toHaveTextContent('Not yet');
  }, 15_000);

  it('shows THROTTLED with the time to wait and the other-method action', async () => {
    const retryAfter = new Date(Date.now() + 15 * 60_000).toISOString();
    const setup = await renderApp({ verifyResetError: { code: 'THROTTLED', message: 'x', retryAfter } });
    await startReset(setup);
    await verifyWithCode(setup, 'authenticatorApp');
    const alert = screen.getAllByRole('alert')[0]!;
    const time = new Intl.DateTimeFormat('en', { hour: 'numeric', minute: '2-digit' }).format(new Date(retryAfter));
    await waitFor(() => expect(alert).toHaveTextContent(`Too many attempts. Try again after ${time}.`));
    expect(within(alert).getByText('Or try another method.')).toBeInTheDocument();
    await setup.user.click(within(alert).getByRole('button', { name: 'Try another method' }));
    expect(screen.getByRole('radio', { name: /Tablet/ })).toHaveFocus();
  });

  it('checks the account’s directory rules live, blocks on complexity, and marks the directory’s refusal', async () => {
    const setup = await renderApp({
      required: 2,
      passwordPolicy: { directory: { minLength: 10, source: 'domain password policy' } },
      accountDirectoryRules: { minLength: 12, complexity: true, history: 24, source: 'fine-grained policy sspr-pso' },
      setPasswordError: { code: 'POLICY_VIOLATION', message: 'x', rule: 'directory', directoryReason: 'history' },
    });
    const { user, fake } = setup;
    await reachNewPassword(setup);
    const rule = (id: string) => document.querySelector(`[data-rule="${id}"]`) as HTMLElement;
    // This account's fine-grained policy, not the domain's default.
    expect(screen.getByText("From your organization's directory (fine-grained policy sspr-pso):")).toBeInTheDocument();
    expect(rule('minLength')).toHaveTextContent('Have at least 12 characters: Not yet');
    expect(rule('history')).toHaveTextContent('Not be one of your last 24 passwords: Checked when you submit');

    const pw = screen.getByLabelText('New password');
    await user.type(pw, 'bluemountainlake');
    expect(rule('minLength')).toHaveTextContent('Done');
    expect(rule('complexity')).toHaveTextContent('Not yet');
    await user.type(screen.getByLabelText('Confirm new password'), 'bluemountainlake');
    await user.click(screen.getByRole('button', { name: 'Reset password' }));
    expect(screen.getByText("The new password doesn't meet the rules listed below.")).toBeInTheDocument();
    expect(fake.callsOf('setNewPassword')).toHaveLength(0);

    await user.clear(pw);
    await user.type(pw, 'Blue-mountain-lake');
    await user.clear(screen.getByLabelText('Confirm new password'));
    await user.type(screen.getByLabelText('Confirm new password'), 'Blue-mountain-lake');
    expect(rule('complexity')).toHaveTextContent('Done');
    await user.click(screen.getByRole('button', { name: 'Reset password' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText("You've used this password before. Your organization's directory asks for one you haven't used recently.")).toBeInTheDocument();
    expect(rule('history')).toHaveTextContent('Not be one of your last 24 passwords: Not yet');
    expect(fake.callsOf('setNewPassword')).toEqual([{ newPassword: 'Blue-mountain-lake' }]);
  }, 20_000);

  it('opens straight into reset when launched from the lock screen', async () => {
    await renderApp({ appInfo: { startFlow: 'reset' } }, 'reset-user-id');
    expect(screen.getByRole('heading', { level: 1, name: 'Get back into your account' })).toHaveFocus();
  });
});
