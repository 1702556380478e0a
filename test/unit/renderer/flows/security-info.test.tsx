import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { GOOD_CODE, method, PASSWORD, USER, type FakeOptions } from '../fake-api';
import { renderApp } from '../render-app';

// The methods have their own tests; here only the page around their Add wizard is tested.
vi.mock('../../../../renderer/methods', () => import('./method-stubs'));

/** Signs in (passing the first method's stub Verify when there is one) and waits for `screen`. */
async function openSecurityInfo(options: FakeOptions = {}, landing = 'security-info') {
  const setup = await renderApp(options);
  const { user } = setup;
  await user.click(screen.getByRole('button', { name: 'Sign in to manage your security info' }));
  await user.type(await screen.findByLabelText('User ID'), USER);
  await user.type(screen.getByLabelText('Password'), PASSWORD);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
  if ((options.methods ?? [1]).length > 0) {
    await screen.findByTestId('screen-second-factor');
    const form = screen.queryByRole('button', { name: 'Use your security key' });
    if (form) await user.click(form);
    else {
      await user.type(await screen.findByLabelText('Code'), GOOD_CODE);
      await user.click(screen.getByRole('button', { name: 'Verify' }));
    }
  }
  await screen.findByTestId(`screen-${landing}`);
  return setup;
}

const cards = () => screen.getAllByRole('article');

const mixed = [
  method('e1', 'email', 'a•••@fabrikam.com', '2025-03-01T10:00:00.000Z'),
  method('s1', 'sms', '+1 •••• ••23', '2025-03-02T10:00:00.000Z'),
  method('a1', 'authenticatorApp', 'Work phone', '2025-01-05T10:00:00.000Z'),
  method('k1', 'securityKey', 'YubiKey', '2025-03-03T10:00:00.000Z'),
];

