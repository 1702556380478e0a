/**
 * The real directories the bench measures against, started by the bench itself and seeded
 * with its own users: a throwaway slapd (ppolicy, scripts/directories/slapd-up.sh, users
 * added with ldapadd) and a Samba AD DC (scripts/directories/samba-ad-up.sh, users added over
 * LDAPS as Administrator — samba-tool starts a Python process per user, seconds each).
 * Samba's ports are fixed: run the bench under `flock /tmp/samba-ad.lock`.
 */
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Attribute, Client } from 'ldapts';
import { ADMIN_DN, ADMIN_PASSWORD, BASE, startSlapd, type Slapd } from '../../test/integration/directory/slapd.js';
import { AD_BASE, startSambaAd, type SambaAd } from '../../test/integration/directory/samba-ad.js';
import { timedBatch } from './stats.js';

const run = promisify(execFile);

/** A bench account: the id the service keeps, the id typed at the start, its DN. */
export interface DirectoryAccount {
  userId: string;
  dn: string;
}

/** The initial password of every bench account (both directories' rules accept it). */
export const BENCH_INITIAL_PASSWORD = 'Bench-Start-Passw0rd!';

const name = (i: number) => `bench${String(i).padStart(5, '0')}`;

export async function slapdWithUsers(count: number): Promise<{ slapd: Slapd; accounts: DirectoryAccount[] }> {
  const slapd = await startSlapd();
  try {
    return { slapd, accounts: await addSlapdUsers(slapd, count) };
  } catch (e) {
    await slapd.stop();
    throw e;
  }
}

async function addSlapdUsers(slapd: Slapd, count: number): Promise<DirectoryAccount[]> {
  const accounts: DirectoryAccount[] = [];
  const ldif: string[] = [];
  for (let i = 0; i < count; i++) {
    const uid = name(i);
    const dn = `uid=${uid},ou=people,${BASE}`;
    accounts.push({ userId: uid, dn });
    // ppolicy_hash_cleartext hashes the cleartext on add, as it does on every write.
    ldif.push(`dn: ${dn}\nobjectClass: inetOrgPerson\nuid: ${uid}\ncn: Bench ${i}\nsn: ${i}\ndisplayName: Bench User ${i}\nmail: ${uid}@contoso.test\nuserPassword: ${BENCH_INITIAL_PASSWORD}\n`);
  }
  const file = join(slapd.dir, 'bench-users.ldif');
  await writeFile(file, ldif.join('\n'));
  await run('ldapadd', ['-x', '-H', slapd.url, '-D', ADMIN_DN, '-w', ADMIN_PASSWORD, '-f', file], { maxBuffer: 64 * 1024 * 1024 });
  return accounts;
}

export async function sambaWithUsers(count: number): Promise<{ ad: SambaAd; accounts: DirectoryAccount[]; addPerSec: number }> {
  const ad = await startSambaAd();
  try {
    const accounts = Array.from({ length: count }, (_, i) => ({ userId: `${name(i)}@contoso.test`, dn: `CN=${name(i)},CN=Users,${AD_BASE}` }));
    return { ad, accounts, addPerSec: await addAdUsers(ad, accounts) };
  } catch (e) {
    // A DC left running would hold the fixed ports after the bench.
    await ad.stop();
    throw e;
  }
}

/** Adds the accounts (4 connections in parallel); returns the users added per second. */
async function addAdUsers(ad: SambaAd, accounts: DirectoryAccount[]): Promise<number> {
  const clients: Client[] = [];
  try {
    for (let c = 0; c < 4; c++) {
      const client = new Client({ url: ad.url, tlsOptions: { ca: ad.ca, servername: 'DC1.contoso.test', minVersion: 'TLSv1.2' } });
      clients.push(client);
      await client.bind('Administrator@contoso.test', 'Admin-Passw0rd!');
    }
    const added = await timedBatch(accounts.length, clients.length, async (i) => {
      const account = accounts[i]!;
      await clients[i % clients.length]!.add(account.dn, [
        new Attribute({ type: 'objectClass', values: ['top', 'person', 'organizationalPerson', 'user'] }),
        new Attribute({ type: 'sAMAccountName', values: [name(i)] }),
        new Attribute({ type: 'userPrincipalName', values: [account.userId] }),
        new Attribute({ type: 'mail', values: [account.userId] }),
        new Attribute({ type: 'displayName', values: [`Bench User ${i}`] }),
        new Attribute({ type: 'unicodePwd', values: [Buffer.from(`"${BENCH_INITIAL_PASSWORD}"`, 'utf16le')] }),
        // 512: a normal, enabled account.
        new Attribute({ type: 'userAccountControl', values: ['512'] }),
      ]);
    });
    if (added.failures > 0) throw new Error(`adding bench users to Samba AD: ${added.failures} failed (${added.firstFailure})`);
    return added.perSec;
  } finally {
    await Promise.all(clients.map((c) => c.unbind().catch(() => undefined)));
  }
}
