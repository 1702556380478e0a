/**
 * The keytar vault against a REAL Secret Service (gnome-keyring in a private D-Bus session,
 * started by scripts/with-keyring.sh). Outside such a session these tests fail loudly: they
 * are never mocked and never silently skipped.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { VaultError } from '../../electron/core/vault/credential-vault.js';
import { KeytarVault } from '../../electron/core/vault/keytar-vault.js';

const inKeyringSession = process.env.SIGNIN_REAL_KEYRING === '1';
const service = `sign-in-helper-test-${randomUUID()}`;

describe('KeytarVault on the real keyring', () => {
  it('runs inside a real keyring session (scripts/with-keyring.sh)', () => {
    expect(inKeyringSession, 'run the integration tests through scripts/with-keyring.sh (npm test does)').toBe(true);
  });

  it('stores a secret the OS keyring itself can read back, then deletes it', async () => {
    const vault = new KeytarVault({ service });
    const secret = `s3cret-${randomUUID()}`;
    await vault.set('alain@contoso.com', secret);
    expect(await vault.get('alain@contoso.com')).toBe(secret);
    // An independent reader of the Secret Service sees the same item.
    const seen = execFileSync('secret-tool', ['lookup', 'service', service, 'account', 'alain@contoso.com'], { encoding: 'utf8' });
    expect(seen.trim()).toBe(secret);
    expect(await vault.delete('alain@contoso.com')).toBe(true);
    expect(await vault.get('alain@contoso.com')).toBeNull();
    const after = spawnSync('secret-tool', ['lookup', 'service', service, 'account', 'alain@contoso.com'], { encoding: 'utf8' });
    expect(after.stdout.trim()).toBe('');
  });

  it('keeps secrets of different accounts apart and overwrites in place', async () => {
    const vault = new KeytarVault({ service });
    await vault.set('a', 'one');
    await vault.set('b', 'two');
    await vault.set('a', 'three');
    expect([await vault.get('a'), await vault.get('b')]).toEqual(['three', 'two']);
    await vault.delete('a');
    await vault.delete('b');
  });

  it('without a usable keyring fails fast with VAULT_UNAVAILABLE, never a plaintext fallback', async () => {
    // A child process whose D-Bus address points nowhere: keytar must error, quickly.
    const script = `
      import { KeytarVault } from './electron/core/vault/keytar-vault.ts';
      const started = Date.now();
      try { await new KeytarVault({ service: 'x' }).set('a', 'b'); console.log(JSON.stringify({ stored: true })); }
      catch (e) { console.log(JSON.stringify({ name: e.name, code: e.code, message: e.message, ms: Date.now() - started })); }`;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
      env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus', DISPLAY: '' },
      timeout: 15_000,
    });
    const outcome = JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}');
    expect(outcome.stored).toBeUndefined();
    expect(outcome.code).toBe('VAULT_UNAVAILABLE');
    expect(outcome.message).toMatch(/keyring/i);
    expect(outcome.ms).toBeLessThan(5_000);
  });

  it('wraps keyring failures in VaultError', () => {
    expect(new VaultError('x').code).toBe('VAULT_UNAVAILABLE');
  });
});
