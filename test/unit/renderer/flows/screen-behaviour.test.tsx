import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../../../renderer/app';
import { describe, expect, it } from 'vitest';
import { createFakeApi, PASSWORD, USER } from '../fake-api';
import { renderApp } from '../render-app';

describe('screen behaviour', () => {
  it('shows "Working…", marks the form busy and disables the button during a network wait', async () => {
    const { user, fake } = await renderApp();
    await user.click(screen.getByRole('button', { name: 'Sign in to manage your security info' }));
    await user.type(await screen.findByLabelText('User ID'), USER);
    await user.type(screen.getByLabelText('Password'), PASSWORD);
    const release = fake.hold('signIn');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(within(screen.getByRole('status')).getByText('Working…')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Sign in' }).closest('form')).toHaveAttribute('aria-busy', 'true');

    release();
    await screen.findByTestId('screen-second-factor');
    expect(screen.queryByText('Working…')).not.toBeInTheDocument();
  });

  it('moves focus to the heading and sets a translated document title on every step', async () => {
    const { user } = await renderApp();
    expect(screen.getByRole('heading', { level: 1, name: 'Sign-in Helper' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Forgot my password' }));
    const heading = await screen.findByRole('heading', { level: 1, name: 'Get back into your account' });
    // The reset flow loads lazily: focus moves once its screen has mounted, a tick after it appears.
    await waitFor(() => expect(heading).toHaveFocus());
    expect(document.title).toBe('Get back into your account – Sign-in Helper');
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    expect(screen.getAllByRole('main')).toHaveLength(1);
  });

  it('shows the loading screen until AppInfo arrives, and a retry when it fails', async () => {
    const fake = createFakeApi();
    const getAppInfo = fake.api.getAppInfo;
    let failures = 1;
    fake.api.getAppInfo = async (r) => (failures-- > 0 ? { ok: false, error: { code: 'DIRECTORY_UNREACHABLE', message: 'down' } } : getAppInfo(r));
    window.signin = fake.api;
    const release = fake.hold('getAppInfo');
    const user = userEvent.setup();
    render(<App />);
    expect(screen.getByTestId('screen-loading')).toBeInTheDocument();
    expect(within(screen.getByRole('status')).getByText('Working…')).toBeInTheDocument();
    release();
    await screen.findByTestId('screen-load-failed');
    expect(screen.getByRole('alert')).toHaveTextContent("Can't reach your organization's directory.");
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByTestId('screen-home');
  });

  it('has a visible label for every input on the sign-in screen', async () => {
    const { user } = await renderApp();
    await user.click(screen.getByRole('button', { name: 'Sign in to manage your security info' }));
    await screen.findByTestId('screen-sign-in');
    for (const input of document.querySelectorAll('input, select')) {
      const id = input.getAttribute('id');
      expect(document.querySelector(`label[for="${id}"]`), id ?? '').not.toBeNull();
    }
  });
});
