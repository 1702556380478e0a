import { act, render, screen, waitFor } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { USER } from '../fake-api';
import { HomeScreen } from '../../../../renderer/flows/home/home-screen';
import { renderApp } from '../render-app';

vi.mock('../../../../renderer/methods', () => import('../flows/method-stubs'));

// The flows are lazy chunks: load them once up front so a busy machine's first import
// doesn't outlast the queries' timeout.
beforeAll(async () => {
  await Promise.all([import('../../../../renderer/flows/reset/reset-flow'), import('../../../../renderer/flows/change/change-flow')]);
}, 30_000);

describe('home: the ways in', () => {
  it('offers forgot, unlock, change and sign-in; unlock opens the reset in unlock mode', async () => {
    const { user } = await renderApp();
    for (const name of ['Forgot my password', 'Unlock my account', 'Change my password', 'Sign in to manage your security info']) {
      expect(screen.getByRole('button', { name: new RegExp(name) })).toBeInTheDocument();
    }
    await user.click(screen.getByRole('button', { name: /Unlock my account/ }));
    expect(await screen.findByTestId('screen-reset-user-id')).toBeInTheDocument();
  });

  it('"Change my password" opens the change flow', async () => {
    const { user } = await renderApp();
    await user.click(screen.getByRole('button', { name: /Change my password/ }));
    expect(await screen.findByTestId('screen-change')).toBeInTheDocument();
  });
});

describe('start flows and app.navigate', () => {
  it('starts at the reset with the user id pre-filled', async () => {
    await renderApp({ appInfo: { startFlow: 'reset', startUserId: USER } }, 'reset-user-id');
    expect(screen.getByLabelText('User ID')).toHaveValue(USER);
  });

  it('starts at the change flow with the user id pre-filled', async () => {
    await renderApp({ appInfo: { startFlow: 'change', startUserId: USER } }, 'change');
    expect(screen.getByLabelText('User ID')).toHaveValue(USER);
  });

  it('listens once ready, and a navigate switches the open app to that flow, id pre-filled', async () => {
    const { fake } = await renderApp();
    await waitFor(() => expect(fake.listenerCount('onNavigate')).toBe(1));
    expect(fake.listenerCount('onSessionWiped')).toBe(1);
    act(() => fake.emit('onNavigate', { flow: 'reset', userId: USER }));
    expect(await screen.findByTestId('screen-reset-user-id')).toBeInTheDocument();
    expect(screen.getByLabelText('User ID')).toHaveValue(USER);
  });

  it('unsubscribes on unmount', async () => {
    const { fake, view } = await renderApp();
    await waitFor(() => expect(fake.listenerCount('onNavigate')).toBe(1));
    view.unmount();
    expect(fake.listenerCount('onNavigate')).toBe(0);
    expect(fake.listenerCount('onSessionWiped')).toBe(0);
  });
});

describe('session.wiped', () => {
  it('clears what was typed, shows the first screen and says why, politely', async () => {
    const { fake, user } = await renderApp();
    await user.click(screen.getByRole('button', { name: /Forgot my password/ }));
    await user.type(await screen.findByLabelText('User ID'), USER);
    await waitFor(() => expect(fake.listenerCount('onSessionWiped')).toBe(1));
    act(() => fake.emit('onSessionWiped', { reason: 'idle' }));
    expect(await screen.findByTestId('screen-home')).toBeInTheDocument();
    expect(screen.getByTestId('shell-notice')).toHaveTextContent('For your security, what you entered was cleared.');
    await user.click(screen.getByRole('button', { name: /Forgot my password/ }));
    expect(await screen.findByLabelText('User ID')).toHaveValue('');
    expect(fake.callsOf('quitApp')).toHaveLength(0);
  });

  it('on the lock screen, an idle wipe closes the app', async () => {
    const { fake } = await renderApp({ appInfo: { lockScreen: true, startFlow: 'reset' } }, 'reset-user-id');
    await waitFor(() => expect(fake.listenerCount('onSessionWiped')).toBe(1));
    act(() => fake.emit('onSessionWiped', { reason: 'idle' }));
    await waitFor(() => expect(fake.callsOf('quitApp')).toHaveLength(1));
  });
});

describe('lock-screen home', () => {
  it('offers only reset and unlock: no sign-in, no change, no demo inbox, no link away', async () => {
    const { view } = await renderApp({ appInfo: { lockScreen: true, startFlow: 'home', demo: true } }, 'reset-user-id');
    // The lock screen never shows home's four ways: its start is the reset (the core maps home → reset).
    expect(screen.queryByRole('button', { name: /Sign in/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Change my password/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Demo inbox' })).not.toBeInTheDocument();
    expect(view.container.querySelector('.shell.lock-screen')).not.toBeNull();
    expect(view.container.querySelectorAll('a[href^="http"]')).toHaveLength(0);
  });

  it('home on the lock screen (after a cancel): reset and unlock only', () => {
    render(<HomeScreen tenantName="Contoso" lockScreen />);
    expect(screen.getByRole('heading', { name: 'Get back into your account' })).toBeInTheDocument();
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual([expect.stringContaining('Forgot my password'), expect.stringContaining('Unlock my account')]);
  });
});
