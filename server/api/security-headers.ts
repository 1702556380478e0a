import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyReply } from 'fastify';
import helmet from 'helmet';

/**
 * Response headers of every answer of the service, errors and 404s included. The service
 * serves JSON only (no HTML, no scripts), so the CSP allows nothing at all and no page may
 * frame it; helmet sets the rest of the usual set (nosniff, HSTS, COOP, CORP…). No CORS
 * header is sent — none is set anywhere — so browsers keep refusing cross-origin reads: the
 * app reaches the service from its main process, never from a page.
 *
 * Tokens, TOTP secrets, security info and the demo outbox pass through these answers: no
 * cache (browser, proxy, CDN) may keep any of them. Helmet has no Cache-Control of its own.
 */
const helmetOptions = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] },
  },
  frameguard: { action: 'deny' },
  referrerPolicy: { policy: 'no-referrer' },
  crossOriginResourcePolicy: { policy: 'same-origin' },
  crossOriginOpenerPolicy: { policy: 'same-origin' },
} as const;

/**
 * Helmet's headers for those options, worked out once. Why not @fastify/helmet: it ran helmet
 * on every request, parsing the CSP directives each time — 5% of the service's CPU on a code
 * verify. The options have no nonce and nothing per request, so the headers are constants.
 */
function helmetHeaders(): Readonly<Record<string, string>> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string | number) => void (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => void delete headers[name.toLowerCase()],
  };
  let finished = false;
  helmet(helmetOptions)({} as IncomingMessage, response as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error;
    finished = true;
  });
  // Helmet answers synchronously for options without functions; anything else would need each request.
  if (!finished) throw new Error('helmet did not set its headers at once: its options must not depend on the request');
  return Object.freeze({ ...headers, 'cache-control': 'no-store' });
}

const securityHeaders = helmetHeaders();

/** Must be awaited before any route is added, so its hook covers them all. */
export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(securityHeaders);
    done();
  });
}

/** The same headers for the one answer that skips every hook: a URL Fastify cannot decode (its `frameworkErrors`). */
export function setHeadersWithoutHooks(reply: FastifyReply): void {
  reply.headers(securityHeaders);
}
