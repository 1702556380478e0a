import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAppRequestHandler, resolveInsideRoot } from '../../../../electron/main/app-request-handler.js';
import { CONTENT_SECURITY_POLICY } from '../../../../electron/core/csp.js';

let base: string;
let root: string;
let serve: (request: Request) => Promise<Response>;

beforeAll(() => {
  // base/renderer is served; base/secret.txt is next to it and must stay unreachable.
  base = mkdtempSync(join(tmpdir(), 'app-protocol-'));
  root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>t</title>');
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'export {};');
  writeFileSync(join(base, 'secret.txt'), 'do not serve');
  writeFileSync(join(base, 'renderer-evil.txt'), 'sibling with a common prefix');
  serve = createAppRequestHandler({ root });
});

const get = (url: string) => serve(new Request(url));

describe('app protocol', () => {
  it('serves index.html with the CSP and a content type', async () => {
    const response = await get('app://sign-in-helper/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>t</title>');
  });

  it('serves / as index.html and assets as JavaScript', async () => {
    expect((await get('app://sign-in-helper/')).status).toBe(200);
    const script = await get('app://sign-in-helper/assets/index-abc.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('answers an unknown file with 404, still with the CSP', async () => {
    const response = await get('app://sign-in-helper/nope.js');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('refuses other hosts and non-GET methods', async () => {
    expect((await get('app://other-host/index.html')).status).toBe(404);
    expect((await serve(new Request('app://sign-in-helper/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
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
    'app://sign-in-helper/../../etc/passwd',
    'app://sign-in-helper/../secret.txt',
    'app://sign-in-helper/%2e%2e/secret.txt',
    'app://sign-in-helper/%2E%2E/%2E%2E/etc/passwd',
    'app://sign-in-helper/..%2fsecret.txt',
    'app://sign-in-helper/..%2F..%2F..%2Fetc%2Fpasswd',
    'app://sign-in-helper/assets/..%2f..%2fsecret.txt',
    'app://sign-in-helper/%252e%252e/secret.txt',
    'app://sign-in-helper/..%5csecret.txt',
    'app://sign-in-helper/..\\secret.txt',
    'app://sign-in-helper/%2e%2e%2frenderer-evil.txt',
    'app://sign-in-helper/index.html%00.js',
    'app://sign-in-helper/%E0%A4%A',
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
