/**
 * A test page for the REAL directory service: the service runs with startService on
 * 127.0.0.1, and a small node:http server on http://localhost:PORT (the origin WebAuthn
 * signs, matching the demo's `http://localhost:*`, rpId 'localhost') serves one page with the
 * real @simplewebauthn/browser bundle and proxies /api/* to the service, so the page calls
 * the API from its own origin (no CORS involved).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Page } from 'playwright';
import type { Result } from '../../../contract/errors.js';
import { API_PREFIX, apiRoutes, type ApiBody, type ApiData, type ApiRouteName } from '../../../contract/api.js';
import type { RunningService } from '../../../server/start-service.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Service page</title></head>
<body><main><h1>Sign-in Helper API test page</h1></main>
<script src="/swa.js"></script>
<script>
  window.harness = {
    /** Call the service's API from this origin, as the app's web host would. */
    api: (method, path, body, token) => fetch(path, {
      method,
      headers: Object.assign({ 'content-type': 'application/json' }, token ? { authorization: 'Bearer ' + token } : {}),
      body: method === 'POST' ? JSON.stringify(body) : undefined,
    }).then((r) => r.json()),
    register: (optionsJSON) => SWA.startRegistration({ optionsJSON }),
    authenticate: (optionsJSON) => SWA.startAuthentication({ optionsJSON }),
  };
</script></body></html>`;

async function bundleBrowserLibrary(): Promise<string> {
  const result = await build({ stdin: { contents: "export * from '@simplewebauthn/browser';", resolveDir: repoRoot, loader: 'js' }, bundle: true, format: 'iife', globalName: 'SWA', platform: 'browser', target: 'es2022', write: false, logLevel: 'silent' });
  const file = result.outputFiles[0];
  if (!file) throw new Error('esbuild produced no bundle for @simplewebauthn/browser');
  return file.text;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export interface ServicePage {
  origin: string;
  close(): Promise<void>;
}

/** Serve the page on localhost and proxy /api/* to `service`. */
export async function startServicePage(service: RunningService): Promise<ServicePage> {
  const swa = await bundleBrowserLibrary();
  const send = (res: ServerResponse, status: number, type: string, body: string | Buffer) => {
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
    res.end(body);
  };
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? '/';
    if (req.method === 'GET' && url === '/') return send(res, 200, 'text/html; charset=utf-8', PAGE);
    if (req.method === 'GET' && url === '/swa.js') return send(res, 200, 'text/javascript; charset=utf-8', swa);
    if (!url.startsWith('/api/')) return send(res, 404, 'text/plain', 'not found');
    const headers: Record<string, string> = {};
    if (req.headers['content-type']) headers['content-type'] = req.headers['content-type'];
    if (req.headers.authorization) headers.authorization = req.headers.authorization;
    const upstream = await fetch(service.url + url, { method: req.method ?? 'GET', headers, ...(req.method === 'POST' ? { body: await readBody(req) } : {}) });
    return send(res, upstream.status, upstream.headers.get('content-type') ?? 'application/json', Buffer.from(await upstream.arrayBuffer()));
  };
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => send(res, 502, 'text/plain', String(error)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://localhost:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((e) => (e ? reject(e) : resolve()));
        server.closeAllConnections();
      }),
  };
}

interface PageHarness {
  api(method: string, path: string, body: unknown, token?: string): Promise<unknown>;
  register(options: unknown): Promise<unknown>;
  authenticate(options: unknown): Promise<unknown>;
}
// page.evaluate sends the function's source to the browser: no Node-side helper may be referenced in it.

/** Call a route of contract/api.ts from the page (browser → proxy → service). */
export async function pageCall<N extends ApiRouteName>(page: Page, name: N, body: ApiBody<N>, token?: string): Promise<Result<ApiData<N>>> {
  const route = apiRoutes[name];
  return (await page.evaluate(([m, p, b, t]) => (globalThis as unknown as { harness: PageHarness }).harness.api(m, p, b, t), [route.method, API_PREFIX + route.path, body, token] as const)) as Result<ApiData<N>>;
}
/** navigator.credentials.create() with the service's options, through @simplewebauthn/browser. */
export const browserRegister = (page: Page, options: unknown) => page.evaluate((o) => (globalThis as unknown as { harness: PageHarness }).harness.register(o), options);
/** navigator.credentials.get() with the service's options. */
export const browserAuthenticate = (page: Page, options: unknown) => page.evaluate((o) => (globalThis as unknown as { harness: PageHarness }).harness.authenticate(o), options);
