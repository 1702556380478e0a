import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

const { serveRendererOnAppOrigin } = await import('../../../../electron/main/protocol.js');
const { createAppOrigin } = await import('../../../../electron/main/app-origin.js');
const { CONTENT_SECURITY_POLICY } = await import('../../../../electron/core/csp.js');

describe('serveRendererOnAppOrigin', () => {
  it("handles 'https' on the session it is given, answering our host and refusing others", async () => {
    const protocol = { handle: vi.fn() };
    serveRendererOnAppOrigin(protocol, createAppOrigin('sign-in-helper.sspr.contoso.com'), '/nonexistent-root');
    expect(protocol.handle).toHaveBeenCalledOnce();
    const [scheme, handler] = protocol.handle.mock.calls[0] as [string, (request: Request) => Promise<Response>];
    expect(scheme).toBe('https');
    // Our host: the file is looked up (and missing in this root), with the CSP.
    const ours = await handler(new Request('https://sign-in-helper.sspr.contoso.com/index.html'));
    expect(ours.status).toBe(404);
    expect(ours.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    // Any other https request: refused.
    expect((await handler(new Request('https://www.example.com/'))).status).toBe(403);
  });
});
