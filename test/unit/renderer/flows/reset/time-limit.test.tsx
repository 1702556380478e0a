/**
 * The reset session's time limit on screen (WCAG 2.2.1): the warning before `expiresAt`, with
 * Extend (a new expiry from the service) and Start over, and what the step says when the
 * time is up. Real timers: the warning ticks each second.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { en } from '../../../../../renderer/i18n/en';
import { USER } from '../../fake-api';
import { renderApp } from '../../render-app';

vi.mock('../../../../../renderer/methods', () => import('../method-stubs'));

// Whole flows through the real app: slower than a unit's default 5 s when the machine is busy.
vi.setConfig({ testTimeout: 15_000 });

async function toVerify(setup: Awaited<ReturnType<typeof renderApp>>) {
  await setup.user.click(screen.getByRole('button', { name: en.home.forgot }));
  await setup.user.type(await screen.findByLabelText('User ID', {}, { timeout: 5_000 }), USER);
  await setup.user.click(screen.getByRole('button', { name: 'Next' }));
  await screen.findByTestId('screen-reset-verify', {}, { timeout: 5_000 });
}

describe('reset time limit', () => {
  it('warns within two minutes of the end; Extend asks the service and the warning goes', async () => {
    const setup = await renderApp({ resetLifetimeMs: 90_000, extendLifetimeMs: 15 * 60_000 });
    await toVerify(setup);
    const dialog = await screen.findByRole('alertdialog', { name: en.reset.expiryTitle });
    expect(within(dialog).getByText(/For your security it ends in \d+ seconds\. Do you need more time\?/)).toBeInTheDocument();
    const extend = within(dialog).getByRole('button', { name: en.reset.extend });
    await setup.user.click(extend);
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect(setup.fake.callsOf('extendReset')).toEqual([{}]);
    // The gate is still there, nothing lost.
    expect(screen.getByTestId('screen-reset-verify')).toBeInTheDocument();
  });

  it('once the service refuses another extension (its cap), the warning says so and offers only Start over — no retry time', async () => {
    const setup = await renderApp({ resetLifetimeMs: 90_000, extendError: { code: 'THROTTLED', message: 'no more extensions', retryAfter: new Date(Date.now() + 3 * 3_600_000).toISOString() } });
    await toVerify(setup);
    const dialog = await screen.findByRole('alertdialog', { name: en.reset.expiryTitle });
    await setup.user.click(within(dialog).getByRole('button', { name: en.reset.extend }));
    // The warning comes back at once (the deadline did not move), now without Extend.
    const again = await screen.findByRole('alertdialog', { name: en.reset.expiryTitle });
    await waitFor(() => expect(within(again).getByText(/cannot be extended again\. Finish now, or start over\./)).toBeInTheDocument());
    expect(within(again).queryByRole('button', { name: en.reset.extend })).not.toBeInTheDocument();
    expect(within(again).getAllByRole('button', { name: en.reset.startOver })).toHaveLength(1);
    // Not shown as a throttle with a time to come back: the session will be gone by then.
    expect(screen.queryByText(en.errors.THROTTLED.title)).not.toBeInTheDocument();
    expect(screen.getByTestId('screen-reset-verify')).toBeInTheDocument();
  });

  it('does not warn while the end is further than two minutes away', async () => {
    const setup = await renderApp({ resetLifetimeMs: 5 * 60_000 });
    await toVerify(setup);
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
  });

  it('Start over throws the reset away and goes back to the user id, kept', async () => {
    const setup = await renderApp({ resetLifetimeMs: 60_000 });
    await toVerify(setup);
    const dialog = await screen.findByRole('alertdialog');
    await setup.user.click(within(dialog).getByRole('button', { name: en.reset.startOver }));
    await screen.findByTestId('screen-reset-user-id');
    expect(screen.getByLabelText('User ID')).toHaveValue(USER);
    expect(setup.fake.callsOf('cancelReset')).toHaveLength(1);
  });

  it('says the time is up once it is (and offers to start again)', async () => {
    const setup = await renderApp({ resetLifetimeMs: 1_500 });
    await toVerify(setup);
    const alert = screen.getAllByRole('alert')[0]!;
    await waitFor(() => expect(alert).toHaveTextContent(`${en.errors.RESET_EXPIRED.title} ${en.errors.RESET_EXPIRED.body}`), { timeout: 4_000 });
    await setup.user.click(within(alert).getByRole('button', { name: en.errors.actions.startOver }));
    await screen.findByTestId('screen-reset-user-id');
  });
});
