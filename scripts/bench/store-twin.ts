/**
 * The service as its CLI starts it — configuration parsed by its schema, the configured
 * context, production logging at info, "listening on URL" — with one check left out: a
 * memory directory beside a PostgreSQL store. The CLI refuses that pair because several
 * instances would disagree on passwords; a bench runs one instance, and needs the same
 * directory on both stores so that only the store differs (verify-vs-floor.ts). Built by
 * the service's own esbuild options into dist/bench/ (compiled like dist/server/cli.mjs).
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { serviceLoggerOptions } from '../../server/app.js';
import { serviceConfigSchema } from '../../server/config/config-schema.js';
import { createConfiguredContext } from '../../server/create-configured-context.js';
import { startService } from '../../server/start-service.js';
import { createStore } from '../../server/store/create-store.js';

// In a function: the bundle is CommonJS (no top-level await), like the CLI's.
async function main(): Promise<void> {
  const config = serviceConfigSchema.parse(parse(readFileSync(process.argv[2]!, 'utf8')));
  if (config.store.kind !== 'postgres') throw new Error('store-twin: for a PostgreSQL store; the CLI runs every other configuration');
  const url = process.env[config.store.urlEnv];
  if (!url) throw new Error(`store-twin: ${config.store.urlEnv} is not set`);
  // Every other check runs as in the CLI: the context is made with a throwaway store, then given PostgreSQL.
  const { context, close } = await createConfiguredContext({ ...config, store: { kind: 'sqlite', path: ':memory:' } });
  await context.store.close();
  context.store = await createStore({ kind: 'postgres', url });
  const service = await startService({ context, host: config.server.host, port: config.server.port, trustedProxies: config.server.trustedProxies, logger: serviceLoggerOptions('info') });
  console.log(`Directory service (bench twin) listening on ${service.url}`);
  process.once('SIGTERM', async () => {
    await service.close();
    await close();
    process.exit(0);
  });
}

void main();