describe('the Security info page', () => {
  it('shows methods as cards: default first, strong before weak, with type, label, date and tags', async () => {
    await openSecurityInfo({ methods: mixed, securityInfo: { defaultMethodId: 's1' } });
    await screen.findAllByRole('article');
    const titles = cards().map((c) => within(c).getByRole('heading', { level: 3 }).textContent);
    expect(titles).toEqual(['Phone (text message)DefaultLess secure', 'Authenticator app', 'Security key or passkey', 'EmailReset only']);
    const sms = cards()[0]!;
    expect(sms).toHaveAccessibleName('Phone (text message) +1 •••• ••23');
    expect(within(sms).getByText('Added Mar 2, 2025')).toBeInTheDocument();
    // Only an app and a key have a name the user gave; phones and addresses are their own label.
    expect(within(sms).queryByRole('button', { name: 'Rename' })).not.toBeInTheDocument();
    expect(within(cards()[1]!).getByRole('button', { name: 'Rename' })).toBeInTheDocument();
    expect(within(cards()[2]!).getByRole('button', { name: 'Rename' })).toBeInTheDocument();
    // The default cannot be made default again, and email (reset only) never can.
    expect(within(sms).queryByRole('button', { name: 'Set as default' })).not.toBeInTheDocument();
    expect(within(cards()[3]!).queryByRole('button', { name: 'Set as default' })).not.toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Actions for Work phone' })).toBeInTheDocument();
  });

  it('sets a default, and the card moves first', async () => {
    const { user, fake } = await openSecurityInfo({ methods: mixed, securityInfo: { defaultMethodId: 's1' } });
    await user.click(within(screen.getByRole('group', { name: 'Actions for YubiKey' })).getByRole('button', { name: 'Set as default' }));
    expect(await within(screen.getByRole('status')).findByText('“YubiKey” is now your default sign-in method.')).toBeInTheDocument();
    expect(fake.callsOf('setDefaultMethod')).toEqual([{ methodId: 'k1' }]);
    expect(within(cards()[0]!).getByRole('heading', { level: 3 })).toHaveTextContent('Security key or passkeyDefault');
  });

  it('renames an authenticator app', async () => {
    const { user, fake } = await openSecurityInfo();
    await user.click(within(screen.getByRole('group', { name: 'Actions for Work phone' })).getByRole('button', { name: 'Rename' }));
    await screen.findByTestId('screen-rename-method');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Rename Authenticator app');
    const name = screen.getByLabelText('Name');
    expect(name).toHaveValue('Work phone');
    await user.clear(name);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByText('Enter a name.')).toBeInTheDocument();
    expect(fake.callsOf('renameMethod')).toHaveLength(0);
    await user.type(name, 'Old Pixel');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByTestId('screen-security-info');
    expect(await screen.findByText('The method is now called “Old Pixel”.')).toBeInTheDocument();
    expect(fake.callsOf('renameMethod')).toEqual([{ methodId: 'm1', name: 'Old Pixel' }]);
    expect(screen.getByText('Old Pixel')).toBeInTheDocument();
  }, 15_000);

  it('removes a method after asking, and never below what a reset needs', async () => {
    const { user, fake } = await openSecurityInfo();
    await user.click(within(screen.getByRole('group', { name: 'Actions for Tablet' })).getByRole('button', { name: 'Remove' }));
    await screen.findByTestId('screen-remove-method');
    expect(screen.getByText('After you remove “Tablet” (Authenticator app), it can no longer be used to verify your identity or reset your password.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Remove' }));
    await screen.findByTestId('screen-security-info');
    expect(await screen.findByText('“Tablet” was removed from your sign-in methods.')).toBeInTheDocument();
    expect(fake.callsOf('removeMethod')).toEqual([{ methodId: 'm2' }]);
    // The last method cannot go: the button is disabled, and says why.
    const remove = within(screen.getByRole('group', { name: 'Actions for Work phone' })).getByRole('button', { name: 'Remove' });
    expect(remove).toBeDisabled();
    expect(remove).toHaveAccessibleDescription('You need this method to reset your password. Add another method before you remove it.');
  });

  it('never leaves security questions alone', async () => {
    await openSecurityInfo({ required: 1, methods: [method('a1', 'authenticatorApp', 'Phone'), method('q1', 'questions', '')] });
    const remove = within(screen.getByRole('group', { name: 'Actions for Phone' })).getByRole('button', { name: 'Remove' });
    expect(remove).toBeDisabled();
    expect(remove).toHaveAccessibleDescription("Security questions can't be your only method. Add another method before you remove this one.");
    expect(within(screen.getByRole('group', { name: 'Actions for Security questions' })).getByRole('button', { name: 'Remove' })).toBeEnabled();
  });

  it('adds only what the policy allows, marks the weaker ones, and says what was added', async () => {
    const { user } = await openSecurityInfo({ securityInfo: { canAdd: ['sms', 'authenticatorApp', 'email'] } });
    await user.click(screen.getByRole('button', { name: 'Add sign-in method' }));
    await screen.findByTestId('screen-add-method');
    const options = screen.getAllByRole('button').filter((b) => b.classList.contains('option-card'));
    expect(options.map((b) => b.getAttribute('aria-label'))).toEqual(['Authenticator app', 'Phone (text message)', 'Email']);
    expect(screen.getByRole('button', { name: 'Phone (text message)' })).toHaveAccessibleDescription(/^Less secure/);
    expect(screen.getByRole('button', { name: 'Email' })).toHaveAccessibleDescription(/^Reset only/);
    await user.click(screen.getByRole('button', { name: 'Authenticator app' }));
    await screen.findByTestId('screen-stub-add-authenticatorApp');
    expect(screen.getByText('Names in use: Work phone, Tablet')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Finish adding' }));
    await screen.findByTestId('screen-security-info');
    expect(await within(screen.getByRole('status')).findByText('“New app” was added to your sign-in methods.')).toBeInTheDocument();
    expect(screen.getByText('New app')).toBeInTheDocument();
  });

  it('goes back to the page when the wizard is left', async () => {
    const { user, fake } = await openSecurityInfo();
    await user.click(screen.getByRole('button', { name: 'Add sign-in method' }));
    await user.click(await screen.findByRole('button', { name: 'Security key or passkey' }));
    await user.click(await screen.findByRole('button', { name: 'Leave wizard' }));
    await screen.findByTestId('screen-security-info');
    expect(fake.callsOf('confirmSecurityKey')).toHaveLength(0);
  });

  it('shows the seed’s privacy note', async () => {
    await openSecurityInfo();
    const note = screen.getByRole('note', { name: 'Who can see this information' });
    expect(note).toHaveTextContent(
      "The information you add for a phone number or an email address isn't shared with your organization's global directory. The only people who can see it are you and your administrator. Only you can see the answers to your security questions.",
    );
  });

  it('asks "Are these still right?" when re-confirmation is due', async () => {
    const { user, fake } = await openSecurityInfo({ securityInfo: { reconfirmDue: true } });
    const banner = screen.getByRole('region', { name: 'Are these still right?' });
    await user.click(within(banner).getByRole('button', { name: 'Yes, they are right' }));
    expect(await screen.findByText('Thank you. Your security info is confirmed.')).toBeInTheDocument();
    expect(fake.callsOf('reconfirmSecurityInfo')).toHaveLength(1);
    expect(screen.queryByRole('region', { name: 'Are these still right?' })).not.toBeInTheDocument();
  });

  it('Done says what is now possible', async () => {
    const { user } = await openSecurityInfo({ required: 2 });
    await user.click(screen.getByRole('button', { name: 'Done' }));
    await screen.findByTestId('screen-security-info-done');
    expect(screen.getByRole('heading', { level: 1, name: 'Your security info is set up' })).toHaveFocus();
    expect(screen.getByText('You can now reset your password yourself: you will verify your identity with two of these methods, one after the other.')).toBeInTheDocument();
    expect(screen.getByText('Authenticator app (Work phone)')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Back to security info' }));
    await screen.findByTestId('screen-security-info');
    await user.click(screen.getByRole('button', { name: 'Done' }));
    await user.click(await screen.findByRole('button', { name: 'Sign out' }));
    await screen.findByTestId('screen-home');
  });

  it('Done says what is still missing', async () => {
    const { user } = await openSecurityInfo({ required: 2, methods: [method('a1', 'authenticatorApp', 'Phone')] });
    await user.click(screen.getByRole('button', { name: 'Done' }));
    expect(await screen.findByRole('heading', { level: 1, name: "Your security info isn't complete yet" })).toBeInTheDocument();
    expect(screen.getByText('To reset your password yourself, you need 2 methods. You have 1. Add another method.')).toBeInTheDocument();
  });

  it('signs out', async () => {
    const { user, fake } = await openSecurityInfo();
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    await screen.findByTestId('screen-home');
    expect(fake.callsOf('signOut')).toHaveLength(1);
  });
});

