/**
 * npm test's keytar check: real child processes requiring keytar from real folders (absent,
 * or with a binary that is not a library), never a mocked require.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bringKeytarBack, checkKeytar, keytarVersionFromLock, restoreCommand } from '../../../scripts/keyring-module.mjs';

const scratch = mkdtempSync(join(tmpdir(), 'keyring-module-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function project(name: string, keytar: 'absent' | 'broken' | 'loads'): string {
  const dir = join(scratch, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{}');
  if (keytar === 'broken') {
    const pkg = join(dir, 'node_modules', 'keytar');
    mkdirSync(join(pkg, 'build', 'Release'), { recursive: true });
    writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: 'keytar', main: './build/Release/keytar.node' }));
    writeFileSync(join(pkg, 'build', 'Release', 'keytar.node'), 'not an ELF file');
  }
  if (keytar === 'loads') {
    // Only whether it loads is checked here; keytar's behaviour is tested on the real keyring.
    const pkg = join(dir, 'node_modules', 'keytar');
    mkdirSync(pkg, { recursive: true });
    writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: 'keytar', main: './index.js' }));
    writeFileSync(join(pkg, 'index.js'), 'module.exports = {};\n');
  }
  return dir;
}

describe('keytar check and restore (npm test, npm run keyring:build)', () => {
  it('sees keytar removed by npm (its failed optional build) as not installed', () => {
    const result = checkKeytar(project('absent', 'absent'));
    expect(result).toMatchObject({ ok: false, installed: false });
    if (!result.ok) expect(result.reason).toContain("Cannot find module 'keytar'");
  });

  it('sees keytar present with a native module that cannot load as installed but broken', () => {
    const result = checkKeytar(project('broken', 'broken'));
    expect(result).toMatchObject({ ok: false, installed: true });
    if (!result.ok) expect(result.reason).toMatch(/ELF|invalid|keytar\.node/);
  });

  it('installs the lock\'s version without saving when npm removed keytar, rebuilds it when npm kept it', () => {
    const install = restoreCommand({ installed: false, version: '7.9.0' });
    expect(install[0]).toBe('install');
    expect(install).toContain('--no-save');
    expect(install.at(-1)).toBe('keytar@7.9.0');
    expect(restoreCommand({ installed: true, version: '7.9.0' })).toEqual(['rebuild', 'keytar']);
  });

  it('takes keytar\'s version from package-lock.json, and says so when the lock has none', () => {
    expect(keytarVersionFromLock(JSON.stringify({ packages: { 'node_modules/keytar': { version: '7.9.0' } } }))).toBe('7.9.0');
    expect(() => keytarVersionFromLock(JSON.stringify({ packages: {} }))).toThrow(/no entry for node_modules\/keytar/);
    // The project's own lock pins it (the restore would otherwise install an unreviewed version).
    expect(keytarVersionFromLock(readFileSync(join(import.meta.dirname, '..', '..', '..', 'package-lock.json'), 'utf8'))).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('leaves a loadable keytar alone: no apt, no npm', () => {
    const said: string[] = [];
    expect(bringKeytarBack(project('loads', 'loads'), { log: (line) => said.push(line) })).toEqual({ ok: true, changed: false });
    expect(said).toEqual([]);
  });
});
