/**
 * `--check` on a file that names a real directory: bind as the service account and search
 * once (and, with `--user ID`, show what the service sees of that account), so IT learns of a
 * wrong password, CA or base before the first person tries to reset. Where the service
 * account's password is not in the environment (a check on another machine), the directory is
 * not contacted and the line says so.
 */
import type { DirectoryConfig } from './config-schema.js';
import { ConfigError } from './config-error.js';
import type { Env } from './secrets-key.js';
import { createDirectory } from '../directories/create-directory.js';
import { DirectoryUnavailableError, type DirectoryPasswordRules, type DirectoryUser } from '../directories/directory.js';

/** An id no account has: the search runs with the service account's rights and finds nothing. */
const PROBE_ID = 'sign-in-helper-config-check';

const nextStep: Record<string, string> = {
  SERVICE_BIND: 'check directory.bindDn and the password in the environment variable directory.bindPasswordEnv names',
  TLS: "check directory.tls.caFile (the CA that signed the directory's certificate) and directory.tls.serverName (the name in that certificate)",
  TIMEOUT: 'check directory.url and that this machine can reach it (firewall, port 636 or 389); directory.timeoutSeconds',
  ECONNREFUSED: 'check directory.url: nothing listens there',
  ENOTFOUND: 'check the host name in directory.url',
};

function describeRules(rules: DirectoryPasswordRules): string {
  const parts = [
    rules.minLength ? `minimum length ${rules.minLength}` : '',
    rules.complexity ? 'complexity (3 of 4 character classes)' : '',
    rules.history ? `history ${rules.history}` : '',
    rules.minAgeSeconds ? `minimum age ${rules.minAgeSeconds} s` : '',
  ].filter(Boolean);
  return parts.length ? `${parts.join(', ')}${rules.source ? ` (${rules.source})` : ''}` : 'none read';
}

function describeUser(id: string, user: DirectoryUser | null): string {
  if (!user) return `user ${id}: not found under the configured base and filter`;
  const state = user.state ? Object.entries(user.state).filter(([, v]) => v).map(([k]) => k) : [];
  return [
    `user ${id}: found as ${user.userId} (${user.displayName})`,
    `groups [${user.groups.join(', ')}]`,
    user.passwordManaged ? 'password managed here' : 'password managed elsewhere (PASSWORD_NOT_MANAGED)',
    state.length ? `state: ${state.join(', ')}` : 'state: usable',
    user.contact ? `pre-fills ${Object.keys(user.contact).join(', ')}` : 'no phone or mail to pre-fill',
  ].join('; ');
}

export async function checkDirectory(config: DirectoryConfig, env: Env, userId?: string): Promise<{ ok: boolean; lines: string[] }> {
  if (config.kind === 'memory') return { ok: true, lines: [`directory: memory (${config.users.length} users from the file; demos and tests only)`] };
  if (!env[config.bindPasswordEnv]) return { ok: true, lines: [`directory: not contacted — ${config.bindPasswordEnv} is not set here; set it to let --check bind and search once`] };
  let directory;
  try {
    directory = await createDirectory(config, env);
  } catch (e) {
    if (e instanceof ConfigError) return { ok: false, lines: e.problems };
    throw e;
  }
  try {
    const started = Date.now();
    const probe = await directory.findUser(userId ?? PROBE_ID);
    const rules = directory.passwordRules ? await directory.passwordRules(userId) : {};
    const lines = [`directory: OK — bound to ${config.url} as ${config.bindDn} and searched ${config.userBase} in ${Date.now() - started} ms; password rules: ${describeRules(rules)}`];
    if (userId) lines.push(describeUser(userId, probe));
    return { ok: true, lines };
  } catch (e) {
    if (!(e instanceof DirectoryUnavailableError)) throw e;
    // Node names certificate failures by their own codes (UNABLE_TO_VERIFY_LEAF_SIGNATURE, ERR_TLS_CERT_ALTNAME_INVALID…).
    const step = nextStep[e.code] ?? (/CERT|TLS|SSL|SIGNATURE/i.test(e.code) ? nextStep.TLS : 'check directory.url, directory.bindDn and the service account');
    return { ok: false, lines: [`directory: ${e.message} — ${step}`] };
  } finally {
    await directory.close?.();
  }
}
