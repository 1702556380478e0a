/**
 * `npm run bench`'s directory figures (issue 8, "Benchmarks"), measured in one run:
 * - slapd and Samba AD: the raw reset (ldapts alone) against the same reset through the
 *   service's Directory class and through its HTTP API, their ratios, resets per second;
 * - whole resets per second (start → verify → new password) against memory, slapd and AD.
 * Every figure: 3 repetitions, median/min/max, the load average before each.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BASE, SERVICE_DN, SERVICE_PASSWORD } from '../../test/integration/directory/slapd.js';
import { AD_BASE } from '../../test/integration/directory/samba-ad.js';
import { startBenchService } from './bench-service.js';
import { BENCH_INITIAL_PASSWORD, sambaWithUsers, slapdWithUsers } from './directory-servers.js';
import { rawActiveDirectoryReset, rawOpenLdapReset } from './raw-resets.js';
import { compareResets } from './reset-comparison.js';
import { wholeResets } from './reset-paths.js';

const REPS = 3;
const CONCURRENCY = 8;
type Results = Record<string, unknown>;

/** Flat keys for a figure's median (the headline) and its spread next to it. */
function whole(out: Results, label: string, measured: Awaited<ReturnType<typeof wholeResets>>) {
  out[`service.wholeResetPerSec.${label}`] = measured.perSec.median;
  out[`service.wholeResetP50Ms.${label}`] = measured.p50Ms.median;
  out[`service.wholeResetP99Ms.${label}`] = measured.p99Ms.median;
  out[`service.wholeReset.${label}`] = measured;
}

async function memoryBench(out: Results) {
  // Code verifies, reset starts and whole resets at a low scrypt cost are measured against
  // their floors, the service in its own process (verify-vs-floor.ts). Here: whole resets on
  // the demo directory at its own scrypt cost (2^14), through the configuration as IT would set it.
  const wholeUsers = 20;
  const memIds = Array.from({ length: REPS * wholeUsers }, (_, i) => `whole${String(i).padStart(4, '0')}`);
  const memService = await startBenchService({ kind: 'memory', users: memIds.map((userId) => ({ userId, displayName: userId, password: BENCH_INITIAL_PASSWORD })) }, memIds);
  try {
    whole(out, 'memory', await wholeResets('memory', memService, REPS, wholeUsers, CONCURRENCY));
  } finally {
    await memService.close();
  }
}

async function openLdapBench(out: Results) {
  const counts = { reps: REPS, sequential: 100, concurrent: 150, concurrency: CONCURRENCY, breakdown: 30 };
  const wholePerRep = 150;
  const users = REPS * (counts.sequential + counts.concurrent + wholePerRep) + counts.breakdown;
  const started = performance.now();
  const { slapd, accounts } = await slapdWithUsers(users);
  out['directories.openldap.setupMs'] = Math.round(performance.now() - started);
  const directory = { kind: 'openldap', url: slapd.url, bindDn: SERVICE_DN, bindPasswordEnv: 'LDAP_PW', userBase: `ou=people,${BASE}`, groupBase: `ou=groups,${BASE}`, defaultPolicyDn: `cn=default,ou=policies,${BASE}` };
  const service = await startBenchService(directory, accounts.map((a) => a.userId), { LDAP_PW: SERVICE_PASSWORD });
  const raw = await rawOpenLdapReset(slapd.url, SERVICE_DN, SERVICE_PASSWORD);
  try {
    Object.assign(out, await compareResets('openldap', raw, service, accounts, counts));
    whole(out, 'openldap', await wholeResets('openldap', service, REPS, wholePerRep, CONCURRENCY));
    out['directories.openldap.note'] = `slapd ${slapd.url} (scripts/directories/slapd-up.sh: mdb, ppolicy with history 3 and min age 0), ${users} bench users added with ldapadd; the service: openldap directory from the configuration (pool of 4), SQLite store; every new password random and new.`;
  } finally {
    await raw.close();
    await service.close();
    await slapd.stop();
  }
}

async function activeDirectoryBench(out: Results) {
  const counts = { reps: REPS, sequential: 15, concurrent: 30, concurrency: CONCURRENCY, breakdown: 10 };
  const wholePerRep = 30;
  const users = REPS * (counts.sequential + counts.concurrent + wholePerRep) + counts.breakdown;
  const started = performance.now();
  let samba: Awaited<ReturnType<typeof sambaWithUsers>>;
  try {
    samba = await sambaWithUsers(users);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    console.error(`directories.activeDirectory NOT MEASURED: ${why}`);
    out['directories.activeDirectory.note'] = `not measured: ${why} (run the bench as root under flock /tmp/samba-ad.lock)`;
    return;
  }
  const { ad, accounts, addPerSec } = samba;
  out['directories.activeDirectory.setupMs'] = Math.round(performance.now() - started);
  const caFile = join(mkdtempSync(join(tmpdir(), 'bench-ad-ca-')), 'ca.pem');
  writeFileSync(caFile, ad.ca);
  const directory = { kind: 'activeDirectory', url: ad.url, tls: { caFile, serverName: 'DC1.contoso.test' }, bindDn: 'sspr-service@contoso.test', bindPasswordEnv: 'AD_PW', userBase: `CN=Users,${AD_BASE}`, domainBase: AD_BASE, phoneAttribute: 'telephoneNumber' };
  try {
    const service = await startBenchService(directory, accounts.map((a) => a.userId), { AD_PW: 'Service-Passw0rd!' });
    const raw = await rawActiveDirectoryReset(ad.url, ad.ca, 'DC1.contoso.test', 'sspr-service@contoso.test', 'Service-Passw0rd!');
    try {
      Object.assign(out, await compareResets('activeDirectory', raw, service, accounts, counts));
      whole(out, 'activeDirectory', await wholeResets('activeDirectory', service, REPS, wholePerRep, CONCURRENCY));
      out['directories.activeDirectory.note'] = `Samba AD DC over LDAPS (scripts/directories/samba-ad-up.sh: complexity on, history 3, min age 0; the service account delegated Reset password only), ${users} bench users added over LDAPS as Administrator (${addPerSec}/s); the service: activeDirectory directory from the configuration (pool of 4), SQLite store. rawFreshBind includes a TLS handshake per reset.`;
    } finally {
      await raw.close();
      await service.close();
    }
  } finally {
    await ad.stop();
  }
}

export async function directoriesBench(): Promise<Results> {
  const out: Results = {};
  const started = performance.now();
  await memoryBench(out);
  await openLdapBench(out);
  await activeDirectoryBench(out);
  out['directories.benchSeconds'] = Math.round((performance.now() - started) / 100) / 10;
  return out;
}
