import { readFile as fsReadFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../core/csp.js';

/**
 * Serves the built renderer for every https request of the app's session (protocol.ts).
 * Pure (no Electron), so it is tested under Node. Only `https://<host>` is served; any other
 * https URL gets 403 without touching the disk or the network: the page has no business
 * fetching anything else (the CSP forbids it too). Files come from `root` only: a request
 * whose decoded path resolves outside `root` (`..`, `%2e%2e`, `..%2f`, backslashes) gets 404
 * like any unknown file, so a probe learns nothing. Every response carries the CSP.
 */
export interface AppRequestHandlerOptions {
  /** Absolute path of dist/renderer (inside the asar when packaged; Electron's fs reads it). */
  root: string;
  /** The app's host (AppOrigin.host): the one https host that is answered. */
  host: string;
  readFile?: (path: string) => Promise<Uint8Array>;
}

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
};

const baseHeaders = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
};

/** Build the `(request) => Response` function given to `protocol.handle('https', …)`. */
export function createAppRequestHandler({ root, host, readFile = fsReadFile }: AppRequestHandlerOptions): (request: Request) => Promise<Response> {
  const rootDir = resolve(root);
  return async (request) => {
    if (!isForHost(request.url, host)) return textResponse(403, 'Forbidden');
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method not allowed');
    const file = resolveInsideRoot(rootDir, request.url);
    if (!file) return textResponse(404, 'Not found');
    let body: Uint8Array;
    try {
      body = await readFile(file);
    } catch {
      return textResponse(404, 'Not found');
    }
    const type = contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream';
    return new Response(request.method === 'HEAD' ? null : body, {
      status: 200,
      headers: { ...baseHeaders, 'Content-Type': type },
    });
  };
}

/** True for `https://<host>/…` exactly: no other scheme, host, port or credentials. */
function isForHost(url: string, host: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.host === host && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}

/**
 * The file a URL's path names, or null when it would leave `rootDir`. The host was checked
 * by the caller. Exported for tests.
 */
export function resolveInsideRoot(rootDir: string, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return null; // malformed percent-encoding
  }
  // NUL and backslashes have no business in our asset names; on Windows a backslash is a separator.
  if (path.includes('\0') || path.includes('\\')) return null;
  if (path === '' || path === '/') path = '/index.html';
  const file = resolve(rootDir, `.${path}`);
  return file.startsWith(rootDir + sep) ? file : null;
}

function textResponse(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...baseHeaders, 'Content-Type': 'text/plain; charset=utf-8' } });
}
