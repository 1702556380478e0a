/**
 * "Change my password" from the person's side: the user id pre-filled, a wrong current
 * password refused on its own box, a blocklisted new password refused while typing and again
 * by the service, the seed's throttle and lockout with their next step, success without an
 * automatic sign-in.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ErrorInfo } from '../../../../../contract/errors';
import { PASSWORD, USER } from '../../fake-api';
import { renderApp } from '../../render-app';
import { openChange } from './open-change';

const NEW = 'Quiet-meadow-tulip-42';
const rule = (id: string) => document.querySelector(`[data-rule="${id}"]`) as HTMLElement;

type Setup = Awaited<ReturnType<typeof renderApp>>;

async function fillNew({ user }: Setup, password: string, confirm = password) {
  await user.type(screen.getByLabelText('New password'), password);
  await user.type(screen.getByLabelText('Confirm new password'), confirm);
}

function failChangeWith(setup: Setup, error: ErrorInfo) {
  setup.fake.api.changePassword = async () => ({ ok: false, error });
}

describe('change my password', () => {
  it('refuses a wrong current password on its box, then changes it and opens sign-in with the user id', async () => {
    const setup = await renderApp();
    const { user, fake } = setup;
    await openChange(USER);
    expect(screen.getByRole('heading', { level: 1, name: 'Change my password' })).toHaveFocus();
    expect(screen.getByLabelText('User ID')).toHaveValue(USER);
    const old = screen.getByLabelText('Current password');
    expect(old).toHaveAttribute('autocomplete', 'current-password');

    await user.type(old, 'not-my-password');
    await fillNew(setup, NEW);
    await user.click(screen.getByRole('button', { name: 'Change password' }));
    await waitFor(() => expect(old).toHaveFocus());
    expect(old).toHaveAttribute('aria-invalid', 'true');
    expect(old).toHaveAccessibleDescription('The user ID or current password is incorrect. Check both and try again.');
    expect(within(document.querySelector('.alert-region') as HTMLElement).queryByText(/incorrect/)).toBeNull();

    await user.clear(old);
    await user.type(old, PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Change password' }));
    await screen.findByRole('heading', { level: 1, name: 'Your password was changed.' });
    expect(screen.getByText('Sign in with your new password.')).toBeInTheDocument();
    expect(screen.getByText(/From now on, use the new password for alain@contoso.com everywhere you sign in/)).toBeInTheDocument();
    expect(fake.callsOf('changePassword')).toEqual([
      { userId: USER, oldPassword: 'not-my-password', newPassword: NEW },
      { userId: USER, oldPassword: PASSWORD, newPassword: NEW },
    ]);

    // No automatic sign-in: sign in opens with the user id.
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByTestId('screen-sign-in');
    expect(screen.getByLabelText('User ID')).toHaveValue(USER);
    expect(fake.callsOf('signIn')).toHaveLength(0);
  }, 20_000);

  it('says what is missing before asking the service', async () => {
    const { user, fake } = await renderApp();
    await openChange();
    await user.click(screen.getByRole('button', { name: 'Change password' }));
    expect(screen.getByLabelText('User ID')).toHaveFocus();
    expect(screen.getByLabelText('User ID')).toHaveAccessibleDescription(expect.stringContaining('Enter your user ID.'));
    await user.type(screen.getByLabelText('User ID'), USER);
    await user.click(screen.getByRole('button', { name: 'Change password' }));
    expect(screen.getByLabelText('Current password')).toHaveFocus();
    expect(screen.getByText('Enter your current password.')).toBeInTheDocument();
    await user.type(screen.getByLabelText('Current password'), PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Change password' }));
    expect(screen.getByLabelText('New password')).toHaveFocus();
    expect(screen.getByText("The new password doesn't meet the rules listed below.")).toBeInTheDocument();
    expect(fake.callsOf('changePassword')).toHaveLength(0);
  });

  it('refuses a blocklisted password with the reason while typing, and the service refuses it at submit in its words', async () => {
    const setup = await renderApp();
    const { user, fake } = setup;
    await openChange(USER);
    await user.type(screen.getByLabelText('Current password'), PASSWORD);
    await fillNew(setup, 'Password-2026');
    // While typing: the line says why, before any submit.
    await waitFor(() => expect(rule('commonPassword')).toHaveTextContent('Not be a common password: Not yet — This password is too common and easy to guess.'));
    expect(fake.callsOf('changePassword')).toHaveLength(0);
    // Debounced: one question per pause, not one per key.
    expect(fake.callsOf('checkPassword')).toEqual([{ newPassword: 'Password-2026', userId: USER }]);

    // The service has the last word: the submit is not blocked, and its refusal names the rule.
    failChangeWith(setup, { code: 'POLICY_VIOLATION', message: 'x', rule: 'directory', directoryReason: 'quality', directoryMessage: 'Password fails quality checking policy', supportCode: 'SC-9' });
    await user.click(screen.getByRole('button', { name: 'Change password' }));
    const alert = await screen.findByRole('alert');
    await within(alert).findByText('The directory says: “Password fails quality checking policy”');
    expect(within(alert).getByText('Support code: SC-9')).toBeInTheDocument();
    expect(screen.getByTestId('screen-change')).toBeInTheDocument();
  }, 20_000);

  it('marks the line a directory refusal is about, in the directory’s words, while that password is in the box', async () => {
    const setup = await renderApp({ passwordPolicy: { directory: { history: 5, source: 'ppolicy cn=default' } } });
    await openChange(USER);
    await setup.user.type(screen.getByLabelText('Current password'), PASSWORD);
    await fillNew(setup, NEW);
    await waitFor(() => expect(rule('commonPassword')).toHaveTextContent('Done'));
    failChangeWith(setup, { code: 'POLICY_VIOLATION', message: 'x', rule: 'directory', directoryReason: 'history', directoryMessage: 'Password is in history of old passwords' });
    await setup.user.click(screen.getByRole('button', { name: 'Change password' }));
    await waitFor(() => expect(rule('history')).toHaveTextContent('Not yet — '));
    expect(rule('history')).toHaveTextContent('The directory says: “Password is in history of old passwords”');
    // Another password: the refusal was about the old one.
    await setup.user.type(screen.getByLabelText('New password'), '!');
    expect(rule('history')).toHaveTextContent('Checked when you submit');
  }, 20_000);

  it('says until when after too many tries (the current password counts towards the sign-in limit)', async () => {
    const setup = await renderApp();
    const retryAfter = new Date(Date.now() + 10 * 60_000).toISOString();
    failChangeWith(setup, { code: 'THROTTLED', message: 'x', retryAfter });
    await openChange(USER);
    await setup.user.type(screen.getByLabelText('Current password'), PASSWORD);
    await fillNew(setup, NEW);
    await setup.user.click(screen.getByRole('button', { name: 'Change password' }));
    const time = new Intl.DateTimeFormat('en', { hour: 'numeric', minute: '2-digit' }).format(new Date(retryAfter));
    const alert = screen.getByRole('alert');
    await waitFor(() => expect(alert).toHaveTextContent(`Too many failed sign-ins. Try again after ${time}.`));
    // Not "try another method" (there is none here): the way out of a sign-in throttle is the unlock.
    expect(within(alert).getByText('Or unlock your account now with your security info.')).toBeInTheDocument();
    await setup.user.click(within(alert).getByRole('button', { name: 'Unlock my account' }));
    await screen.findByTestId(/^screen-reset-/);
    expect(screen.getByLabelText('User ID')).toHaveValue(USER);
  }, 20_000);

  it('offers "Unlock my account" for a locked account, with the user id carried over', async () => {
    const setup = await renderApp();
    failChangeWith(setup, { code: 'ACCOUNT_LOCKED', message: 'locked', supportCode: 'SC-5' });
    await openChange(USER);
    await setup.user.type(screen.getByLabelText('Current password'), PASSWORD);
    await fillNew(setup, NEW);
    await setup.user.click(screen.getByRole('button', { name: 'Change password' }));
    const alert = await screen.findByRole('alert');
    await within(alert).findByText('Your account is locked.');
    await setup.user.click(within(alert).getByRole('button', { name: 'Unlock my account' }));
    await screen.findByTestId(/^screen-reset-/);
    // The reset's unlock mode: its gates, then the account unlocked with the password kept.
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Unlock my account');
    expect(await screen.findByLabelText('User ID')).toHaveValue(USER);
  }, 20_000);

  it('keeps everything typed when the directory does not answer, and tries again with one button', async () => {
    const setup = await renderApp();
    const real = setup.fake.api.changePassword;
    failChangeWith(setup, { code: 'DIRECTORY_UNAVAILABLE', message: 'down', supportCode: 'SC-3' });
    await openChange(USER);
    await setup.user.type(screen.getByLabelText('Current password'), PASSWORD);
    await fillNew(setup, NEW);
    await setup.user.click(screen.getByRole('button', { name: 'Change password' }));
    const alert = await screen.findByRole('alert');
    await within(alert).findByText("Your organization's directory isn't answering.");
    setup.fake.api.changePassword = real;
    await setup.user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await screen.findByRole('heading', { level: 1, name: 'Your password was changed.' });
    expect(setup.fake.callsOf('changePassword')).toEqual([{ userId: USER, oldPassword: PASSWORD, newPassword: NEW }]);
  }, 20_000);

  it('goes back home on Cancel', async () => {
    const { user } = await renderApp();
    await openChange(USER);
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await screen.findByTestId('screen-home');
  });
});
