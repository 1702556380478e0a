import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { API_PREFIX } from '../contract/api.js';
import { err } from '../contract/errors.js';
import { buildOpenApi } from './api/openapi.js';
import { registerRoutes, sendResult } from './api/register-routes.js';
import type { ServiceContext } from './service-context.js';

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

export interface BuildOptions {
  logger?: FastifyServerOptions['logger'];
}

/**
 * The directory service as a Fastify instance (not listening): used by the standalone CLI,
 * by the app's embedded demo, and by tests through `inject`.
 */
export async function buildServer(ctx: ServiceContext, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 16 * 1024,
    // Fastify's own 4xx errors (bad JSON, wrong content type, body too large) become typed results.
    return503OnClosing: true,
  });
  app.setErrorHandler(async (error: { statusCode?: number; message?: string }, request, reply) => {
    const status = error.statusCode ?? 500;
    if (status >= 500) request.log.error({ err: error }, 'unexpected error');
    const result = status < 500 ? err('BAD_REQUEST', error.message ?? 'Bad request') : err('INTERNAL', 'Unexpected error');
    await sendResult(ctx, request, reply, result);
    if (status < 500 && status !== 400) reply.code(status);
    return reply;
  });
  app.setNotFoundHandler(async (request, reply) => sendResult(ctx, request, reply, err('NOT_FOUND', 'Not found')));
  app.get('/healthz', async () => ({ ok: true, data: { status: 'ok' } }));
  const openapi = buildOpenApi(SERVICE_VERSION, Boolean(ctx.outbox));
  app.get(`${API_PREFIX}/openapi.json`, async () => openapi);
  registerRoutes(app, ctx);
  return app;
}
