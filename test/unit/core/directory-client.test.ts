/**
 * DirectoryClient tells apart: the directory can't be reached, took too long, failed, said no
 * (its own typed code, passed through), or answered something unreadable — against real
 * loopback servers that act as test doubles of a directory. And it refuses plain http to a
 * remote host before sending anything.
 */
import axios from 'axios';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DirectoryClient } from '../../../electron/core/directory/directory-client.js';
import { checkDirectoryUrl } from '../../../electron/core/directory/url-policy.js';
import { closedPort, sendJson, startDirectoryDouble, type DirectoryDouble } from '../../support/http-doubles.js';

let double: DirectoryDouble | undefined;
afterEach(async () => {
  await double?.close();
  double = undefined;
  vi.restoreAllMocks();
});

const codeOf = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error!.code);

describe('network failures', () => {
  it('a closed port → DIRECTORY_UNREACHABLE', async () => {
    const client = new DirectoryClient({ baseUrl: `http://127.0.0.1:${await closedPort()}` });
    expect(codeOf(await client.call('getTenant', {}))).toBe('DIRECTORY_UNREACHABLE');
  });

  it('a double that never answers, with timeoutMs 200 → DIRECTORY_TIMEOUT, in about that time', async () => {
    double = await startDirectoryDouble(() => undefined);
    const client = new DirectoryClient({ baseUrl: double.url, timeoutMs: 200 });
    const started = Date.now();
    expect(codeOf(await client.call('getTenant', {}))).toBe('DIRECTORY_TIMEOUT');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('a double that drops the connection → DIRECTORY_UNREACHABLE', async () => {
    double = await startDirectoryDouble((req) => req.socket.destroy());
    expect(codeOf(await new DirectoryClient({ baseUrl: double.url }).call('getTenant', {}))).toBe('DIRECTORY_UNREACHABLE');
  });
});

describe('answers it cannot use', () => {
  it('500 with an HTML page → DIRECTORY_ERROR', async () => {
    double = await startDirectoryDouble((_req, res) => {
      res.writeHead(500, { 'content-type': 'text/html' });
      res.end('<html><body>Internal Server Error</body></html>');
    });
    expect(codeOf(await new DirectoryClient({ baseUrl: double.url }).call('getTenant', {}))).toBe('DIRECTORY_ERROR');
  });

  it('200 with a body that does not match the route schema → DIRECTORY_BAD_RESPONSE', async () => {
    double = await startDirectoryDouble((_req, res) => sendJson(res, 200, { ok: true, data: { name: 42 } }));
    expect(codeOf(await new DirectoryClient({ baseUrl: double.url }).call('getTenant', {}))).toBe('DIRECTORY_BAD_RESPONSE');
  });

  it('200 with HTML → DIRECTORY_BAD_RESPONSE', async () => {
    double = await startDirectoryDouble((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html>captive portal</html>');
    });
    expect(codeOf(await new DirectoryClient({ baseUrl: double.url }).call('getTenant', {}))).toBe('DIRECTORY_BAD_RESPONSE');
  });

  it('a success body with an extra field (strict schema) → DIRECTORY_BAD_RESPONSE', async () => {
    double = await startDirectoryDouble((_req, res) => sendJson(res, 200, { ok: true, data: { name: 'Contoso', demo: false, helpdesk: {}, extra: 1 } }));
    expect(codeOf(await new DirectoryClient({ baseUrl: double.url }).call('getTenant', {}))).toBe('DIRECTORY_BAD_RESPONSE');
  });

  it('a redirect is not followed → not ok', async () => {
    double = await startDirectoryDouble((_req, res) => {
      res.writeHead(302, { location: 'http://example.com/' });
      res.end();
    });
    const result = await new DirectoryClient({ baseUrl: double.url }).call('getTenant', {});
    expect(codeOf(result)).toBe('DIRECTORY_BAD_RESPONSE');
    expect(double.requests).toHaveLength(1);
  });
});

describe('what the directory says', () => {
  it('a typed API error body passes through: code and support code', async () => {
    double = await startDirectoryDouble((_req, res) => sendJson(res, 400, { ok: false, error: { code: 'INVALID_CODE', message: 'The code is not valid', supportCode: 'ABCDEF0123' } }));
    const result = await new DirectoryClient({ baseUrl: double.url }).call('verifyReset', { methodId: 'm-1', code: '123456' }, 'T'.repeat(43));
    expect(result).toEqual({ ok: false, error: { code: 'INVALID_CODE', message: 'The code is not valid', supportCode: 'ABCDEF0123' } });
  });

  it('sends the route, method, JSON body and bearer token the contract names', async () => {
    let seen: { auth?: string; body: string } = { body: '' };
    double = await startDirectoryDouble((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += String(c)));
      req.on('end', () => {
        seen = { auth: req.headers.authorization, body };
        sendJson(res, 200, { ok: true, data: { passed: 1, required: 1, complete: true } });
      });
    });
    const result = await new DirectoryClient({ baseUrl: `${double.url}/` }).call('verifyReset', { methodId: 'm-1', code: '123456' }, 'T'.repeat(43));
    expect(result).toEqual({ ok: true, data: { passed: 1, required: 1, complete: true } });
    expect(double.requests).toEqual(['POST /api/v1/reset/verify']);
    expect(seen).toEqual({ auth: `Bearer ${'T'.repeat(43)}`, body: JSON.stringify({ methodId: 'm-1', code: '123456' }) });
  });
});

describe('transport security', () => {
  it.each(['http://example.com', 'http://10.0.0.5:8787', 'http://127.evil.example', 'ftp://127.0.0.1', 'not a url'])('%s → DIRECTORY_INSECURE without any request', async (baseUrl) => {
    const create = vi.spyOn(axios, 'create');
    const result = await new DirectoryClient({ baseUrl }).call('getTenant', {});
    expect(codeOf(result)).toBe('DIRECTORY_INSECURE');
    expect(create).not.toHaveBeenCalled();
  });

  it('https is accepted: the client really tries to connect (unreachable, not insecure)', async () => {
    const result = await new DirectoryClient({ baseUrl: `https://127.0.0.1:${await closedPort()}` }).call('getTenant', {});
    expect(codeOf(result)).toBe('DIRECTORY_UNREACHABLE');
  });

  it.each([
    ['https://directory.contoso.com', true],
    ['http://localhost:8787', true],
    ['http://127.0.0.1:8787', true],
    ['http://127.1.2.3', true],
    ['http://[::1]:8787', true],
    ['http://127.evil.example', false],
    ['http://127.0.0.1.nip.io', false],
    ['http://localhost.evil.example', false],
    ['http://192.168.1.10', false],
  ] as const)('checkDirectoryUrl(%s) allowed: %s', (url, allowed) => {
    expect(checkDirectoryUrl(url).ok).toBe(allowed);
  });
});