describe('enforced registration', () => {
  const enforced: FakeOptions = { required: 2, methods: [method('a1', 'authenticatorApp', 'Phone')], securityInfo: { requiredAtLaunch: true, skipsLeft: 2 } };

  it('leads the user to add methods after sign-in, and counts the skips', async () => {
    const { user, fake } = await openSecurityInfo(enforced, 'register-security-info');
    expect(screen.getByRole('heading', { level: 1, name: 'Your organization needs more information' })).toHaveFocus();
    expect(screen.getByText('Methods needed: 2. Methods you have: 1.')).toBeInTheDocument();
    const skip = screen.getByRole('button', { name: 'Skip for now' });
    expect(skip).toHaveAccessibleDescription('Skips left: 2.');
    await user.click(skip);
    await screen.findByTestId('screen-security-info');
    expect(await screen.findByText('You skipped adding security info for now. Skips left: 1.')).toBeInTheDocument();
    expect(fake.callsOf('skipRegistration')).toHaveLength(1);
  });

  it('stays until enough methods are added, then opens the page', async () => {
    const { user } = await openSecurityInfo({ ...enforced, required: 3 }, 'register-security-info');
    await user.click(screen.getByRole('button', { name: 'Phone (text message)' }));
    await user.click(await screen.findByRole('button', { name: 'Finish adding' }));
    await screen.findByTestId('screen-register-security-info');
    expect(await screen.findByText('Methods needed: 3. Methods you have: 2.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Email' }));
    await user.click(await screen.findByRole('button', { name: 'Finish adding' }));
    await screen.findByTestId('screen-security-info');
    expect(await screen.findByText('“a•••@fabrikam.com” was added to your sign-in methods.')).toBeInTheDocument();
  });

  it('offers no skip when none is left', async () => {
    await openSecurityInfo({ ...enforced, securityInfo: { requiredAtLaunch: true, skipsLeft: 0 } }, 'register-security-info');
    expect(screen.queryByRole('button', { name: 'Skip for now' })).not.toBeInTheDocument();
    expect(screen.getByText("You can't skip this again.")).toBeInTheDocument();
  });

  it('does not ask when registration is complete', async () => {
    await openSecurityInfo({ required: 1, securityInfo: { requiredAtLaunch: true } });
    expect(screen.queryByTestId('screen-register-security-info')).not.toBeInTheDocument();
  });
});
