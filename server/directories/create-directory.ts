/**
 * One directory from the configuration's union: the demo's memory directory, OpenLDAP or
 * Active Directory. Secrets come from the environment (the service account's password) and
 * files (the CA); a missing one is a ConfigError naming the field, at start, never at a
 * user's first reset.
 */
import { readFile } from 'node:fs/promises';
import { ConfigError } from '../config/config-error.js';
import type { DirectoryConfig } from '../config/config-schema.js';
import type { Env } from '../config/secrets-key.js';
import type { Directory } from './directory.js';
import type { LdapConnectionOptions } from './ldap/ldap-connection.js';
import { MemoryDirectory } from './memory-directory.js';

type LdapConfig = Extract<DirectoryConfig, { kind: 'openldap' | 'activeDirectory' }>;

async function connection(config: LdapConfig, env: Env): Promise<LdapConnectionOptions> {
  const bindPassword = env[config.bindPasswordEnv];
  if (!bindPassword) throw new ConfigError([`directory.bindPasswordEnv: environment variable ${config.bindPasswordEnv} is not set (the service account's password)`]);
  let ca: string | undefined;
  if (config.tls?.caFile) {
    try {
      ca = await readFile(config.tls.caFile, 'utf8');
    } catch (e) {
      throw new ConfigError([`directory.tls.caFile: cannot read ${config.tls.caFile} (${(e as NodeJS.ErrnoException).code ?? 'error'})`]);
    }
  }
  const tls = { ...(ca ? { ca } : {}), ...(config.tls?.serverName ? { serverName: config.tls.serverName } : {}) };
  return {
    url: config.url,
    startTls: config.startTls,
    ...(Object.keys(tls).length > 0 ? { tls } : {}),
    bindDn: config.bindDn,
    bindPassword,
    timeoutMs: config.timeoutSeconds * 1000,
    poolSize: config.poolSize,
  };
}

/** The LDAP directories (and ldapts) load only when configured: a start with another directory does not compile them. */
export async function createDirectory(config: DirectoryConfig, env: Env = process.env): Promise<Directory> {
  switch (config.kind) {
    case 'memory':
      return MemoryDirectory.create(config.users, { scryptN: 2 ** config.scryptCost });
    case 'openldap': {
      const { userBase, userFilter, userIdAttribute, displayNameAttribute, mailAttribute, phoneAttribute, groupBase, groupFilter, groupNameAttribute, unmanagedGroups, defaultPolicyDn } = config;
      const { OpenLdapDirectory } = await import('./ldap/openldap-directory.js');
      return new OpenLdapDirectory({ ...(await connection(config, env)), userBase, userFilter, userIdAttribute, displayNameAttribute, mailAttribute, phoneAttribute, groupBase, groupFilter, groupNameAttribute, unmanagedGroups, ...(defaultPolicyDn ? { defaultPolicyDn } : {}) });
    }
    case 'activeDirectory': {
      const { userBase, domainBase, userIdAttribute, phoneAttribute, unmanagedGroups } = config;
      const { ActiveDirectory } = await import('./ldap/active-directory.js');
      return new ActiveDirectory({ ...(await connection(config, env)), userBase, domainBase, userIdAttribute, phoneAttribute, unmanagedGroups });
    }
  }
}
