/**
 * The security-key screens with only the @simplewebauthn/browser boundary replaced: jsdom
 * has no authenticator (the real ceremony runs in Chromium with the CDP virtual
 * authenticator in the e2e tests). Thrown errors are the library's own WebAuthnError.
 */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { methodScreens } from '../../../../renderer/methods';
import { added, fail, gate, installApi, ok } from './helpers';

const webauthn = vi.hoisted(() => ({
  browserSupportsWebAuthn: vi.fn(() => true),
  platformAuthenticatorIsAvailable: vi.fn(async () => true),
  startRegistration: vi.fn(),
  startAuthentication: vi.fn(),
}));
vi.mock('@simplewebauthn/browser', () => webauthn);

const { WebAuthnError } = await vi.importActual<typeof import('@simplewebauthn/browser')>('@simplewebauthn/browser');
const refusal = (name: string) => new WebAuthnError({ message: name, code: 'ERROR_PASSTHROUGH_SEE_CAUSE_PROPERTY', cause: Object.assign(new Error(name), { name }) });

const creation = { challenge: 'Y2hhbGxlbmdl', rp: { id: 'localhost', name: 'Contoso' }, user: { id: 'dXNlcg', name: 'alain', displayName: 'Alain' }, pubKeyCredParams: [] };
const registration = { id: 'cred-1', rawId: 'cred-1', type: 'public-key' as const, response: { clientDataJSON: 'e30', attestationObject: 'o2M' }, clientExtensionResults: {} };

beforeEach(() => {
  webauthn.browserSupportsWebAuthn.mockReturnValue(true);
  webauthn.platformAuthenticatorIsAvailable.mockResolvedValue(true);
  webauthn.startRegistration.mockReset();
  webauthn.startAuthentication.mockReset();
});

function renderAdd(existingLabels: string[] = []) {
  const onAdded = vi.fn();
  const Add = methodScreens.securityKey.Add;
  render(<Add onAdded={onAdded} onCancel={vi.fn()} existingLabels={existingLabels} />);
  return { onAdded, user: userEvent.setup() };
}

const keyApi = () =>
  installApi({
    beginSecurityKey: async () => ok({ options: creation }),
    confirmSecurityKey: async (r) => ok({ method: added('securityKey', r.name) }),
  });

