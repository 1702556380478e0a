import { isIP } from 'node:net';
import { appHostSchema } from '../core/config/config-schema.js';

/**
 * The renderer's origin in the packaged app: `https://<host>`, served inside the app (see
 * protocol.ts), never fetched from the network. It is https because Chromium allows WebAuthn
 * only on secure http(s) origins, and the directory's rpId must be a registrable suffix of
 * <host> (docs/security.md, "WebAuthn origins"). Decided once, after the core knows its
 * directory and before the window exists; every "is this our page?" check asks this object.
 */
export interface AppOrigin {
  /** e.g. `localhost` or `sign-in-helper.sspr.contoso.com`. */
  readonly host: string;
  /** `https://<host>`. */
  readonly origin: string;
  /** The page the window loads. */
  readonly entryUrl: string;
  /** True when `url` is on exactly this origin (scheme, host and port). */
  owns(url: string): boolean;
}

/** The label put in front of a configured directory's host. */
export const APP_HOST_LABEL = 'sign-in-helper';

export interface DerivedAppHost {
  host: string;
  /** Set when the host could not be made to fit the directory (say it once in the log). */
  warning?: string;
}

/**
 * Which host the page is served on:
 * - `appHost` from configuration, when set (IT's answer when the rule below does not fit);
 * - a loopback directory (the embedded demo, rpId `localhost`) → `localhost`;
 * - a directory `https://sspr.contoso.com` → `sign-in-helper.sspr.contoso.com`, under which
 *   any rpId that is a suffix of the directory's host (sspr.contoso.com, contoso.com) is valid;
 * - a directory named by an IP address → `localhost`, with a warning: an rpId is never an IP
 *   address, so security keys need `appHost` there. Everything else still works.
 * Throws on an override that is not a DNS host name (config already refuses one; this is
 * the last line, so a bad value can never reach a URL).
 */
export function deriveAppHost(directoryUrl: string, override?: string): DerivedAppHost {
  if (override !== undefined) {
    const parsed = appHostSchema.safeParse(override);
    if (!parsed.success) throw new Error('appHost is not a DNS host name');
    return { host: parsed.data };
  }
  let hostname: string;
  try {
    hostname = new URL(directoryUrl).hostname.replace(/\.$/, '');
  } catch {
    throw new Error('The directory URL does not parse');
  }
  if (isLoopback(hostname)) return { host: 'localhost' };
  if (isIP(unbracket(hostname)) !== 0) {
    return { host: 'localhost', warning: 'The directory is named by an IP address: set appHost to a host under its WebAuthn rpId for security keys' };
  }
  const host = `${APP_HOST_LABEL}.${hostname}`;
  const checked = appHostSchema.safeParse(host);
  if (!checked.success) throw new Error('The directory host cannot carry the app host');
  return { host: checked.data };
}

/** The one origin object for `host` (already a checked DNS host name). */
export function createAppOrigin(host: string): AppOrigin {
  const parsed = appHostSchema.parse(host);
  const origin = `https://${parsed}`;
  return Object.freeze({
    host: parsed,
    origin,
    entryUrl: `${origin}/index.html`,
    owns: (url: string) => originOf(url) === origin,
  });
}

/**
 * `scheme://host[:port]` of a URL, or null when it does not parse. Rebuilt from protocol and
 * host rather than read from `url.origin`, which is the opaque "null" for non-special
 * schemes (a look-alike `app:` or custom scheme must simply not match).
 */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return null;
  }
}

function unbracket(hostname: string): string {
  return hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
}

/** localhost, *.localhost, 127.0.0.0/8, ::1 and IPv4-mapped 127.x (WHATWG spells it ::ffff:7fxx:…). */
function isLoopback(hostname: string): boolean {
  const name = unbracket(hostname.toLowerCase());
  if (name === 'localhost' || name.endsWith('.localhost')) return true;
  if (isIP(name) === 4) return name.startsWith('127.');
  if (isIP(name) === 6) return name === '::1' || /^::ffff:7f[0-9a-f]{2}:/.test(name);
  return false;
}
