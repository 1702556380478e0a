import { configProblems } from './config/check-config.js';
import { ConfigError } from './config/config-error.js';
import type { ServiceConfig } from './config/config-schema.js';
import { policyFromConfig } from './config/policy-from-config.js';
import { resolveSecretsKey, type Env } from './config/secrets-key.js';
import { Argon2Hasher } from './crypto/hasher.js';
import { SecretBox } from './crypto/secret-box.js';
import { createDirectory } from './directories/create-directory.js';
import { notifierFromConfig } from './notify/notifier-from-config.js';
import type { ServiceContext } from './service-context.js';
import { createStore } from './store/create-store.js';

/**
 * The service as IT configured it: policy, directory, store, secrets key, notifications and
 * the WebAuthn relying party, from a checked configuration. Everything that can be wrong is
 * reported at start-up (ConfigError), not at a user's first reset. The demo outbox route is
 * never exposed here, even when a channel is configured as `outbox`.
 */
export async function createConfiguredContext(config: ServiceConfig, env: Env = process.env): Promise<{ context: ServiceContext; close(): Promise<void> }> {
  // The same cross-field checks as --check, for a configuration that did not come through the
  // file loader: one that cannot work is refused here, never at a user's first request.
  const problems = configProblems(config);
  if (problems.length > 0) throw new ConfigError(problems);
  const policy = policyFromConfig(config.policy);
  // Outside demo mode there is no default key: secrets at rest need one the operator controls.
  const box = new SecretBox(await resolveSecretsKey(config, env));
  const storeConfig = config.store.kind === 'postgres' ? { kind: 'postgres' as const, url: env[config.store.urlEnv] ?? '' } : config.store;
  if (storeConfig.kind === 'postgres' && !storeConfig.url) throw new ConfigError([`store.urlEnv: environment variable ${config.store.kind === 'postgres' ? config.store.urlEnv : ''} is not set`]);
  const notify = await notifierFromConfig(config.notify, env);
  const store = await createStore(storeConfig);
  const directory = await createDirectory(config.directory, env);
  const context: ServiceContext = {
    tenant: { name: config.tenant.name, demo: false, helpdesk: { ...config.tenant.helpdesk } },
    policy,
    directory,
    store,
    notifier: notify.notifier,
    clock: Date.now,
    box,
    hasher: new Argon2Hasher(),
    webauthn: config.webauthn ?? { rpId: 'localhost', rpName: config.tenant.name, origins: ['http://localhost:*'] },
  };
  return {
    context,
    async close() {
      notify.close();
      await directory.close?.();
    },
  };
}
