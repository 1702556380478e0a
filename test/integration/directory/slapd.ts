/**
 * A real, throwaway slapd per test (scripts/directories/slapd-up.sh: ~0.1 s), so every test
 * starts from the seeded Contoso users — lockouts and password history do not leak between
 * tests. Missing slapd fails the test with the line that says what to install.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client, Control, type Change } from 'ldapts';
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

/** Until the port takes a connection (slapd's daemon opens it a moment after the command returns). */
async function listening(port: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => (socket.end(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`slapd did not listen on ${port} again within 5 s`);
}

export interface Slapd {
  url: string;
  dir: string;
  /** PEM of the throwaway CA that signed the server's certificate (StartTLS; names 127.0.0.1 and localhost). */
  ca: string;
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
  // SIGTERM makes slapd take ~1.5 s to wind down (measured); SIGKILL is immediate, and mdb
  // keeps every committed write through it — a restart finds the data as it was.
  const kill = async () => {
    const p = await pid().catch(() => 0);
    if (p) {
      try {
        process.kill(p, 'SIGKILL');
        // Wait for the port to close.
        for (let i = 0; i < 100; i++) {
          process.kill(p, 0);
          // A killed slapd whose reaper is slow stays a zombie: its port is already closed.
          if (/^\d+ \(.*\) Z/.test(await readFile(`/proc/${p}/stat`, 'utf8').catch(() => ''))) break;
          await new Promise((r) => setTimeout(r, 20));
        }
      } catch {
        /* gone */
      }
      // A killed slapd leaves its pid file: remove it, so a later stop never signals a reused pid.
      await rm(join(dir, 'slapd.pid'), { force: true });
    }
  };
  return {
    url,
    dir,
    ca: await readFile(join(dir, 'tls/ca.pem'), 'utf8'),
    async stop() {
      await kill();
      await rm(dir, { recursive: true, force: true });
    },
    down: kill,
    async restart() {
      await kill();
      await run('slapd', ['-h', `${url}/`, '-f', join(dir, 'slapd.conf')]);
      await listening(port);
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

/** The relax control (draft-zeilenga-ldap-relax): lets the administrator set operational attributes such as pwdChangedTime. */
const RELAX = new Control('1.3.6.1.4.1.4203.666.5.12', { critical: true });

/** As the directory's administrator (rootdn), outside the code under test: what IT would do with ldapmodify. */
export async function asAdmin<T>(url: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ url, timeout: 3000, connectTimeout: 3000 });
  try {
    await client.bind(ADMIN_DN, ADMIN_PASSWORD);
    return await fn(client);
  } finally {
    await client.unbind();
  }
}

/** Modify an entry as the administrator; `relax` for operational attributes (pwdChangedTime). */
export const adminModify = (url: string, dn: string, changes: Change[], relax = false): Promise<void> => asAdmin(url, (c) => c.modify(dn, changes, relax ? [RELAX] : []));

export const userDn = (uid: string): string => `uid=${uid},ou=people,${BASE}`;

/** Does slapd take this password? `ldapwhoami` (ldap-utils): a bind by another program than ours. */
export async function ldapwhoami(url: string, dn: string, password: string): Promise<boolean> {
  try {
    await run('ldapwhoami', ['-x', '-H', url, '-D', dn, '-w', password], { timeout: 5000 });
    return true;
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { stderr?: string };
    if (err.code === 'ENOENT') throw new Error('ldapwhoami not found: apt-get install ldap-utils (or: npm run setup)', { cause: e });
    if (/Invalid credentials|\(49\)/.test(err.stderr ?? '')) return false;
    throw new Error(`ldapwhoami failed unexpectedly: ${err.stderr ?? err.message}`, { cause: e });
  }
}
