/**
 * A real, throwaway slapd per test (scripts/directories/slapd-up.sh: ~0.1 s), so every test
 * starts from the seeded Contoso users — lockouts and password history do not leak between
 * tests. Missing slapd fails the test with the line that says what to install.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { OpenLdapOptions } from '../../../server/directories/ldap/openldap-directory.js';

const run = promisify(execFile);
const SCRIPT = join(import.meta.dirname, '../../../scripts/directories/slapd-up.sh');
export const BASE = 'dc=contoso,dc=test';
export const SERVICE_DN = `cn=sspr-service,ou=services,${BASE}`;
export const SERVICE_PASSWORD = 'Service-Passw0rd!';
export const ADMIN_DN = `cn=admin,${BASE}`;
export const ADMIN_PASSWORD = 'Admin-Passw0rd!';
/** The seeded users and their passwords (scripts/directories/slapd-up.sh). */
export const LDAP_USERS = { alain: 'Alain-Passw0rd1', megan: 'Megan-Passw0rd1', adele: 'Adele-Passw0rd1', lee: 'Lee-Passw0rd1', admin1: 'Admin1-Passw0rd1' } as const;

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

export interface Slapd {
  url: string;
  dir: string;
  stop(): Promise<void>;
  /** Kill the server, keeping its data: the directory is down. */
  down(): Promise<void>;
  /** Kill (if running) and start again on the same port and data: a server restart. */
  restart(): Promise<void>;
}

export async function startSlapd(): Promise<Slapd> {
  const dir = await mkdtemp(join(tmpdir(), 'signin-slapd-'));
  const port = await freePort();
  await run('bash', [SCRIPT, dir, String(port)]);
  const url = `ldap://127.0.0.1:${port}`;
  const pid = async () => Number((await readFile(join(dir, 'slapd.pid'), 'utf8')).trim());
  const kill = async () => {
    const p = await pid().catch(() => 0);
    if (p) {
      try {
        process.kill(p);
      } catch {
        return;
      }
      // Wait for the port to close.
      for (let i = 0; i < 50; i++) {
        try {
          process.kill(p, 0);
          await new Promise((r) => setTimeout(r, 50));
        } catch {
          return;
        }
      }
    }
  };
  return {
    url,
    dir,
    async stop() {
      await kill();
      await rm(dir, { recursive: true, force: true });
    },
    down: kill,
    async restart() {
      await kill();
      await run('slapd', ['-h', `${url}/`, '-f', join(dir, 'slapd.conf')]);
    },
  };
}

export const openLdapOptions = (url: string, overrides: Partial<OpenLdapOptions> = {}): OpenLdapOptions => ({
  url,
  bindDn: SERVICE_DN,
  bindPassword: SERVICE_PASSWORD,
  timeoutMs: 3000,
  userBase: `ou=people,${BASE}`,
  userFilter: '(|(uid={id})(mail={id}))',
  userIdAttribute: 'uid',
  displayNameAttribute: 'displayName',
  mailAttribute: 'mail',
  phoneAttribute: 'mobile',
  groupBase: `ou=groups,${BASE}`,
  groupFilter: '(member={dn})',
  groupNameAttribute: 'cn',
  defaultPolicyDn: `cn=default,ou=policies,${BASE}`,
  ...overrides,
});
