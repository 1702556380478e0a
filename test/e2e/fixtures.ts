import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KeytarVault } from '../../electron/core/vault/keytar-vault.js';
import { MemoryVault } from '../../electron/core/vault/memory-vault.js';
import { startWebHost, type WebHost, type WebHostOptions } from '../../electron/web-host/web-host.js';

export interface HostOptions {
  /**
   * Opt-in per test (`test.use({ realKeyring: true })`): the REAL KeytarVault on the session's
   * gnome-keyring (run inside scripts/with-keyring.sh) and the web host's named test boundary
   * for the OS presence prompt answering "success". Everything else stays real.
   */
  realKeyring: boolean;
  /**
   * Per test (`test.use({ hostOptions: { lockScreen: true, startFlow: 'reset' } })`): how the
   * app was launched — the same core options the desktop's launch flags set.
   */
  hostOptions: Pick<WebHostOptions, 'startFlow' | 'startUserId' | 'lockScreen' | 'idleTimeoutMs'>;
}

export interface HostFixtures {
  host: WebHost;
  /** The app's data directory of this test's host (preferences live here). */
  dataDir: string;
  /** The keyring service name of this test's host (real keyring only). */
  keyringService: string;
}

/**
 * Every test gets its own web host with a fresh embedded Contoso directory, so tests never
 * see each other's registrations. The vault is in memory unless the test opts into the real
 * keyring (this device as an authenticator).
 */
export const test = base.extend<HostOptions & HostFixtures>({
  realKeyring: [false, { option: true }],
  hostOptions: [{}, { option: true }],
  dataDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'signin-e2e-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  // A service name of its own per test, so parallel tests never share keyring entries.
  keyringService: async ({}, use) => use(`sign-in-helper-e2e-${randomUUID()}`),
  host: async ({ realKeyring, hostOptions, dataDir, keyringService }, use) => {
    if (realKeyring && process.env.SIGNIN_REAL_KEYRING !== '1') throw new Error('this test needs the real keyring: run it through scripts/with-keyring.sh (npm test does)');
    const host = await startWebHost({
      rendererDir: join(process.cwd(), 'dist', 'renderer'),
      port: 0,
      version: 'e2e',
      systemLocale: 'en-US',
      userPrefsPath: join(dataDir, 'sign-in-helper', 'preferences.json'),
      vault: realKeyring ? new KeytarVault({ service: keyringService }) : new MemoryVault(),
      ...(realKeyring ? { testPresence: 'success' as const } : {}),
      ...hostOptions,
    });
    await use(host);
    await host.close();
  },
});

/** axe with the WCAG 2.0/2.1/2.2 A and AA rules: zero violations, listed by rule when any. */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  const found = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(found, `accessibility violations on ${where}`).toEqual([]);
}

export { expect };
