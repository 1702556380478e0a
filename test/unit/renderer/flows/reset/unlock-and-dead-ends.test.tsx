/**
 * Unlock, the hidden reset, the lock-screen ending and the dead ends, from the person's
 * side: what they click and what they read (the method modules are stubbed; their own tests
 * cover them).
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { describe, expect, it, vi } from 'vitest';
import { en } from '../../../../../renderer/i18n/en';
import { zhTW } from '../../../../../renderer/i18n/zh-tw';
import { App } from '../../../../../renderer/app';
import { createFakeApi, FULL_EMAIL, GOOD_CODE, PASSWORD, seedUsers, signInUsers, USER } from '../../fake-api';
import { renderApp } from '../../render-app';

vi.mock('../../../../../renderer/methods', () => import('../method-stubs'));

// Whole flows through the real app: slower than a unit's default 5 s when the machine is busy.
vi.setConfig({ testTimeout: 15_000 });

type Setup = Awaited<ReturnType<typeof renderApp>>;

async function expectNoViolations(where: string) {
  const results = await axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    rules: { 'color-contrast': { enabled: false }, 'target-size': { enabled: false } },
  });
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), where).toEqual([]);
}

async function passStub({ user }: Setup, type = 'authenticatorApp') {
  const form = await screen.findByTestId(`verify-${type}`);
  await user.type(within(form).getByLabelText('Code'), GOOD_CODE);
  await user.click(within(form).getByRole('button', { name: 'Verify' }));
}

async function signInAs({ user }: Setup, userId: string) {
  await user.click(screen.getByRole('button', { name: en.home.signIn }));
  await user.type(await screen.findByLabelText('User ID', {}, { timeout: 5_000 }), userId);
  await user.type(screen.getByLabelText('Password'), PASSWORD);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

async function startReset({ user }: Setup, userId: string) {
  // The lock screen opens straight into reset; elsewhere home comes first.
  if (screen.queryByTestId('screen-home')) await user.click(screen.getByRole('button', { name: 'Forgot my password' }));
  const field = await screen.findByLabelText('User ID', {}, { timeout: 5_000 });
  await user.clear(field);
  await user.type(field, userId);
  await user.click(screen.getByRole('button', { name: 'Next' }));
}

const alert = () => screen.getAllByRole('alert')[0]!;

/** renderApp for a start that may be home or the reset itself (lock screen). */
async function renderAnyStart(options: Parameters<typeof renderApp>[0]): Promise<Setup> {
  const fake = createFakeApi(options);
  window.signin = fake.api;
  const user = userEvent.setup();
  const view = render(<App />);
  await waitFor(() => expect(screen.queryByTestId('screen-home') ?? screen.queryByTestId('screen-reset-user-id')).not.toBeNull(), { timeout: 5_000 });
  return { fake, user, view };
}

