/**
 * `--check` against a real slapd, as IT runs it before the first reset: it binds as the
 * service account and searches once, shows the directory's password rules, and with `--user`
 * what the service sees of an account; a wrong password or a port where nothing listens is one
 * line with the next step, exit 2. Real processes (node + tsx) and a real slapd.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE, SERVICE_DN, SERVICE_PASSWORD, startSlapd, type Slapd } from '../directory/slapd.js';

let slapd: Slapd;
const dir = mkdtempSync(join(tmpdir(), 'signin-check-dir-'));
beforeAll(async () => {
  slapd = await startSlapd();
});
afterAll(async () => {
  await slapd?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** The CLI in its own process; async, so the slapd in this process keeps answering. */
function cli(args: string[], env: Record<string, string | undefined>): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(process.cwd(), 'server', 'cli.ts'), ...args], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

function config(url: string): string {
  const path = join(dir, `check-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(
    path,
    [
      'tenant: { name: Contoso }',
      'policy: { methodsEnabled: [authenticatorApp] }',
      `directory: { kind: openldap, url: "${url}", bindDn: "${SERVICE_DN}", bindPasswordEnv: CHECK_LDAP_PW, userBase: "ou=people,${BASE}", groupBase: "ou=groups,${BASE}", defaultPolicyDn: "cn=default,ou=policies,${BASE}", timeoutSeconds: 3 }`,
      'store: { kind: memory }',
      'secrets: { keyEnv: CHECK_KEY }',
    ].join('\n'),
  );
  return path;
}
const key = Buffer.alloc(32, 3).toString('base64');

describe('--check on a real OpenLDAP', () => {
  it("binds and searches once, and shows the directory's password rules read from its ppolicy entry", async () => {
    const r = await cli(['--config', config(slapd.url), '--check'], { CHECK_LDAP_PW: SERVICE_PASSWORD, CHECK_KEY: key });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain(`directory: OK — bound to ${slapd.url} as ${SERVICE_DN} and searched ou=people,${BASE}`);
    expect(r.stdout).toMatch(/password rules: minimum length 8, history 3 \(ppolicy cn=default,ou=policies,dc=contoso,dc=test\)/);
  }, 30_000);

  it('--user shows what the service sees of the account: its id, groups, whether its password is managed here, its state', async () => {
    const r = await cli(['--config', config(slapd.url), '--check', '--user', 'alain@contoso.test'], { CHECK_LDAP_PW: SERVICE_PASSWORD, CHECK_KEY: key });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^user alain@contoso\.test: found as alain \(.+\); groups \[[^\]]*sspr-users[^\]]*\]; password managed here; state: usable/m);
    const unknown = await cli(['--config', config(slapd.url), '--check', '--user', 'nobody'], { CHECK_LDAP_PW: SERVICE_PASSWORD, CHECK_KEY: key });
    expect(unknown.stdout).toContain('user nobody: not found under the configured base and filter');
  }, 30_000);

  it('a wrong service password is exit 2 and names the fields to fix; never the password', async () => {
    const r = await cli(['--config', config(slapd.url), '--check'], { CHECK_LDAP_PW: 'Wrong-Service-Pw1', CHECK_KEY: key });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^directory: The service account could not bind \(LDAP result 49\) — check directory\.bindDn and the password/m);
    expect(r.stdout + r.stderr).not.toContain('Wrong-Service-Pw1');
  }, 30_000);

  it('nothing listening is exit 2 with the url to check; without the password in the environment, the directory is not contacted and it says so', async () => {
    const closed = await cli(['--config', config('ldap://127.0.0.1:9'), '--check'], { CHECK_LDAP_PW: SERVICE_PASSWORD, CHECK_KEY: key });
    expect(closed.status).toBe(2);
    expect(closed.stderr).toMatch(/^directory: The directory could not be reached \(.*ECONNREFUSED\) — check directory\.url/m);
    const elsewhere = await cli(['--config', config(slapd.url), '--check'], { CHECK_LDAP_PW: undefined, CHECK_KEY: key });
    expect(elsewhere.status).toBe(0);
    expect(elsewhere.stdout).toContain('directory: not contacted — CHECK_LDAP_PW is not set here');
  }, 30_000);
});
