/**
 * KEYRING_MODULE_MISSING: what the vault says when keytar's native module is not there or
 * cannot load. The failure is real — Node's own require, rooted in a folder where keytar is
 * absent or where its binary is not a loadable library — never a mocked keytar.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { VaultError } from '../../../electron/core/vault/credential-vault.js';
import { KEYRING_MODULE_FIX, KeytarVault } from '../../../electron/core/vault/keytar-vault.js';

const scratch = mkdtempSync(join(tmpdir(), 'vault-module-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A project folder without node_modules/keytar: what npm leaves after keytar's build failed. */
function requireWithoutKeytar() {
  const dir = join(scratch, 'no-keytar');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{}');
  return createRequire(join(dir, 'package.json'));
}

/** keytar's JS is there but its native binary is not a library (a broken or foreign build). */
function requireWithBrokenBinary() {
  const dir = join(scratch, 'broken-binary');
  const pkg = join(dir, 'node_modules', 'keytar');
  mkdirSync(join(pkg, 'build', 'Release'), { recursive: true });
  mkdirSync(join(pkg, 'lib'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{}');
  writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: 'keytar', main: './lib/keytar.js' }));
  // As keytar's own lib/keytar.js does.
  writeFileSync(join(pkg, 'lib', 'keytar.js'), "module.exports = require('../build/Release/keytar.node');\n");
  writeFileSync(join(pkg, 'build', 'Release', 'keytar.node'), 'not an ELF file');
  return createRequire(join(dir, 'package.json'));
}

async function failureOf(promise: Promise<unknown>): Promise<VaultError> {
  const outcome = await promise.then(
    () => new Error('the vault call succeeded'),
    (e: unknown) => e,
  );
  expect(outcome).toBeInstanceOf(VaultError);
  return outcome as VaultError;
}

describe('KeytarVault when the keyring module is missing', () => {
  it('reports KEYRING_MODULE_MISSING (not VAULT_UNAVAILABLE) with one line naming the fix, for every call', async () => {
    const vault = new KeytarVault({ service: 's', requireModule: requireWithoutKeytar(), announce: false });
    for (const call of [() => vault.get('a'), () => vault.set('a', 'hunter2-xyz'), () => vault.delete('a')]) {
      const e = await failureOf(call());
      expect(e.code).toBe('KEYRING_MODULE_MISSING');
      expect(e.message).toContain('(keytar) is not installed');
      expect(e.message).toContain(KEYRING_MODULE_FIX);
      expect(e.message).not.toContain('\n');
      // The secret never appears in what is reported.
      expect(e.message).not.toContain('hunter2-xyz');
    }
  });

  it('says why the native module cannot load when keytar is installed but broken, still in one line', async () => {
    const e = await failureOf(new KeytarVault({ service: 's', requireModule: requireWithBrokenBinary(), announce: false }).get('a'));
    expect(e.code).toBe('KEYRING_MODULE_MISSING');
    expect(e.message).toMatch(/\(keytar\) cannot load \(.+\)/);
    expect(e.message).toContain(KEYRING_MODULE_FIX);
    expect(e.message).not.toContain('\n');
    expect((e.cause as NodeJS.ErrnoException).code).toBe('ERR_DLOPEN_FAILED');
  });

  it('prints the one line at start-up, when the vault is made, not only at first use', () => {
    const lines: string[] = [];
    const vault = new KeytarVault({ service: 's', requireModule: requireWithoutKeytar(), announce: (line) => lines.push(line) });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toBe(vault.moduleProblem());
    expect(lines[0]).toContain(KEYRING_MODULE_FIX);
  });

  it('by default prints it once per process on stderr, however many vaults are made', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      new KeytarVault({ service: 'a', requireModule: requireWithoutKeytar() });
      new KeytarVault({ service: 'b', requireModule: requireWithoutKeytar() });
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0]?.[0])).toContain('keyring module (keytar) is not installed');
    } finally {
      warn.mockRestore();
    }
  });

  it('a VaultError without a code is VAULT_UNAVAILABLE: the module is there, no keyring answered', () => {
    expect(new VaultError('x').code).toBe('VAULT_UNAVAILABLE');
    expect(new VaultError('x', { code: 'KEYRING_MODULE_MISSING' }).code).toBe('KEYRING_MODULE_MISSING');
  });
});