describe('adding a security key or passkey', () => {
  it('offers this device, registers it as a platform authenticator and names it', async () => {
    const api = keyApi();
    webauthn.startRegistration.mockResolvedValue(registration);
    const { onAdded, user } = renderAdd();
    await screen.findByTestId('screen-add-security-key-choose');
    await user.click(await screen.findByRole('button', { name: 'This device (Windows Hello, Touch ID…)' }));
    await screen.findByTestId('screen-add-security-key-name');
    expect(api.beginSecurityKey).toHaveBeenCalledWith({ attachment: 'platform' });
    expect(webauthn.startRegistration).toHaveBeenCalledWith({ optionsJSON: creation });
    expect(screen.getByLabelText('Name')).toHaveValue('Passkey on this device');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await vi.waitFor(() => expect(onAdded).toHaveBeenCalled());
    expect(api.confirmSecurityKey).toHaveBeenCalledWith({ name: 'Passkey on this device', response: registration });
  });

  it('offers only a key or phone when there is no platform authenticator, with a distinct default name', async () => {
    const api = keyApi();
    webauthn.platformAuthenticatorIsAvailable.mockResolvedValue(false);
    webauthn.startRegistration.mockResolvedValue(registration);
    const { user } = renderAdd(['Security key']);
    const cross = await screen.findByRole('button', { name: 'A security key or phone' });
    await vi.waitFor(() => expect(screen.queryByText(/Checking what this device supports/)).toBeNull());
    expect(screen.queryByRole('button', { name: 'This device (Windows Hello, Touch ID…)' })).toBeNull();
    expect(cross).toHaveAccessibleDescription('A USB or NFC key, or a phone that can hold a passkey.');
    await user.click(cross);
    expect(api.beginSecurityKey).toHaveBeenCalledWith({ attachment: 'cross-platform' });
    expect(await screen.findByLabelText('Name')).toHaveValue('Security key 2');
  });

  it.each([
    ['NotAllowedError', /cancelled or took too long/],
    ['InvalidStateError', /already registered for your account/],
    ['SecurityError', /isn’t allowed to use security keys/],
  ])('explains %s and stays on the choice', async (name, text) => {
    keyApi();
    webauthn.startRegistration.mockRejectedValue(refusal(name));
    const { user } = renderAdd();
    await user.click(await screen.findByRole('button', { name: 'A security key or phone' }));
    const line = await screen.findByText(text);
    expect(line.closest('[role="alert"]')).not.toBeNull();
    expect(screen.getByTestId('screen-add-security-key-choose')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'A security key or phone' })).toBeEnabled();
  });

  it('says when the browser has no WebAuthn, and offers nothing to press', async () => {
    installApi({});
    webauthn.browserSupportsWebAuthn.mockReturnValue(false);
    renderAdd();
    expect(await screen.findByText(/This browser can’t use security keys or passkeys/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'A security key or phone' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeInTheDocument();
  });

  it("goes back to the choice when the service refuses the key's answer (never touched), saying to touch the key", async () => {
    installApi({ beginSecurityKey: async () => ok({ options: creation }), confirmSecurityKey: async () => fail('INVALID_CODE') });
    webauthn.startRegistration.mockResolvedValue(registration);
    const { onAdded, user } = renderAdd();
    await user.click(await screen.findByRole('button', { name: 'A security key or phone' }));
    await screen.findByTestId('screen-add-security-key-name');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByTestId('screen-add-security-key-choose');
    expect((await screen.findByText(/cancelled or took too long/)).closest('[role="alert"]')).not.toBeNull();
    expect(screen.queryByText(/didn’t work|didn't work/)).toBeNull();
    expect(onAdded).not.toHaveBeenCalled();
  });

  it('shows the service refusing the start', async () => {
    installApi({ beginSecurityKey: async () => fail('METHOD_LIMIT_REACHED') });
    const { user } = renderAdd();
    await user.click(await screen.findByRole('button', { name: 'A security key or phone' }));
    expect(await screen.findByText("You've reached the limit for this method.")).toBeInTheDocument();
    expect(webauthn.startRegistration).not.toHaveBeenCalled();
  });
});

describe('verifying with a security key', () => {
  const options = { challenge: 'Y2g', allowCredentials: [{ id: 'cred-1', type: 'public-key' }] };
  const assertion = { id: 'cred-1', rawId: 'cred-1', type: 'public-key' as const, response: { clientDataJSON: 'e30', authenticatorData: 'YQ', signature: 'c2ln' }, clientExtensionResults: {} };
  const renderVerify = () => {
    installApi({});
    const requestChallenge = vi.fn(async () => ok({ kind: 'webauthn' as const, options }));
    const submit = vi.fn();
    const Verify = methodScreens.securityKey.Verify;
    render(<Verify method={gate('securityKey', { hint: 'YubiKey' })} requestChallenge={requestChallenge} submit={submit} busy={false} error={null} />);
    return { requestChallenge, submit, user: userEvent.setup() };
  };

  it('asks for a challenge, runs the prompt and submits the assertion', async () => {
    webauthn.startAuthentication.mockResolvedValue(assertion);
    const { requestChallenge, submit, user } = renderVerify();
    await user.click(await screen.findByRole('button', { name: 'Use your security key' }));
    await vi.waitFor(() => expect(submit).toHaveBeenCalledWith({ assertion }));
    expect(requestChallenge).toHaveBeenCalledWith('m-securityKey');
    expect(webauthn.startAuthentication).toHaveBeenCalledWith({ optionsJSON: options });
  });

  it('explains a cancelled prompt and lets the person try again with a fresh challenge', async () => {
    webauthn.startAuthentication.mockRejectedValueOnce(refusal('NotAllowedError')).mockResolvedValueOnce(assertion);
    const { requestChallenge, submit, user } = renderVerify();
    await user.click(await screen.findByRole('button', { name: 'Use your security key' }));
    expect(await screen.findByText(/cancelled or took too long/)).toBeInTheDocument();
    expect(submit).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Use your security key' }));
    await vi.waitFor(() => expect(submit).toHaveBeenCalledOnce());
    expect(requestChallenge).toHaveBeenCalledTimes(2);
  });
});
