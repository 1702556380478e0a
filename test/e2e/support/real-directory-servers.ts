/**
 * The two real directories an end-to-end reset runs against, started by the project's own
 * scripts (through the integration tests' starters: one way to start each, not two): a
 * throwaway slapd with ppolicy on a free port, and a Samba AD domain controller on its fixed
 * ports (run under `flock /tmp/samba-ad.lock`). For each: the service's `directory:` section,
 * the seeded user the test resets, and a bind made OUTSIDE our code that says whether a
 * password is the directory's now.
 */
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client, InvalidCredentialsError } from 'ldapts';
import { AD_BASE, AD_USERS, startSambaAd } from '../../integration/directory/samba-ad.js';
import { BASE, LDAP_USERS, SERVICE_DN, SERVICE_PASSWORD, startSlapd } from '../../integration/directory/slapd.js';

const run = promisify(execFile);

export type RealDirectoryKind = 'openldap' | 'activeDirectory';

/** What an independent bind says of a password. */
export type BindAnswer = 'ok' | 'invalid';

export interface RealDirectory {
  kind: RealDirectoryKind;
  /** The `directory:` section of the service's YAML (the service account's password comes from `bindPasswordEnv`). */
  yaml: string;
  /** The service account's password, for the environment variable the YAML names. */
  bindPassword: string;
  /**
   * The seeded user the test resets: the id as a person types it, the id the directory keeps
   * (its `userIdAttribute`, which the service's notices name), and the directory password.
   */
  user: { id: string; account: string; password: string };
  /** A bind as the user with `password`, by a client that is not the service's. */
  bind(password: string): Promise<BindAnswer>;
  stop(): Promise<void>;
}

export const BIND_PASSWORD_ENV = 'SIGNIN_E2E_DIRECTORY_PASSWORD';

/** slapd-up.sh on a free port (~0.1 s); binds checked with OpenLDAP's own `ldapwhoami`. */
async function openLdap(): Promise<RealDirectory> {
  const slapd = await startSlapd();
  const userDn = `uid=lee,ou=people,${BASE}`;
  return {
    kind: 'openldap',
    yaml: [
      'directory:',
      '  kind: openldap',
      `  url: ${slapd.url}`,
      `  bindDn: ${SERVICE_DN}`,
      `  bindPasswordEnv: ${BIND_PASSWORD_ENV}`,
      `  userBase: ou=people,${BASE}`,
      `  groupBase: ou=groups,${BASE}`,
      `  defaultPolicyDn: cn=default,ou=policies,${BASE}`,
    ].join('\n'),
    bindPassword: SERVICE_PASSWORD,
    user: { id: 'lee@contoso.test', account: 'lee', password: LDAP_USERS.lee },
    async bind(password) {
      try {
        await run('ldapwhoami', ['-x', '-H', slapd.url, '-D', userDn, '-w', password], { timeout: 10_000 });
        return 'ok';
      } catch (e) {
        const failed = e as { code?: number | string; stderr?: string };
        // 49 is invalidCredentials; anything else (no ldapwhoami, slapd gone) is not an answer.
        if (failed.code === 49) return 'invalid';
        if (failed.code === 'ENOENT') throw new Error('ldapwhoami not found — install: apt-get install ldap-utils (or: npm run setup)', { cause: e });
        throw new Error(`ldapwhoami as ${userDn} failed (${failed.code}): ${failed.stderr ?? ''}`, { cause: e });
      }
    },
    stop: () => slapd.stop(),
  };
}

/**
 * samba-ad-up.sh (root, fixed ports, ~15 s). Simple binds need TLS and the DC's certificate
 * names DC1.contoso.test, which `ldapwhoami` cannot be told when it dials 127.0.0.1 — so the
 * bind is a bare ldapts Client in this process, verifying the DC's CA, with nothing of the
 * service's connection code.
 */
async function activeDirectory(dir: string): Promise<RealDirectory> {
  const ad = await startSambaAd();
  const caFile = join(dir, 'ad-ca.pem');
  writeFileSync(caFile, ad.ca);
  const upn = 'lee@contoso.test';
  return {
    kind: 'activeDirectory',
    yaml: [
      'directory:',
      '  kind: activeDirectory',
      `  url: ${ad.url}`,
      `  tls: { caFile: ${caFile}, serverName: DC1.contoso.test }`,
      '  bindDn: sspr-service@contoso.test',
      `  bindPasswordEnv: ${BIND_PASSWORD_ENV}`,
      `  userBase: CN=Users,${AD_BASE}`,
      `  domainBase: ${AD_BASE}`,
      '  phoneAttribute: telephoneNumber',
    ].join('\n'),
    bindPassword: 'Service-Passw0rd!',
    user: { id: upn, account: upn, password: AD_USERS.lee },
    async bind(password) {
      const client = new Client({ url: ad.url, timeout: 10_000, connectTimeout: 10_000, tlsOptions: { ca: ad.ca, servername: 'DC1.contoso.test' } });
      try {
        await client.bind(upn, password);
        return 'ok';
      } catch (e) {
        if (e instanceof InvalidCredentialsError) return 'invalid';
        throw e;
      } finally {
        await client.unbind().catch(() => undefined);
      }
    },
    stop: () => ad.stop(),
  };
}

/** Start the directory of `kind`; `dir` is the test's temp folder (for the AD's CA file). */
export function startRealDirectory(kind: RealDirectoryKind, dir: string): Promise<RealDirectory> {
  return kind === 'openldap' ? openLdap() : activeDirectory(dir);
}
