import helmet from '@fastify/helmet';
import type { FastifyInstance, FastifyReply } from 'fastify';

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

/**
 * The same headers for the one answer that skips every hook: a URL Fastify cannot decode
 * (its `frameworkErrors`). Kept equal to what helmet sets above by the headers test, which
 * checks that answer too.
 */
export function setHeadersWithoutHooks(reply: FastifyReply): void {
  reply.headers({
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none';frame-ancestors 'none';base-uri 'none';form-action 'none'",
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cross-origin-resource-policy': 'same-origin',
    'cross-origin-opener-policy': 'same-origin',
    'strict-transport-security': 'max-age=31536000; includeSubDomains',
  });
}
