import type { Page } from '@playwright/test';

export interface VirtualAuthenticator {
  id: string;
  /** Make the next ceremony fail user verification (the OS would say "not you"). */
  setUserVerified(verified: boolean): Promise<void>;
  /** Make the next ceremonies answer as if the person never touched the key (a cancel), or normally again. */
  setPresenceRefused(refused: boolean): Promise<void>;
  credentialCount(): Promise<number>;
  remove(): Promise<void>;
}

/**
 * A CDP virtual FIDO2 authenticator in this page's Chromium: `internal` stands for the
 * platform authenticator (Windows Hello, Touch ID), `usb` for a roaming security key.
 * Real WebAuthn ceremonies run against it; nothing in the app is mocked.
 */
export async function addVirtualAuthenticator(page: Page, transport: 'internal' | 'usb', options: { userVerified?: boolean } = {}): Promise<VirtualAuthenticator> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: { protocol: 'ctap2', transport, hasResidentKey: true, hasUserVerification: true, isUserVerified: options.userVerified ?? true, automaticPresenceSimulation: true },
  });
  return {
    id: authenticatorId,
    setUserVerified: async (isUserVerified) => void (await cdp.send('WebAuthn.setUserVerified', { authenticatorId, isUserVerified })),
    setPresenceRefused: async (refused) => void (await cdp.send('WebAuthn.setResponseOverrideBits', { authenticatorId, isBogusSignature: false, isBadUV: false, isBadUP: refused })),
    credentialCount: async () => (await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials.length,
    remove: async () => void (await cdp.send('WebAuthn.removeVirtualAuthenticator', { authenticatorId })),
  };
}
