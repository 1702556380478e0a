/** Loopback hosts, where plain http cannot be observed by anyone else on the network. */
const loopback = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);
/** 127.0.0.0/8 as an address literal (the URL parser normalizes IPv4); `127.evil.example` is a name, not loopback. */
const loopbackV4 = /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

/**
 * A directory URL the app may talk to: https anywhere, http only on loopback (the embedded
 * demo, a local test server). Returns the reason when it is refused.
 */
export function checkDirectoryUrl(raw: string): { ok: true; url: URL } | { ok: false; reason: string } {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: `not a URL: ${raw}` };
  }
  if (url.protocol === 'https:') return { ok: true, url };
  if (url.protocol === 'http:' && (loopback.has(url.hostname) || loopbackV4.test(url.hostname))) return { ok: true, url };
  return { ok: false, reason: `only https is allowed for a remote directory (got ${url.protocol}//${url.hostname})` };
}
