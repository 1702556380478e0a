import { describe, expect, it, vi } from 'vitest';

const protocol = vi.hoisted(() => ({ registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() }));
vi.mock('electron', () => ({ protocol }));

const { handleAppProtocol, registerAppScheme } = await import('../../../../electron/main/protocol.js');
const { CONTENT_SECURITY_POLICY } = await import('../../../../electron/core/csp.js');

describe('app scheme', () => {
  it('is standard and secure, and nothing more privileged (no bypassCSP, no CORS, no service workers)', () => {
    registerAppScheme();
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledExactlyOnceWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it("handles 'app' with a handler that serves with the CSP header", async () => {
    handleAppProtocol('/nonexistent-root');
    expect(protocol.handle).toHaveBeenCalledOnce();
    const [scheme, handler] = protocol.handle.mock.calls[0] as [string, (request: Request) => Promise<Response>];
    expect(scheme).toBe('app');
    const response = await handler(new Request('app://sign-in-helper/index.html'));
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });
});
