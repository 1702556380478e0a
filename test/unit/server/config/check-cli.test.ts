/**
 * The CLI as IT runs it: `--check` and the start both refuse a configuration that cannot
 * work, with exit code 2 and one line per field; a TLS file that cannot be read is named by
 * its field too. Real processes (node + tsx), nothing listens.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'signin-check-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, ['--import', 'tsx', join(process.cwd(), 'server', 'cli.ts'), ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 30_000 });

function writeConfig(name: string, lines: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, [...lines, 'directory: { kind: memory, users: [] }', 'store: { kind: memory }', 'secrets: { keyEnv: CHECK_SECRETS_KEY }'].join('\n'));
  return path;
}
const key = { CHECK_SECRETS_KEY: Buffer.alloc(32, 1).toString('base64') };

describe('service CLI refuses a configuration that cannot work', () => {
  const unworkable = () =>
    writeConfig('unworkable.yaml', ['tenant: { name: Fabrikam, helpdesk: { email: helpdesk@fabrikam.test } }', 'policy: { methodsEnabled: [authenticatorApp] }', 'server: { host: 0.0.0.0, trustProxy: true }']);

  it('--check exits 2 naming the field and the fix, and the start refuses the same file', () => {
    const file = unworkable();
    for (const args of [['--config', file, '--check'], ['--config', file]]) {
      const result = cli(args, key);
      expect(result.status, `${args.join(' ')}: ${result.stdout}${result.stderr}`).toBe(2);
      expect(result.stderr).toContain(`Invalid configuration in ${file}:`);
      expect(result.stderr).toMatch(/^ {2}- server\.trustProxy: true trusts every address.*server\.trustedProxies/m);
      expect(result.stdout).not.toMatch(/listening on/);
    }
  }, 60_000);

  it('once the schema is right, names the cross-field problems', () => {
    const file = writeConfig('no-mail.yaml', ['tenant: { name: Fabrikam, helpdesk: { email: helpdesk@fabrikam.test } }', 'policy: { methodsEnabled: [authenticatorApp] }', 'server: { host: 0.0.0.0 }']);
    const result = cli(['--config', file, '--check'], key);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^ {2}- notify\.email: required because tenant\.helpdesk\.email is set/m);
    expect(result.stderr).toMatch(/^ {2}- server\.tls: required when server\.host \(0\.0\.0\.0\) is not loopback.*server\.trustedProxies/m);
  }, 30_000);

  it('names the TLS field whose file cannot be read', () => {
    const file = writeConfig('tls.yaml', ['tenant: { name: Fabrikam }', 'policy: { methodsEnabled: [authenticatorApp] }', `server: { port: 0, tls: { certFile: ${join(dir, 'missing-cert.pem')}, keyFile: ${join(dir, 'missing-key.pem')} } }`]);
    const result = cli(['--config', file], key);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/server\.tls\.certFile: cannot read .*missing-cert\.pem \(ENOENT\)/);
    expect(result.stderr).not.toMatch(/at .*\.ts:\d+/); // a message, not a stack trace
  }, 30_000);
});
