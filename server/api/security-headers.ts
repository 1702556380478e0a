import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * Response headers of every answer of the service, errors and 404s included. The service
 * serves JSON only (no HTML, no scripts), so the CSP allows nothing at all and no page may
 * frame it; helmet sets the rest of the usual set (nosniff, HSTS, COOP, CORP…). No CORS
 * header is sent — none is set anywhere — so browsers keep refusing cross-origin reads: the
 * app reaches the service from its main process, never from a page.
 *
 * Must be awaited before any route is added, so its hooks cover them all.
 */
export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    crossOriginOpenerPolicy: { policy: 'same-origin' },
  });
  // Tokens, TOTP secrets, security info and the demo outbox pass through these answers: no
  // cache (browser, proxy, CDN) may keep any of them. Helmet has no Cache-Control of its own.
  app.addHook('onRequest', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });
}
