/**
 * Small zod builders shared by the config schemas, so every range reads the same way in the
 * schema and in its error (`at least 3`, `at most 10`).
 */
import { isIP } from 'node:net';
import { z } from 'zod';

/** A whole number within [min, max]. */
export const int = (min: number, max: number) => z.number().int('must be a whole number').min(min).max(max);

export const envName = z.string().regex(/^[A-Z_][A-Z0-9_]{0,127}$/, 'must be the NAME of an environment variable (A–Z, 0–9, _), not its value');

export const filePath = z.string().min(1, 'must be a file path');

/** A group name as the directory reports it (AD CN, LDAP cn, or a demo group). */
export const groupName = z.string().min(1).max(256);

export const groupList = z.array(groupName).max(200);

/** Throttle in the file: counts and minutes (the service keeps milliseconds). */
export const throttleSchema = (maxMax: number, minMax = 1) =>
  z
    .strictObject({
      max: int(minMax, maxMax),
      windowMinutes: int(1, 10_080),
      blockMinutes: int(1, 43_200),
    })
    .partial();

export const isLoopbackHost = (host: string): boolean => host === 'localhost' || host === '::1' || host === '[::1]' || (isIP(host) === 4 && host.startsWith('127.'));

/** proxy-addr's names for the ranges a proxy on the same machine or network usually has. */
export const proxyRangeNames = ['loopback', 'linklocal', 'uniquelocal'] as const;

/**
 * Why `entry` cannot name trusted proxies, or undefined when it can: an IP address, a CIDR
 * range (`10.0.0.0/8`, `fd00::/8`) or one of `proxyRangeNames`. A /0 range is refused: it
 * trusts every address, which lets any client choose its own address.
 */
export function proxyEntryProblem(entry: string): string | undefined {
  if ((proxyRangeNames as readonly string[]).includes(entry)) return undefined;
  const [address = '', prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  const wanted = `must be an IP address, a CIDR range (10.0.0.0/8, fd00::/8) or one of ${proxyRangeNames.join(', ')}`;
  if (version === 0 || rest.length > 0) return wanted;
  if (prefix === undefined) return undefined;
  const bits = version === 4 ? 32 : 128;
  if (!/^\d{1,3}$/.test(prefix) || Number(prefix) > bits) return `the prefix length must be 0–${bits} for an IPv${version} range`;
  if (Number(prefix) === 0) return 'a /0 range trusts every address, so any client could choose its own; list your proxies or their subnet';
  return undefined;
}

/** One entry of `server.trustedProxies`. */
export const proxyEntry = z.string().superRefine((entry, ctx) => {
  const problem = proxyEntryProblem(entry.trim());
  if (problem) ctx.addIssue({ code: 'custom', message: problem, input: entry });
});

/** https, or http on loopback only (a test double, a relay on the same machine). */
export const serviceUrl = z.url('must be a URL').refine((value) => {
  // zod runs refinements even after the format check failed.
  if (!URL.canParse(value)) return true;
  const url = new URL(value);
  return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
}, 'must be an https URL (http only for localhost / 127.0.0.1)');

/** Objects that are `[{…}]` with a unique field: duplicate ids are reported at the duplicate. */
export const uniqueBy =
  <T>(field: string, key: (item: T) => string) =>
  (items: T[], ctx: z.RefinementCtx) => {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      const k = key(item);
      if (seen.has(k)) ctx.addIssue({ code: 'custom', path: [index, field], message: `duplicate ${field} "${k}"` });
      seen.add(k);
    });
  };