describe('unlock', () => {
  it('ACCOUNT_LOCKED at sign-in offers "Unlock my account": same gates, unlocked, then sign in with the current password', async () => {
    const setup = await renderApp();
    const { user, fake } = setup;
    await signInAs(setup, signInUsers.ACCOUNT_LOCKED);
    await waitFor(() => expect(alert()).toHaveTextContent(`${en.errors.ACCOUNT_LOCKED.title} ${en.errors.ACCOUNT_LOCKED.body}`));
    expect(within(alert()).getByText('Support code: SC-2001')).toBeInTheDocument();
    await user.click(within(alert()).getByRole('button', { name: 'Unlock my account' }));

    await screen.findByTestId('screen-reset-user-id', {}, { timeout: 5_000 });
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Unlock my account');
    expect(screen.getByLabelText('User ID')).toHaveValue(signInUsers.ACCOUNT_LOCKED);
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByTestId('screen-reset-verify');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(en.reset.unlockVerifyTitle);
    expect(screen.getByText(en.reset.unlockNeededOne)).toBeInTheDocument();
    await passStub(setup);

    await screen.findByTestId('screen-unlock-done');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Your account is unlocked.');
    expect(screen.getByText('Sign in with your current password.')).toBeInTheDocument();
    expect(fake.callsOf('startReset')).toEqual([{ userId: signInUsers.ACCOUNT_LOCKED, mode: 'unlock' }]);
    expect(fake.callsOf('unlockAccount')).toEqual([{}]);
    expect(fake.callsOf('setNewPassword')).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'Back to sign in' }));
    await screen.findByTestId('screen-sign-in');
    expect(screen.getByLabelText('User ID')).toHaveValue(signInUsers.ACCOUNT_LOCKED);
  });

  it('PASSWORD_EXPIRED at sign-in offers "Change my password" and opens the change flow', async () => {
    const setup = await renderApp();
    await signInAs(setup, signInUsers.PASSWORD_EXPIRED);
    await waitFor(() => expect(alert()).toHaveTextContent(en.errors.PASSWORD_EXPIRED.title));
    await setup.user.click(within(alert()).getByRole('button', { name: 'Change my password' }));
    await screen.findByTestId('screen-change');
  });

  it("says so when the service tells the account wasn't locked, and where to go if the password is refused", async () => {
    const setup = await renderApp({ wasLocked: false });
    await setup.user.click(await screen.findByRole('button', { name: en.home.unlock }));
    await setup.user.type(await screen.findByLabelText('User ID'), 'alain@contoso.com');
    await setup.user.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByTestId('screen-reset-verify');
    await passStub(setup);
    await screen.findByTestId('screen-unlock-done');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(en.reset.notLockedTitle);
    expect(screen.getByText(en.reset.notLockedHint)).toBeInTheDocument();
  });

  it('an unlock the directory refuses stays on its step with "Try again"', async () => {
    const setup = await renderApp({ unlockError: { code: 'DIRECTORY_UNAVAILABLE', message: 'down', supportCode: 'SC-5' } });
    await signInAs(setup, signInUsers.ACCOUNT_LOCKED);
    await setup.user.click(await screen.findByRole('button', { name: 'Unlock my account' }));
    await setup.user.click(await screen.findByRole('button', { name: 'Next' }));
    await passStub(setup);
    await screen.findByTestId('screen-unlocking');
    await waitFor(() => expect(alert()).toHaveTextContent(en.errors.DIRECTORY_UNAVAILABLE.title));
    await setup.user.click(within(alert()).getByRole('button', { name: 'Try again' }));
    expect(setup.fake.callsOf('unlockAccount')).toHaveLength(2);
  });
});

describe('reset success', () => {
  async function resetToDone(setup: Setup) {
    await startReset(setup, USER);
    await passStub(setup);
    await setup.user.type(await screen.findByLabelText('New password'), 'Blue-mountain-42');
    await setup.user.type(screen.getByLabelText('Confirm new password'), 'Blue-mountain-42');
    await setup.user.click(screen.getByRole('button', { name: 'Reset password' }));
    await screen.findByTestId('screen-reset-done');
  }

  it('says how to sign in now (no automatic sign-in)', async () => {
    const setup = await renderApp();
    await resetToDone(setup);
    expect(screen.getByText(en.reset.doneHow)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Back to sign in' })).toBeInTheDocument();
  });

  it('at the lock screen: "Go back and sign in with your new password", and the button leaves the app', async () => {
    const setup = await renderAnyStart({ appInfo: { lockScreen: true } });
    await resetToDone(setup);
    expect(screen.getByText('Go back and sign in with your new password.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Back to sign in' })).not.toBeInTheDocument();
    await setup.user.click(screen.getByRole('button', { name: 'Go back to sign-in' }));
    await waitFor(() => expect(setup.fake.callsOf('quitApp')).toHaveLength(1));
  });
});

