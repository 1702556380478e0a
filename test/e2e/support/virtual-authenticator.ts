import type { Page } from '@playwright/test';

export interface VirtualAuthenticator {
  id: string;
  /** Make the next ceremony fail user verification (the OS would say "not you"). */
  setUserVerified(verified: boolean): Promise<void>;
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
    credentialCount: async () => (await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials.length,
    remove: async () => void (await cdp.send('WebAuthn.removeVirtualAuthenticator', { authenticatorId })),
  };
}
