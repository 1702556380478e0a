/**
 * The directory service on its own:
 *   npm run server -- --demo [--port 8787] [--host 127.0.0.1]
 *   npm run server -- --config service.yaml [--port N]     (TLS, store, notifications from the file)
 *   npm run server -- --config service.yaml --check        (validate the file, bind and search the directory once, start nothing)
 *   npm run server -- --config service.yaml --check --user alain   (and show what the service sees of that account)
 *   npm run server -- --config service.yaml --export-audit [--since 2026-01-01T00:00:00Z] > audit.jsonl
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { serviceLoggerOptions } from './app.js';
import { ConfigError } from './config/config-error.js';
import { loadServiceConfig } from './config/load-config.js';
import { createConfiguredContext } from './create-configured-context.js';
import { isLoopbackHost } from './config/schema-helpers.js';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, contosoUsers } from './demo/contoso.js';
import { exportAuditJsonLines } from './audit/export-audit.js';
import { startService, type StartOptions } from './start-service.js';
import { checkDirectory } from './config/check-directory.js';

const usage = 'Usage: npm run server -- (--demo | --config FILE [--check [--user ID] | --export-audit [--since ISO]]) [--port N] [--host H]';
const { values } = parseArgs({
  options: {
    demo: { type: 'boolean', default: false },
    config: { type: 'string' },
    check: { type: 'boolean', default: false },
    user: { type: 'string' },
    'export-audit': { type: 'boolean', default: false },
    since: { type: 'string' },
    port: { type: 'string' },
    host: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

const fail = (message: string, code = 2): never => {
  console.error(message);
  process.exit(code);
};

/** A certificate or key file, or a ConfigError naming the field that points at it. */
async function readTlsFile(path: string, field: 'certFile' | 'keyFile'): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    throw new ConfigError([`server.tls.${field}: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`], values.config);
  }
}

if (values.help) {
  console.log(usage);
  process.exit(0);
}
if (values.demo === Boolean(values.config)) fail(`Give exactly one of --demo or --config FILE.\n${usage}`);
const port = values.port === undefined ? undefined : Number(values.port);
if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) fail(`--port must be a number from 0 to 65535, not "${values.port}"`);

/**
 * Starts (or checks, or exports from) the service. A function rather than top-level await:
 * the bundle is CommonJS, so that its V8 code cache can be kept (scripts/service-loader.mjs).
 */
async function main(): Promise<void> {
  try {
    const options: StartOptions = { logger: serviceLoggerOptions('info') };
    let closeContext = async () => undefined as void;
    if (values.config) {
      const config = await loadServiceConfig(values.config);
      if (values.check) {
        console.log(`${values.config}: OK (tenant ${config.tenant.name}, store ${config.store.kind}, directory ${config.directory.kind})`);
        const directory = await checkDirectory(config.directory, process.env, values.user);
        for (const line of directory.lines) (directory.ok ? console.log : console.error)(line);
        process.exit(directory.ok ? 0 : 2);
      }
      const { context, close } = await createConfiguredContext(config);
      if (values['export-audit']) {
        await exportAuditJsonLines(context.store, process.stdout, values.since);
        await context.store.close();
        await close();
        process.exit(0);
      }
      Object.assign(options, {
        context,
        host: values.host ?? config.server.host,
        port: port ?? config.server.port,
        trustedProxies: config.server.trustedProxies,
        ...(config.server.tls ? { tls: { cert: await readTlsFile(config.server.tls.certFile, 'certFile'), key: await readTlsFile(config.server.tls.keyFile, 'keyFile') } } : {}),
      });
      closeContext = close;
    } else {
      // The demo's users and their password are published: never reachable from another machine.
      if (values.host !== undefined && !isLoopbackHost(values.host)) fail(`--demo serves published demo accounts and listens on loopback only; --host ${values.host} is refused (use --config FILE for a real service)`);
      Object.assign(options, { host: values.host ?? '127.0.0.1', port: port ?? 8787 });
    }

    const started = Date.now();
    const service = await startService(options);
    console.log(`Directory service (${service.context.tenant.name}${service.context.tenant.demo ? ', demo' : ''}) listening on ${service.url} — ready in ${Date.now() - started} ms`);
    console.log(`Health: ${service.url}/healthz  Ready: ${service.url}/readyz  OpenAPI: ${service.url}/api/v1/openapi.json`);
    if (values.demo) {
      console.log(`Outbox: ${service.url}/api/v1/demo/outbox`);
      console.log(`Demo users: ${contosoUsers.map((u) => u.userId).join(', ')} — password ${DEMO_PASSWORD}; alain's authenticator secret ${DEMO_TOTP_SECRET}`);
    }

    // Graceful: stop taking requests, let those in flight finish, close the store.
    const stop = async (signal: string) => {
      console.log(`${signal}: finishing requests in flight, then closing…`);
      const force = setTimeout(() => fail('Shutdown took longer than 10 s; exiting.', 1), 10_000);
      force.unref();
      await service.close();
      await closeContext();
      process.exit(0);
    };
    process.once('SIGINT', () => void stop('SIGINT'));
    process.once('SIGTERM', () => void stop('SIGTERM'));
  } catch (e) {
    if (e instanceof ConfigError) fail(e.message);
    const code = (e as NodeJS.ErrnoException).code;
    fail(code === 'EADDRINUSE' ? `The port is in use. Choose another with --port.` : `The directory service could not start: ${(e as Error).message}`, 1);
  }
}

void main();
