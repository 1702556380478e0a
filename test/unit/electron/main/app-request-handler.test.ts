import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createAppRequestHandler, resolveInsideRoot } from '../../../../electron/main/app-request-handler.js';
import { CONTENT_SECURITY_POLICY } from '../../../../electron/core/csp.js';

let base: string;
let root: string;
let serve: (request: Request) => Promise<Response>;
const host = 'sign-in-helper.sspr.contoso.com';

beforeAll(() => {
  // base/renderer is served; base/secret.txt is next to it and must stay unreachable.
  base = mkdtempSync(join(tmpdir(), 'app-protocol-'));
  root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>t</title>');
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'export {};');
  writeFileSync(join(base, 'secret.txt'), 'do not serve');
  writeFileSync(join(base, 'renderer-evil.txt'), 'sibling with a common prefix');
  serve = createAppRequestHandler({ root, host });
});

const get = (url: string) => serve(new Request(url));

describe('the in-app https origin', () => {
  it('serves index.html with the CSP and a content type', async () => {
    const response = await get('https://sign-in-helper.sspr.contoso.com/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>t</title>');
  });

  it('serves / as index.html and assets as JavaScript', async () => {
    expect((await get('https://sign-in-helper.sspr.contoso.com/')).status).toBe(200);
    const script = await get('https://sign-in-helper.sspr.contoso.com/assets/index-abc.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('answers an unknown file with 404, still with the CSP', async () => {
    const response = await get('https://sign-in-helper.sspr.contoso.com/nope.js');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('refuses non-GET methods on our host', async () => {
    expect((await serve(new Request('https://sign-in-helper.sspr.contoso.com/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });

  it.each([
    ['another https host', 'https://evil.example/index.html'],
    ['the directory itself (the renderer never calls it; the main process does)', 'https://sspr.contoso.com/api/v1/policy'],
    ['a look-alike suffix', 'https://sign-in-helper.sspr.contoso.com.evil.example/index.html'],
    ['a parent of our host', 'https://contoso.com/index.html'],
    ['our host on another port', 'https://sign-in-helper.sspr.contoso.com:8443/index.html'],
    ['our host over http', 'http://sign-in-helper.sspr.contoso.com/index.html'],
    ['the old app: scheme', 'app://sign-in-helper/index.html'],
  ])('refuses %s with 403, without reading a file', async (_name, url) => {
    const readFile = vi.fn(() => Promise.resolve(new Uint8Array([1])));
    const guarded = createAppRequestHandler({ root, host, readFile });
    const response = await guarded(new Request(url));
    expect(response.status).toBe(403);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(readFile).not.toHaveBeenCalled();
  });

  it('serves localhost (the embedded demo) only when that is the host', async () => {
    const demo = createAppRequestHandler({ root, host: 'localhost' });
    expect((await demo(new Request('https://localhost/index.html'))).status).toBe(200);
    expect((await demo(new Request('https://localhost:5173/index.html'))).status).toBe(403);
    expect((await get('https://localhost/index.html')).status).toBe(403);
  });

  it('the CSP allows nothing inline or remote', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; object-src 'none'",
    );
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|\*|https?:/);
  });
});

describe('security regression: path traversal out of dist/renderer', () => {
  const attempts = [
    'https://sign-in-helper.sspr.contoso.com/../../etc/passwd',
    'https://sign-in-helper.sspr.contoso.com/../secret.txt',
    'https://sign-in-helper.sspr.contoso.com/%2e%2e/secret.txt',
    'https://sign-in-helper.sspr.contoso.com/%2E%2E/%2E%2E/etc/passwd',
    'https://sign-in-helper.sspr.contoso.com/..%2fsecret.txt',
    'https://sign-in-helper.sspr.contoso.com/..%2F..%2F..%2Fetc%2Fpasswd',
    'https://sign-in-helper.sspr.contoso.com/assets/..%2f..%2fsecret.txt',
    'https://sign-in-helper.sspr.contoso.com/%252e%252e/secret.txt',
    'https://sign-in-helper.sspr.contoso.com/..%5csecret.txt',
    'https://sign-in-helper.sspr.contoso.com/..\\secret.txt',
    'https://sign-in-helper.sspr.contoso.com/%2e%2e%2frenderer-evil.txt',
    'https://sign-in-helper.sspr.contoso.com/index.html%00.js',
    'https://sign-in-helper.sspr.contoso.com/%E0%A4%A',
  ];

  it.each(attempts)('never serves a file outside the root: %s', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    const body = await response.text();
    expect(body).not.toContain('do not serve');
    expect(body).not.toContain('sibling');
    expect(body).not.toContain('root:');
  });

  it('resolves nothing outside the root', () => {
    for (const url of attempts) {
      const file = resolveInsideRoot(root, url);
      if (file !== null) expect(file.startsWith(join(root, '/'))).toBe(true);
    }
  });
});
