import Fastify, { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import { API_PREFIX } from '../contract/api.js';
import { err } from '../contract/errors.js';
import { buildOpenApi } from './api/openapi.js';
import { registerRoutes, sendResult } from './api/register-routes.js';
import { registerSecurityHeaders, setHeadersWithoutHooks } from './api/security-headers.js';
import { deliveriesSettled } from './methods/hidden/deliveries.js';
import type { ServiceContext } from './service-context.js';
import { warmingUp } from './warm-up.js';

export const SERVICE_VERSION = '0.1.0';

/** Paths pino must never print: tokens and anything a person typed as a secret. */
export const redactPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'body.password',
  'body.newPassword',
  'body.code',
  'body.secret',
  '*.password',
  '*.newPassword',
  '*.code',
  '*.secret',
  '*.sessionToken',
  '*.resetToken',
];

/**
 * Logger options for a running service: secrets redacted, and requests logged by path only —
 * a query string is never logged, whatever a misbehaving client puts in it.
 */
export const serviceLoggerOptions = (level: string) => ({
  level,
  redact: { paths: redactPaths, censor: '[redacted]' },
  serializers: {
    req: (req: { method: string; url: string; ip?: string }) => ({ method: req.method, path: req.url.split('?')[0], ip: req.ip }),
  },
});

/**
 * One log record per request — the request and its answer — not Fastify's two ("incoming
 * request", then "request completed"): each record is a synchronous write through the
 * redaction, and the pair was ~5% of a code verify's CPU. Errors are logged as Fastify does.
 */
class OneRecordPerRequest extends LogController {
  override incomingRequest(): void {}
  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (error) reply.log.error({ req: request, res: reply, err: error, responseTime: reply.elapsedTime }, 'request errored');
    else reply.log.info({ req: request, res: reply, responseTime: reply.elapsedTime }, 'request completed');
  }
}

export interface BuildOptions {
  logger?: FastifyServerOptions['logger'];
  https?: { cert: string | Buffer; key: string | Buffer };
  /**
   * The reverse proxies in front of the service (addresses, CIDR ranges, or proxy-addr's
   * `loopback`/`linklocal`/`uniquelocal`). The client address is then the right-most
   * X-Forwarded-For hop that is not one of them, so entries a client wrote to the left
   * of its own address are ignored. Empty or absent: the socket's peer is the client.
   */
  trustedProxies?: readonly string[];
}

/**
 * The directory service as a Fastify instance (not listening): used by the standalone CLI,
 * by the app's embedded demo, and by tests through `inject`.
 */
export async function buildServer(ctx: ServiceContext, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    logController: new OneRecordPerRequest(),
    ...(options.https ? { https: options.https } : {}),
    // Never `true` (trust every hop): a client could then name its own address.
    ...(options.trustedProxies?.length ? { trustProxy: [...options.trustedProxies] } : {}),
    bodyLimit: 16 * 1024,
    // Fastify's own 4xx errors (bad JSON, wrong content type, body too large) become typed results.
    return503OnClosing: true,
    // A URL Fastify cannot even decode (`/%E0%A4%A`) skips hooks and the error handler: typed, audited and headed like any other 400.
    frameworkErrors: (error, request, reply) => {
      setHeadersWithoutHooks(reply);
      void sendResult(ctx, request, reply, err('BAD_REQUEST', error.message || 'Bad request'), 400);
    },
  });
  await registerSecurityHeaders(app);
  app.setErrorHandler(async (error: { statusCode?: number; message?: string }, request, reply) => {
    const status = error.statusCode ?? 500;
    if (status >= 500) request.log.error({ err: error }, 'unexpected error');
    const result = status < 500 ? err('BAD_REQUEST', error.message ?? 'Bad request') : err('INTERNAL', 'Unexpected error');
    // Keep Fastify's precise 4xx (413 too large, 415 wrong content type) for proxies and logs.
    return sendResult(ctx, request, reply, result, status < 500 ? status : undefined);
  });
  app.setNotFoundHandler(async (request, reply) => sendResult(ctx, request, reply, err('NOT_FOUND', 'Not found')));
  // Liveness: the process answers. Readiness: it can serve, its store answers too.
  app.get('/healthz', async () => ({ ok: true, data: { status: 'ok' } }));
  app.get('/readyz', async (request, reply) => {
    const warming = warmingUp();
    if (warming.length > 0) return reply.code(503).send(err('NOT_AVAILABLE', `Warming up: ${warming.join(', ')}`));
    try {
      await ctx.store.ping();
      return { ok: true, data: { status: 'ready' } };
    } catch (e) {
      request.log.warn({ err: e }, 'not ready');
      return reply.code(503).send(err('NOT_AVAILABLE', 'The store is not available'));
    }
  });
  // Built on its first request (≈13 ms of zod → JSON Schema a start need not pay).
  let openapi: ReturnType<typeof buildOpenApi> | undefined;
  app.get(`${API_PREFIX}/openapi.json`, async () => (openapi ??= buildOpenApi(SERVICE_VERSION, Boolean(ctx.outbox))));
  registerRoutes(app, ctx);
  // Codes of the hidden reset go out in the background: a closing service lets them finish.
  app.addHook('onClose', async () => deliveriesSettled(ctx));
  return app;
}
