import type { FastifyServerOptions } from 'fastify';
import { buildServer } from './app.js';
import { createDemoContext } from './create-demo-context.js';
import type { ServiceContext } from './service-context.js';

export interface RunningService {
  /** Base URL, e.g. http://127.0.0.1:43121 */
  url: string;
  context: ServiceContext;
  close(): Promise<void>;
}

/**
 * Start the directory service and listen. With no context given it runs the Contoso demo;
 * the app embeds it this way on a random loopback port when no directory is configured.
 */
export async function startService(options: { host?: string; port?: number; context?: ServiceContext; logger?: FastifyServerOptions['logger'] } = {}): Promise<RunningService> {
  const context = options.context ?? (await createDemoContext());
  const app = await buildServer(context, { logger: options.logger ?? false });
  const host = options.host ?? '127.0.0.1';
  await app.listen({ host, port: options.port ?? 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return { url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`, context, close: () => app.close() };
}
