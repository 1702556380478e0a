import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { GOOD_CODE, PASSWORD, SECRET, USER } from '../fake-api';
import { renderApp } from '../render-app';

describe('sign in and security info', () => {
  it('signs in, passes the second factor and adds an authenticator app', async () => {
    const { user, fake } = await renderApp();

    await user.click(screen.getByRole('button', { name: 'Sign in to manage your security info' }));
    await screen.findByTestId('screen-sign-in');
    expect(screen.getByLabelText('User ID')).toHaveAttribute('autocomplete', 'username');
    expect(screen.getByLabelText('Password')).toHaveAttribute('autocomplete', 'current-password');
    await user.type(screen.getByLabelText('User ID'), USER);
    await user.type(screen.getByLabelText('Password'), PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    await screen.findByTestId('screen-second-factor');
    expect(screen.getByRole('radio', { name: 'Authenticator app (Work phone)' })).toBeChecked();
    const code = screen.getByLabelText('Code');
    expect(code).toHaveAttribute('autocomplete', 'one-time-code');
    expect(code).toHaveAttribute('inputmode', 'numeric');
    await user.type(code, GOOD_CODE);
    await user.click(screen.getByRole('button', { name: 'Verify' }));

    await screen.findByRole('heading', { level: 1, name: 'Security info' });
    expect(await screen.findByText('Work phone')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Add sign-in method' }));
    await user.click(screen.getByRole('button', { name: 'Authenticator app' }));

    await screen.findByTestId('screen-add-authenticator-app-intro');
    expect(screen.getByText(/Microsoft Authenticator/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Next' }));

    await screen.findByTestId('screen-add-authenticator-app-scan');
    const qr = await screen.findByRole('img', { name: 'QR code for your authenticator app' });
    expect(qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
    const key = screen.getByTestId('manual-key');
    expect(key.textContent).toBe('JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP');
    expect(key.textContent?.replace(/\s/g, '')).toBe(SECRET);
    expect(screen.getByText('Contoso')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Next' }));

    await screen.findByTestId('screen-add-authenticator-app-verify');
    expect(screen.getByLabelText('Name')).toHaveValue('Authenticator app');
    await user.type(screen.getByLabelText('Code'), GOOD_CODE);
    await user.click(screen.getByRole('button', { name: 'Verify' }));

    await screen.findByTestId('screen-security-info');
    expect(await screen.findByText('“Authenticator app” was added to your sign-in methods.')).toBeInTheDocument();
    expect(within(screen.getByRole('status')).getByText(/was added/)).toBeInTheDocument();
    expect(fake.callsOf('confirmAuthenticatorApp')).toEqual([{ code: GOOD_CODE, name: 'Authenticator app' }]);

    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    await screen.findByTestId('screen-home');
    expect(fake.callsOf('signOut')).toHaveLength(1);
  });

  it('shows INVALID_CREDENTIALS in the alert region and stays on the step', async () => {
    const { user } = await renderApp();
    await user.click(screen.getByRole('button', { name: 'Sign in to manage your security info' }));
    await user.type(await screen.findByLabelText('User ID'), USER);
    await user.type(screen.getByLabelText('Password'), 'wrong');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    const alert = await screen.findByRole('alert');
    expect(await within(alert).findByText('The user ID or password is incorrect.')).toBeInTheDocument();
    expect(screen.getByTestId('screen-sign-in')).toBeInTheDocument();
  });

  it('checks the code shape before asking the main side', async () => {
    const { user, fake } = await renderApp();
    await user.click(screen.getByRole('button', { name: 'Sign in to manage your security info' }));
    await user.type(await screen.findByLabelText('User ID'), USER);
    await user.type(screen.getByLabelText('Password'), PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await user.type(await screen.findByLabelText('Code'), '12');
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    expect(screen.getByLabelText('Code')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('Enter the code: 6 to 8 digits.')).toBeInTheDocument();
    expect(fake.callsOf('verifySecondFactor')).toHaveLength(0);
  });
});
