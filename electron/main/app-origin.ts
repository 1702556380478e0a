/**
 * The renderer's origin. The UI is served by our own privileged `app:` scheme (see
 * protocol.ts), so every check of "is this our page?" compares against these constants.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'sign-in-helper';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * `scheme://host` of a URL, or null when it does not parse.
 * Node's WHATWG `URL.origin` is the opaque "null" for non-special schemes such as `app:`,
 * so the origin is rebuilt from protocol and host instead of read from `url.origin`.
 */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return null;
  }
}

/** True when `url` belongs to the app's own origin. */
export function isAppUrl(url: string): boolean {
  return originOf(url) === APP_ORIGIN;
}
