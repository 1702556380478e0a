import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { API_PREFIX, apiRoutes, httpStatusOf, LANGUAGE_HEADER, type ApiRouteName } from '../../contract/api.js';
import { err, type Err, type Result } from '../../contract/errors.js';
import { languageFromHeader } from '../notify/messages.js';
import { DirectoryUnavailableError } from '../directories/directory.js';
import { auditedFailure, type ServiceContext } from '../service-context.js';
import { isRefused, reserveAttempt } from '../verifiers/throttle.js';
import type { Handler } from './handler.js';
import { addressScope, auditedJunk, junkKindOf } from './junk-audit.js';
import { handlers } from './handlers/index.js';

const bearer = (request: FastifyRequest): string | null => {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer ([A-Za-z0-9_-]{16,128})$/.exec(header) : null;
  return match?.[1] ?? null;
};

/**
 * An unknown path as the audit log keeps it: no query string (the API never uses one, so
 * whatever is there is the caller's input, maybe a secret) and bounded.
 */
const pathOnly = (url: string): string => url.split('?')[0]!.slice(0, 200);

/** Seconds until `retryAfter` (ISO), at least 1; 60 when the error does not say. */
export const retryAfterSeconds = (retryAfter: string | undefined, now: number): number =>
  retryAfter ? Math.max(1, Math.ceil((Date.parse(retryAfter) - now) / 1000)) : 60;

/**
 * Send a Result. Every failure gets a support code that is also in the audit log, so a user
 * reading it to the helpdesk points at an event there: for a meaningful failure its own
 * event; for junk (malformed, unknown path, missing or dead token, THROTTLED) the one
 * aggregate row of its kind, address and window (server/api/junk-audit.ts) — one request of
 * junk writes nothing of its own.
 */
export async function sendResult(ctx: ServiceContext, request: FastifyRequest, reply: FastifyReply, result: Result<unknown>, status?: number): Promise<FastifyReply> {
  if (result.ok) return reply.code(200).send(result);
  const detail = `${request.routeOptions.url ?? pathOnly(request.url)} ${result.error.code}`;
  const kind = junkKindOf(result.error.code);
  // A handler that audited its failure already put that event's support code on it.
  const failure: Err = result.error.supportCode ? result : kind ? await auditedJunk(ctx, { kind, client: request.ip, detail }, result) : await auditedFailure(ctx, { event: 'api.error', client: request.ip, detail }, result);
  const code = status ?? httpStatusOf[failure.error.code];
  // Every 429 says when to come back, in whole seconds (RFC 9110), for clients and proxies alike.
  if (code === 429) reply.header('retry-after', String(retryAfterSeconds(failure.error.retryAfter, ctx.clock())));
  return reply.code(code).send(failure);
}

/** Probes answer whatever the caller's count: a load balancer must never be throttled. */
const PROBES: ReadonlySet<string> = new Set(['/healthz', '/readyz']);

/**
 * Every request per client address — any route, GET or POST, with a token or without,
 * malformed, unknown or fine — counts towards `perAddress`, before its body is even parsed:
 * junk is not free, and one machine cannot walk through accounts, whatever each account's
 * own limits say. A user's whole session is far below the limit (test/unit/server/api/junk.test.ts
 * measures the longest flow).
 */
async function addressLimit(ctx: ServiceContext, ip: string): Promise<Err | null> {
  // An IPv6 client counts as its /64: one host picks any address in it, so the exact address would not limit anyone.
  const attempt = await reserveAttempt(ctx, `addr:${addressScope(ip)}`, ctx.policy.perAddress);
  return isRefused(attempt) ? attempt : null;
}

/**
 * The directory could not be asked (down, timeout, TLS, the service account refused): not the
 * user's fault nor a bug, so DIRECTORY_UNAVAILABLE (424) with a support code, audited with
 * what failed. Whatever the handler claimed before the directory was asked is its to give
 * back (writes answer `unreachable` as data for that). Anything else is a bug: rethrown (500).
 */
async function directoryOutage(ctx: ServiceContext, route: ApiRouteName, client: string, e: unknown): Promise<Err> {
  if (!(e instanceof DirectoryUnavailableError)) throw e;
  return auditedFailure(ctx, { event: 'directory.unavailable', client, detail: `${route}: ${e.code}` }, err('DIRECTORY_UNAVAILABLE', "The organization's directory is not answering; nothing was changed"));
}

/** Register every route of contract/api.ts: zod-parse the body, run the handler, send the Result. */
export function registerRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  // On the root instance: it covers the routes below, app.ts's own, the 404 handler and
  // Fastify's refusals (bad JSON, 413, 415), which all come after onRequest.
  app.addHook('onRequest', async (request, reply) => {
    if (request.routeOptions.url !== undefined && PROBES.has(request.routeOptions.url)) return;
    const limited = await addressLimit(ctx, request.ip);
    if (limited) return sendResult(ctx, request, reply, limited);
  });
  for (const name of Object.keys(apiRoutes) as ApiRouteName[]) {
    if (name === 'getDemoOutbox' && !ctx.outbox) continue; // absent, not merely refused, outside demo mode
    const route = apiRoutes[name];
    const handler = handlers[name] as Handler<ApiRouteName>;
    app.route({
      method: route.method,
      url: API_PREFIX + route.path,
      handler: async (request, reply) => {
        const parsed = route.body.safeParse(route.method === 'POST' ? request.body : {});
        if (!parsed.success) {
          const where = parsed.error.issues[0]?.path.join('.') || 'body';
          return sendResult(ctx, request, reply, err('BAD_REQUEST', `Invalid request: ${where}: ${parsed.error.issues[0]?.message ?? 'invalid'}`));
        }
        const token = bearer(request);
        if (route.auth !== 'none' && !token) return sendResult(ctx, request, reply, err('UNAUTHORIZED', 'A bearer token is required'));
        const header = request.headers[LANGUAGE_HEADER];
        const language = languageFromHeader(Array.isArray(header) ? header[0] : header);
        const result = await handler(ctx, { body: parsed.data as never, token, client: request.ip, language }).catch((e: unknown) => directoryOutage(ctx, name, request.ip, e));
        return sendResult(ctx, request, reply, result);
      },
    });
  }
}
