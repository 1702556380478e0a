import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { GOOD_ANSWER, GOOD_CODE, method, PASSWORD, USER } from '../fake-api';
import { renderApp } from '../render-app';

// The methods have their own tests; here only the flow around their Verify step is tested.
vi.mock('../../../../renderer/methods', () => import('./method-stubs'));

type Setup = Awaited<ReturnType<typeof renderApp>>;

async function signIn({ user }: Setup, password = PASSWORD) {
  await user.click(screen.getByRole('button', { name: 'Sign in to manage your security info' }));
  await screen.findByTestId('screen-sign-in');
  expect(screen.getByLabelText('User ID')).toHaveAttribute('autocomplete', 'username');
  expect(screen.getByLabelText('Password')).toHaveAttribute('autocomplete', 'current-password');
  await user.type(screen.getByLabelText('User ID'), USER);
  await user.type(screen.getByLabelText('Password'), password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('sign in', () => {
  it('passes the second factor through the method’s Verify step and opens security info', async () => {
    const setup = await renderApp();
    const { user, fake } = setup;
    await signIn(setup);

    await screen.findByTestId('screen-second-factor');
    expect(screen.getByRole('radio', { name: 'Authenticator app (Work phone)' })).toBeChecked();
    const form = await screen.findByTestId('verify-authenticatorApp');
    expect(fake.callsOf('startSecondFactor')).toEqual([{ methodId: 'm1' }]);
    await user.type(within(form).getByLabelText('Code'), '000000');
    await user.click(within(form).getByRole('button', { name: 'Verify' }));
    expect(await within(screen.getByRole('alert')).findByText("That code didn't work.")).toBeInTheDocument();
    // The flow hands its error to the Verify step too (it clears the code, asks again…).
    expect(screen.getByTestId('verify-authenticatorApp')).toHaveAttribute('data-error', 'INVALID_CODE');

    await user.clear(within(form).getByLabelText('Code'));
    await user.type(within(form).getByLabelText('Code'), GOOD_CODE);
    await user.click(within(form).getByRole('button', { name: 'Verify' }));
    await screen.findByRole('heading', { level: 1, name: 'Security info' });
    expect(fake.callsOf('verifySecondFactor')).toEqual([
      { methodId: 'm1', code: '000000' },
      { methodId: 'm1', code: GOOD_CODE },
    ]);
  });

  it('offers strong methods first, then text and call, then email and questions; switching methods starts fresh', async () => {
    const setup = await renderApp({ methods: [method('e1', 'email', 'a•••@fabrikam.com'), method('s1', 'sms', '+1 •••• ••23'), method('k1', 'securityKey', 'YubiKey'), method('a1', 'authenticatorApp', 'Phone')] });
    await signIn(setup);
    await screen.findByTestId('screen-second-factor');
    const names = screen.getAllByRole('radio').map((r) => r.closest('div')?.textContent);
    expect(names).toEqual(['Authenticator app (Phone)', 'Security key or passkey (YubiKey)', 'Phone (text message) (+1 •••• ••23)', 'Email (a•••@fabrikam.com)']);
    await setup.user.click(screen.getByRole('radio', { name: /YubiKey/ }));
    await setup.user.click(await screen.findByRole('button', { name: 'Use your security key' }));
    await screen.findByTestId('screen-security-info');
    expect(setup.fake.callsOf('verifySecondFactor')).toEqual([{ methodId: 'k1', assertion: { id: 'good-credential', rawId: 'good-credential', type: 'public-key', response: {} } }]);
  });

  it('gets a phone-only user through with a texted code', async () => {
    const setup = await renderApp({ methods: [method('s1', 'sms', '+1 •••• ••23')] });
    await signIn(setup);
    const form = await screen.findByTestId('verify-sms');
    expect(form).toHaveAttribute('data-challenge', 'code');
    expect(within(form).getByText('Sent to +1 •••• ••23')).toBeInTheDocument();
    await setup.user.type(within(form).getByLabelText('Code'), GOOD_CODE);
    await setup.user.click(within(form).getByRole('button', { name: 'Verify' }));
    await screen.findByTestId('screen-security-info');
    expect(setup.fake.callsOf('startSecondFactor')).toEqual([{ methodId: 's1' }]);
  });

  it('gets an email + questions user through with their answers', async () => {
    const setup = await renderApp({ methods: [method('e1', 'email', 'a•••@fabrikam.com'), method('q1', 'questions', '')] });
    await signIn(setup);
    await screen.findByTestId('screen-second-factor');
    await setup.user.click(screen.getByRole('radio', { name: 'Security questions' }));
    const form = await screen.findByTestId('verify-questions');
    await setup.user.type(within(form).getByLabelText('Your first pet?'), GOOD_ANSWER);
    await setup.user.type(within(form).getByLabelText('Your first school?'), GOOD_ANSWER);
    await setup.user.click(within(form).getByRole('button', { name: 'Verify' }));
    await screen.findByTestId('screen-security-info');
    expect(setup.fake.callsOf('verifySecondFactor')).toEqual([{ methodId: 'q1', answers: [{ questionId: 'q1', answer: GOOD_ANSWER }, { questionId: 'q2', answer: GOOD_ANSWER }] }]);
  });

  it('opens security info with the password alone when nothing is registered yet', async () => {
    const setup = await renderApp({ methods: [] });
    await signIn(setup);
    await screen.findByTestId('screen-security-info');
    expect(await screen.findByText("You haven't added any sign-in methods yet.")).toBeInTheDocument();
    expect(setup.fake.callsOf('verifySecondFactor')).toHaveLength(0);
  });

  it('Back from the second factor drops the half-open session and goes home', async () => {
    const setup = await renderApp();
    await signIn(setup);
    await screen.findByTestId('screen-second-factor');
    await setup.user.click(screen.getByRole('button', { name: 'Back' }));
    await screen.findByTestId('screen-home');
    expect(setup.fake.callsOf('signOut')).toHaveLength(1);
  });

  it('shows INVALID_CREDENTIALS in the alert region and stays on the step', async () => {
    const setup = await renderApp();
    await signIn(setup, 'wrong');
    const alert = await screen.findByRole('alert');
    expect(await within(alert).findByText('The user ID or password is incorrect.')).toBeInTheDocument();
    expect(screen.getByTestId('screen-sign-in')).toBeInTheDocument();
  });

  it('"Forgot my password" on the sign-in screen opens reset with the user id typed so far', async () => {
    const { user } = await renderApp();
    await user.click(screen.getByRole('button', { name: 'Sign in to manage your security info' }));
    await user.type(await screen.findByLabelText('User ID'), USER);
    await user.click(screen.getByRole('button', { name: 'Forgot my password' }));
    await screen.findByTestId('screen-reset-user-id');
    expect(screen.getByLabelText('User ID')).toHaveValue(USER);
  });
});
