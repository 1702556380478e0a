import fastifyStatic from '@fastify/static';
import Fastify from 'fastify';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { err } from '../../contract/errors.js';
import { firstScreenQuery } from '../../contract/first-screen.js';
import type { Core, CoreOptions } from '../core/core-types.js';
import { createCore } from '../core/create-core.js';
import { CONTENT_SECURITY_POLICY } from '../core/csp.js';
import { fakeOsPresencePrompt, type TestPresenceAnswer } from './test-presence.js';

export interface WebHostOptions extends Omit<CoreOptions, 'host' | 'presence' | 'hostHooks'> {
  /** The built renderer (dist/renderer). */
  rendererDir: string;
  /** 0 = any free port. */
  port?: number;
  log?: (message: string) => void;
  /**
   * TEST BOUNDARY (see test-presence.ts): fake the OS presence prompt's answer. Refused
   * unless the embedded demo directory runs. Absent: no presence check, as in any browser.
   */
  testPresence?: TestPresenceAnswer;
}

export interface WebHost {
  /** Open this in a browser: the token travels in the fragment, never to a server log. */
  url: string;
  origin: string;
  token: string;
  directoryUrl: string;
  /** Tell the open page to switch flow (as a second launch or a deep link does in Electron). */
  navigate: Core['navigate'];
  /** Forget the session now and tell the page. */
  wipe: Core['wipe'];
  close(): Promise<void>;
}

const sameSecret = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/**
 * The second host of the core: serves the built renderer on loopback and carries the IPC
 * contract over HTTP (`POST /ipc/<channel>`) to the same core the Electron host uses. Every
 * IPC call needs the per-launch bearer token; the Host header must name this loopback origin
 * (so another site cannot reach it through DNS rebinding).
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = randomBytes(32).toString('base64url');
  const { testPresence, ...coreOptions } = options;
  // A browser window cannot be kept out of screenshots, so the host has no content protection
  // to offer (hostHooks absent), and no OS presence check unless a test fakes its prompt.
  const core = await createCore({ ...coreOptions, host: 'web', ...(testPresence ? { presence: fakeOsPresencePrompt(testPresence) } : {}) }, options.log);
  if (testPresence && !core.demo) {
    await core.dispose();
    throw new Error('--test-presence fakes the OS presence prompt for tests and works only with the embedded demo directory');
  }
  const app = Fastify({ logger: false, bodyLimit: 64 * 1024 });
  /** The per-launch token as a bearer: what every IPC call and the event stream must show. */
  const holdsToken = (authorization: string | undefined): boolean => {
    const given = authorization?.startsWith('Bearer ') ? authorization.slice(7) : '';
    return given !== '' && sameSecret(given, token);
  };
  let origin = '';

  app.addHook('onRequest', async (request, reply) => {
    const host = request.headers.host ?? '';
    if (host !== new URL(origin).host && host !== new URL(origin).host.replace('localhost', '127.0.0.1')) {
      return reply.code(421).send(err('FORBIDDEN_SENDER', 'Wrong host'));
    }
  });
  app.addHook('onSend', async (_request, reply) => {
    reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('cross-origin-opener-policy', 'same-origin');
  });
  app.setErrorHandler(async (error: { statusCode?: number }, _request, reply) => {
    const status = error.statusCode ?? 500;
    return reply.code(status).send(status < 500 ? err('BAD_REQUEST', 'Bad request') : err('INTERNAL', 'Unexpected error'));
  });

  app.post<{ Params: { channel: string } }>('/ipc/:channel', async (request, reply) => {
    if (!holdsToken(request.headers.authorization)) return reply.code(401).send(err('UNAUTHORIZED', 'Missing or wrong token'));
    const requestOrigin = request.headers.origin;
    if (requestOrigin !== undefined && requestOrigin !== origin && requestOrigin !== origin.replace('localhost', '127.0.0.1')) {
      return reply.code(403).send(err('FORBIDDEN_SENDER', 'Wrong origin'));
    }
    return reply.code(200).send(await core.dispatch(request.params.channel, request.body));
  });

  // Main → renderer events as a server-sent event stream, behind the same token (the page
  // reads it with fetch, which can send the Authorization header; EventSource cannot).
  const streams = new Set<ServerResponse>();
  const unsubscribe = core.events.on((channel, payload) => {
    for (const stream of streams) stream.write(`event: ${channel}\ndata: ${JSON.stringify(payload)}\n\n`);
  });
  app.get('/events', async (request, reply) => {
    if (!holdsToken(request.headers.authorization)) return reply.code(401).send(err('UNAUTHORIZED', 'Missing or wrong token'));
    reply.hijack();
    const stream = reply.raw;
    stream.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'content-security-policy': CONTENT_SECURITY_POLICY,
    });
    stream.write(': connected\n\n');
    streams.add(stream);
    // A comment now and then keeps proxies and the browser from closing an idle stream.
    const keepAlive = setInterval(() => stream.write(': keep-alive\n\n'), 25_000).unref();
    request.raw.on('close', () => {
      clearInterval(keepAlive);
      streams.delete(stream);
    });
  });

  await app.register(fastifyStatic, { root: options.rendererDir, index: ['index.html'], cacheControl: false });

  // Loopback only, always: this server hands out the user's session to whoever holds the token.
  await app.listen({ host: '127.0.0.1', port: options.port ?? 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  // WebAuthn accepts http only on "localhost", so the page is opened there.
  origin = `http://localhost:${port}`;
  return {
    url: `${origin}/${firstScreenQuery(options)}#token=${token}`,
    origin,
    token,
    directoryUrl: core.directoryUrl,
    navigate: (to) => core.navigate(to),
    wipe: (reason) => core.wipe(reason),
    async close() {
      unsubscribe();
      for (const stream of streams) stream.end();
      await app.close();
      await core.dispose();
    },
  };
}