describe('hidden reset', () => {
  it('asks for a method type and the full address, shows no registered method, and proves it by type', async () => {
    const setup = await renderApp({ hidden: true });
    const { user, fake } = setup;
    await startReset(setup, USER);
    await screen.findByTestId('screen-reset-verify');
    expect(screen.getByText(en.reset.hiddenIntro)).toBeInTheDocument();
    // Types only: no "Work phone", no masked address.
    expect(screen.getByRole('radio', { name: 'Authenticator app' })).toBeChecked();
    expect(screen.queryByText(/Work phone/)).not.toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'Email' }));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(screen.getByText(en.reset.hiddenMissing)).toBeInTheDocument();
    await user.type(screen.getByLabelText('Your full email address'), FULL_EMAIL);
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByText(`Sent to ${FULL_EMAIL}`)).toBeInTheDocument();
    await passStub(setup, 'email');
    await screen.findByTestId('screen-reset-new-password');
    expect(fake.callsOf('startResetChallenge')).toContainEqual({ methodType: 'email', address: FULL_EMAIL });
    expect(fake.callsOf('verifyReset')).toEqual([{ methodType: 'email', code: GOOD_CODE }]);
  });

  it('passes an authenticator app by type without typing an address', async () => {
    const setup = await renderApp({ hidden: true });
    await startReset(setup, USER);
    await passStub(setup);
    await screen.findByTestId('screen-reset-new-password');
    expect(setup.fake.callsOf('startResetChallenge')).toEqual([{ methodType: 'authenticatorApp' }]);
  });
});

