/**
 * A real Samba AD domain controller for the Active Directory tests: the one named by
 * SIGNIN_TEST_AD_URL/SIGNIN_TEST_AD_CA (scripts/with-directories.sh, or your own DC seeded
 * the same way), else one started here (scripts/directories/samba-ad-up.sh; root, ~15 s).
 * Without root and without a DC the test fails with the line that says what to do.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Attribute, Change, Client, InvalidCredentialsError } from 'ldapts';
import type { ActiveDirectoryOptions } from '../../../server/directories/ldap/active-directory.js';

const run = promisify(execFile);
const SCRIPT = join(import.meta.dirname, '../../../scripts/directories/samba-ad-up.sh');
export const AD_BASE = 'DC=contoso,DC=test';
export const AD_USERS = { alain: 'Alain-Passw0rd1', megan: 'Megan-Passw0rd1', adele: 'Adele-Passw0rd1', lee: 'Lee-Passw0rd1', admin1: 'Admin1-Passw0rd1', pia: 'Quartz-Meadow-Passw0rd1' } as const;
/** The domain's administrator (samba-ad-up.sh), for what IT does outside the service: create, disable, expire. */
export const AD_ADMIN = { upn: 'Administrator@contoso.test', password: process.env.SIGNIN_TEST_AD_ADMIN_PW ?? 'Admin-Passw0rd!' };
/** The fine-grained policy samba-ad-up.sh creates (applied to pia). */
export const PSO_DN = `CN=sspr-pso,CN=Password Settings Container,CN=System,${AD_BASE}`;

export interface SambaAd {
  url: string;
  ca: string;
  stop(): Promise<void>;
}

export async function startSambaAd(): Promise<SambaAd> {
  if (process.env.SIGNIN_TEST_AD_URL && process.env.SIGNIN_TEST_AD_CA) {
    return { url: process.env.SIGNIN_TEST_AD_URL, ca: await readFile(process.env.SIGNIN_TEST_AD_CA, 'utf8'), stop: async () => undefined };
  }
  if (process.getuid?.() !== 0) {
    throw new Error('The Active Directory tests need a Samba AD DC: run them as root (Samba binds ports 88/389/636/445), or through scripts/with-directories.sh, or set SIGNIN_TEST_AD_URL and SIGNIN_TEST_AD_CA to your own DC.');
  }
  const dir = await mkdtemp(join(tmpdir(), 'signin-ad-'));
  await run('bash', [SCRIPT, dir], { timeout: 120_000 });
  return {
    url: 'ldaps://127.0.0.1:636',
    ca: await readFile(join(dir, 'private/tls/ca.pem'), 'utf8'),
    async stop() {
      const pid = Number((await readFile(join(dir, 'samba.pid'), 'utf8')).trim());
      try {
        process.kill(pid);
      } catch {
        /* already gone */
      }
      for (let i = 0; i < 100; i++) {
        try {
          process.kill(pid, 0);
          // This machine's pid 1 reaps orphans late: a Samba that is a zombie has closed its ports.
          if (/^\d+ \(.*\) Z/.test(await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => ''))) break;
          await new Promise((r) => setTimeout(r, 100));
        } catch {
          break;
        }
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export const adOptions = (ad: SambaAd, overrides: Partial<ActiveDirectoryOptions> = {}): ActiveDirectoryOptions => ({
  url: ad.url,
  // The DC's certificate names DC1.contoso.test; the test reaches it at 127.0.0.1.
  tls: { ca: ad.ca, serverName: 'DC1.contoso.test' },
  bindDn: 'sspr-service@contoso.test',
  bindPassword: 'Service-Passw0rd!',
  timeoutMs: 5000,
  userBase: `CN=Users,${AD_BASE}`,
  domainBase: AD_BASE,
  userIdAttribute: 'userPrincipalName',
  phoneAttribute: 'telephoneNumber',
  ...overrides,
});

/** A raw LDAPS connection (ldapts alone, not our directory code), verified like the service's. */
const rawClient = (ad: SambaAd) => new Client({ url: ad.url, timeout: 5000, connectTimeout: 5000, tlsOptions: { ca: ad.ca, servername: 'DC1.contoso.test', minVersion: 'TLSv1.2' } });

/** Does the DC take this password? A fresh bind outside our code; any refusal (wrong, locked, disabled, must change) is no. */
export async function adBinds(ad: SambaAd, upn: string, password: string): Promise<boolean> {
  const client = rawClient(ad);
  try {
    await client.bind(upn, password);
    return true;
  } catch (e) {
    if (e instanceof InvalidCredentialsError) return false;
    throw e;
  } finally {
    await client.unbind();
  }
}

/** As the domain's administrator, outside the code under test. */
export async function asAdAdmin<T>(ad: SambaAd, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = rawClient(ad);
  try {
    await client.bind(AD_ADMIN.upn, AD_ADMIN.password);
    return await fn(client);
  } finally {
    await client.unbind();
  }
}

export const adChange = (operation: 'replace' | 'add' | 'delete', type: string, values: (string | Buffer)[]) => new Change({ operation, modification: new Attribute({ type, values: values as string[] }) });

/** A new enabled account under CN=Users with its own password: sAMAccountName, UPN and a mail that differs from both. */
export async function createAdUser(ad: SambaAd, sam: string, password: string, extraUac = 0): Promise<{ dn: string; upn: string; mail: string }> {
  const dn = `CN=${sam},CN=Users,${AD_BASE}`;
  const upn = `${sam}@contoso.test`;
  const mail = `${sam}.mail@example.org`;
  await asAdAdmin(ad, async (c) => {
    await c.add(dn, { objectClass: ['top', 'person', 'organizationalPerson', 'user'], sAMAccountName: sam, userPrincipalName: upn, mail, displayName: 'Fresh Person', givenName: 'Fresh', sn: 'Person' });
    await c.modify(dn, adChange('replace', 'unicodePwd', [Buffer.from(`"${password}"`, 'utf16le')]));
    // NORMAL_ACCOUNT (0x200), enabled; the smart-card test adds SMARTCARD_REQUIRED.
    await c.modify(dn, adChange('replace', 'userAccountControl', [String(0x200 | extraUac)]));
  });
  return { dn, upn, mail };
}
