/**
 * Configured WebAuthn origins may end in `:*` (any port), for the demo and development where
 * the web host listens on a random loopback port. The verifier needs exact origins, so the
 * one the browser reports is checked against the patterns here and passed on exactly.
 */
export function matchesOrigin(pattern: string, origin: string): boolean {
  if (!pattern.endsWith(':*')) return pattern === origin;
  const base = pattern.slice(0, -2);
  const url = safeUrl(origin);
  return url !== null && `${url.protocol}//${url.hostname}` === base && /^\d+$/.test(url.port);
}

const safeUrl = (value: string): URL | null => {
  try {
    return new URL(value);
  } catch {
    return null;
  }
};

/** The origin inside a WebAuthn response's clientDataJSON, or null when unreadable. */
export function clientOrigin(response: unknown): string | null {
  const data = (response as { response?: { clientDataJSON?: unknown } } | null)?.response?.clientDataJSON;
  if (typeof data !== 'string' || data.length > 16_384) return null;
  try {
    const origin = (JSON.parse(Buffer.from(data, 'base64url').toString('utf8')) as { origin?: unknown }).origin;
    return typeof origin === 'string' ? origin : null;
  } catch {
    return null;
  }
}

/** The configured origins with wildcards resolved against this response's origin. */
export function exactOrigins(patterns: readonly string[], response: unknown): string[] {
  const origin = clientOrigin(response);
  return patterns.flatMap((p) => (p.endsWith(':*') ? (origin && matchesOrigin(p, origin) ? [origin] : []) : [p]));
}
