/**
 * `npm run server -- --demo --port 8787`: the directory service on its own.
 * Until the policy file and durable stores arrive, only the demo tenant can be served.
 */
import { parseArgs } from 'node:util';
import { serviceLoggerOptions } from './app.js';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, contosoUsers } from './demo/contoso.js';
import { startService } from './start-service.js';

const { values } = parseArgs({
  options: {
    demo: { type: 'boolean', default: false },
    port: { type: 'string', default: '8787' },
    host: { type: 'string', default: '127.0.0.1' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help || !values.demo) {
  console.log('Usage: npm run server -- --demo [--port 8787] [--host 127.0.0.1]');
  console.log('Only the demo tenant can be served by this version (--demo). A policy file and durable stores come next.');
  process.exit(values.help ? 0 : 2);
}

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a number from 0 to 65535, not "${values.port}"`);
  process.exit(2);
}

const service = await startService({ host: values.host, port, logger: serviceLoggerOptions('info') });
console.log(`Directory service (demo tenant Contoso) listening on ${service.url}`);
console.log(`OpenAPI: ${service.url}/api/v1/openapi.json   Outbox: ${service.url}/api/v1/demo/outbox`);
console.log(`Demo users: ${contosoUsers.map((u) => u.userId).join(', ')} — password ${DEMO_PASSWORD}; alain's authenticator secret ${DEMO_TOTP_SECRET}`);

const stop = async (signal: string) => {
  console.log(`${signal}: closing…`);
  await service.close();
  process.exit(0);
};
process.once('SIGINT', () => void stop('SIGINT'));
process.once('SIGTERM', () => void stop('SIGTERM'));
