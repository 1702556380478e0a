/**
 * The renderer's Content-Security-Policy, sent by both hosts (Electron's in-app https origin and
 * the web host). Nothing inline, nothing remote: scripts, styles and fetches come from the
 * app's own origin only; images may also be data: URLs (the QR code).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
