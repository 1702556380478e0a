import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryVault } from '../../electron/core/vault/memory-vault.js';
import { startWebHost, type WebHost } from '../../electron/web-host/web-host.js';

/**
 * Every test gets its own web host with a fresh embedded Contoso directory, so tests never
 * see each other's registrations. The vault is in memory: no flow in these tests touches
 * the keyring (the real keyring is covered by test/integration).
 */
export const test = base.extend<{ host: WebHost }>({
  host: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'signin-e2e-'));
    const host = await startWebHost({
      rendererDir: join(process.cwd(), 'dist', 'renderer'),
      port: 0,
      version: 'e2e',
      systemLocale: 'en-US',
      userPrefsPath: join(dir, 'preferences.json'),
      vault: new MemoryVault(),
    });
    await use(host);
    await host.close();
    rmSync(dir, { recursive: true, force: true });
  },
});

/** axe with the WCAG 2.0/2.1/2.2 A and AA rules: zero violations, listed by rule when any. */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  const found = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(found, `accessibility violations on ${where}`).toEqual([]);
}

export { expect };
