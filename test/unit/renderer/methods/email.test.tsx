import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { methodScreens } from '../../../../renderer/methods';
import { added, fail, gate, installApi, ok } from './helpers';

describe('adding an alternate email', () => {
  it('says it is for reset only, checks the address, and takes the 8-digit code', async () => {
    const api = installApi({
      beginEmail: async () => ok({ sentTo: 'a•••@example.com', expiresAt: '2026-12-01T21:00:00.000Z', digits: 8 }),
      confirmEmail: async (r) => (r.code === '12345678' ? ok({ method: added('email', 'a•••@example.com') }) : fail('INVALID_CODE')),
    });
    const onAdded = vi.fn();
    const onCancel = vi.fn();
    const Add = methodScreens.email.Add;
    render(<Add onAdded={onAdded} onCancel={onCancel} existingLabels={[]} />);
    const user = userEvent.setup();
    await screen.findByTestId('screen-add-email-address');
    expect(screen.getByText('You can use this only to reset your password, not to sign in.')).toBeInTheDocument();
    const address = screen.getByLabelText('Email address');
    expect(address).toHaveAttribute('type', 'email');
    expect(address).toHaveAttribute('autocomplete', 'email');
    await user.type(address, 'alain@');
    await user.click(screen.getByRole('button', { name: 'Send code' }));
    expect(api.beginEmail).not.toHaveBeenCalled();
    expect(address).toHaveFocus();
    expect(address).toHaveAccessibleDescription(expect.stringContaining('Enter an email address like name@example.com.'));
    await user.type(address, 'example.com');
    await user.click(screen.getByRole('button', { name: 'Send code' }));
    await screen.findByTestId('screen-add-email-code');
    expect(api.beginEmail).toHaveBeenCalledWith({ address: 'alain@example.com' });
    expect(screen.getByText(/We sent a code to a•••@example.com/)).toBeInTheDocument();

    const code = screen.getByLabelText('Code');
    expect(code).toHaveAccessibleDescription('Enter the 8-digit code.');
    await user.type(code, '123456');
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    expect(api.confirmEmail).not.toHaveBeenCalled();
    await user.type(code, '78');
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    await vi.waitFor(() => expect(onAdded).toHaveBeenCalledWith(expect.objectContaining({ type: 'email' })));
    expect(api.confirmEmail).toHaveBeenCalledWith({ code: '12345678' });
  });

  it('goes back to change the address', async () => {
    installApi({ beginEmail: async () => ok({ sentTo: 'a•••@example.com', expiresAt: '2026-12-01T21:00:00.000Z', digits: 8 }) });
    const Add = methodScreens.email.Add;
    render(<Add onAdded={vi.fn()} onCancel={vi.fn()} existingLabels={[]} />);
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Email address'), 'alain@example.com');
    await user.click(screen.getByRole('button', { name: 'Send code' }));
    await user.click(await screen.findByRole('button', { name: 'Change address' }));
    expect(await screen.findByLabelText('Email address')).toHaveValue('alain@example.com');
  });
});

describe('verifying with an alternate email', () => {
  it('sends the code when asked and submits it', async () => {
    installApi({});
    const requestChallenge = vi.fn(async () => ok({ kind: 'code' as const, channel: 'email' as const, sentTo: 'a•••@example.com', digits: 8, expiresAt: '2026-12-01T21:00:00.000Z' }));
    const submit = vi.fn();
    const Verify = methodScreens.email.Verify;
    render(<Verify method={gate('email', { hint: 'a•••@example.com' })} requestChallenge={requestChallenge} submit={submit} busy={false} error={null} />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Send code' }));
    await user.type(await screen.findByLabelText('Code'), '87654321');
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    expect(requestChallenge).toHaveBeenCalledWith('m-email');
    expect(submit).toHaveBeenCalledWith({ code: '87654321' });
  });
});
