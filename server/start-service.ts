import type { FastifyServerOptions } from 'fastify';
import { buildServer } from './app.js';
import { createDemoContext } from './create-demo-context.js';
import type { ServiceContext } from './service-context.js';
import { loadCommonPasswords } from './passwords/common-passwords.js';
import { warmUp } from './warm-up.js';

export interface RunningService {
  /** Base URL, e.g. http://127.0.0.1:43121 */
  url: string;
  context: ServiceContext;
  /** Stop accepting, finish requests in flight, then close the store. */
  close(): Promise<void>;
}

export interface StartOptions {
  host?: string;
  port?: number;
  context?: ServiceContext;
  logger?: FastifyServerOptions['logger'];
  /** PEM certificate and key: the service speaks https. */
  tls?: { cert: string | Buffer; key: string | Buffer };
  /** The reverse proxies in front of the service (see BuildOptions.trustedProxies). */
  trustedProxies?: readonly string[];
  /** How often expired sessions, codes and counters are swept (ms; 0 = never). */
  sweepEveryMs?: number;
}

/**
 * Start the directory service and listen. With no context given it runs the Contoso demo;
 * the app embeds it this way on a random loopback port when no directory is configured.
 */
export async function startService(options: StartOptions = {}): Promise<RunningService> {
  const context = options.context ?? (await createDemoContext());
  const app = await buildServer(context, {
    logger: options.logger ?? false,
    ...(options.tls ? { https: { cert: options.tls.cert, key: options.tls.key } } : {}),
    ...(options.trustedProxies ? { trustedProxies: options.trustedProxies } : {}),
  });
  const host = options.host ?? '127.0.0.1';
  await app.listen({ host, port: options.port ?? 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  // Listening first, then what the first requests will need (see warm-up.ts): /readyz waits for it.
  const failedWarmUp = (part: string) => (error: unknown) => app.log.warn({ err: error }, `warm-up of ${part} failed; it loads on first use`);
  warmUp('common-password list', loadCommonPasswords, failedWarmUp('the common-password list'));
  warmUp('WebAuthn', () => import('@simplewebauthn/server'), failedWarmUp('WebAuthn'));
  const sweepEvery = options.sweepEveryMs ?? 60_000;
  const sweeper = sweepEvery > 0 ? setInterval(() => void context.store.sweep(context.clock()).catch(() => undefined), sweepEvery) : null;
  sweeper?.unref();
  let closing: Promise<void> | null = null;
  return {
    url: `${options.tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`,
    context,
    close: () =>
      (closing ??= (async () => {
        if (sweeper) clearInterval(sweeper);
        await app.close(); // Fastify lets requests in flight finish before it resolves
        await context.store.close();
      })()),
  };
}