describe('dead ends with a next step', () => {
  it('SSPR_NOT_ENABLED: one support code on screen, the request’s once it is sent, copyable', async () => {
    const setup = await renderApp();
    const { user, fake } = setup;
    await startReset(setup, seedUsers.SSPR_NOT_ENABLED);
    await screen.findByTestId('screen-reset-blocked');
    expect(screen.getByText('Support code: SC-1002')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Copy support code' }));
    expect(await screen.findByText('Support code copied.')).toBeInTheDocument();
    await expect(navigator.clipboard.readText()).resolves.toBe('SC-1002');

    await user.click(screen.getByRole('button', { name: 'Contact an administrator' }));
    await within(within(screen.getByTestId('screen-reset-blocked')).getByRole('status')).findByText(/HD-4242/);
    expect(fake.callsOf('contactHelpdesk')).toEqual([{ userId: seedUsers.SSPR_NOT_ENABLED, reason: 'SSPR_NOT_ENABLED' }]);
    expect(screen.queryByText(/SC-1002/)).not.toBeInTheDocument();
    expect(screen.getAllByText(/HD-4242/)).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Copy support code' }));
    await waitFor(async () => expect(await navigator.clipboard.readText()).toBe('HD-4242'));
  });

  it('NOT_REGISTERED: the helpdesk, and how to register afterwards', async () => {
    const setup = await renderApp();
    await startReset(setup, seedUsers.NOT_REGISTERED);
    await screen.findByTestId('screen-reset-blocked');
    expect(screen.getByText(en.errors.NOT_REGISTERED.more)).toBeInTheDocument();
    expect(screen.getByText('Email: helpdesk@contoso.com')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Contact an administrator' })).toBeInTheDocument();
  });

  it('ACCOUNT_DISABLED: contact the helpdesk (its details), no request button', async () => {
    const setup = await renderApp();
    await startReset(setup, seedUsers.ACCOUNT_DISABLED);
    await screen.findByTestId('screen-reset-blocked');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(en.errors.ACCOUNT_DISABLED.title);
    expect(screen.getByText('Phone: +1 555 0100')).toBeInTheDocument();
    expect(screen.getByText('Support code: SC-1004')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Contact an administrator' })).not.toBeInTheDocument();
  });

  it('THROTTLED at a gate: until when, and the other method stays selectable and works', async () => {
    const retryAfter = new Date(Date.now() + 30 * 60_000).toISOString();
    const setup = await renderApp({ throttled: { m1: retryAfter } });
    await startReset(setup, USER);
    await passStub(setup);
    const time = new Intl.DateTimeFormat('en', { hour: 'numeric', minute: '2-digit' }).format(new Date(retryAfter));
    await waitFor(() => expect(alert()).toHaveTextContent(`Too many attempts. Try again after ${time}.`));
    expect(within(alert()).getByText('Support code: SC-3001')).toBeInTheDocument();
    const other = screen.getByRole('radio', { name: /Tablet/ });
    expect(other).toBeEnabled();
    await setup.user.click(other);
    await passStub(setup);
    await screen.findByTestId('screen-reset-new-password');
  });

  it('a refused proof with nothing to check (the code ran out) says to send a new one', async () => {
    const setup = await renderApp({ verifyResetError: { code: 'STEP_NOT_ALLOWED', message: 'ask for a code first' } });
    await startReset(setup, USER);
    await passStub(setup);
    await waitFor(() => expect(alert()).toHaveTextContent(`${en.errors.codeExpired.title} ${en.errors.codeExpired.body}`));
    expect(within(alert()).queryByRole('button', { name: 'Start again' })).not.toBeInTheDocument();
  });
});

const texts = { en, 'zh-TW': zhTW } as const;

describe.each(['en', 'zh-TW'] as const)('axe in %s', (language) => {
  const t = texts[language];
  it('finds nothing on the unlock, hidden and dead-end screens', async () => {
    const setup = await renderApp({ appInfo: { language }, hidden: true });
    const { user } = setup;
    // Sign-in with the lockout's action.
    await user.click(screen.getByRole('button', { name: t.home.signIn }));
    await user.type(await screen.findByLabelText(t.signIn.userId), signInUsers.ACCOUNT_LOCKED);
    await user.type(screen.getByLabelText(t.signIn.password), PASSWORD);
    await user.click(screen.getByRole('button', { name: t.signIn.submit }));
    await screen.findByRole('button', { name: t.errors.actions.unlock });
    await expectNoViolations(`${language} sign-in locked`);
    await user.click(screen.getByRole('button', { name: t.errors.actions.unlock }));
    await screen.findByTestId('screen-reset-user-id', {}, { timeout: 5_000 });
    await expectNoViolations(`${language} unlock user id`);
    await user.click(screen.getByRole('button', { name: t.common.next }));
    await screen.findByTestId('screen-reset-verify');
    await user.click(screen.getByRole('radio', { name: t.methods.email }));
    await screen.findByLabelText(t.reset.hiddenEmail);
    await expectNoViolations(`${language} hidden verify`);
    await user.type(screen.getByLabelText(t.reset.hiddenEmail), FULL_EMAIL);
    await user.click(screen.getByRole('button', { name: t.reset.hiddenContinue }));
    await passStub(setup, 'email');
    await screen.findByTestId('screen-unlock-done');
    await expectNoViolations(`${language} unlock done`);
  }, 20_000);

  it('finds nothing on the blocked screens', async () => {
    const setup = await renderApp({ appInfo: { language } });
    const { user } = setup;
    await user.click(screen.getByRole('button', { name: t.home.forgot }));
    await user.type(await screen.findByLabelText(t.signIn.userId), seedUsers.ACCOUNT_DISABLED);
    await user.click(screen.getByRole('button', { name: t.common.next }));
    await screen.findByTestId('screen-reset-blocked');
    await expectNoViolations(`${language} account disabled`);
    await user.click(screen.getByRole('button', { name: t.common.back }));
    await user.clear(await screen.findByLabelText(t.signIn.userId));
    await user.type(screen.getByLabelText(t.signIn.userId), seedUsers.SSPR_NOT_ENABLED);
    await user.click(screen.getByRole('button', { name: t.common.next }));
    await user.click(await screen.findByRole('button', { name: t.reset.contact }));
    await within(within(screen.getByTestId('screen-reset-blocked')).getByRole('status')).findByText(/HD-4242/);
    await expectNoViolations(`${language} request sent`);
  }, 20_000);
});
