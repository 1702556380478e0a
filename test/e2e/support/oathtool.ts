import { execFileSync } from 'node:child_process';

/**
 * A TOTP code from Debian's `oathtool`, the independent oracle: the app's codes come from
 * otplib, so an end-to-end test that types oathtool's code proves the two agree.
 * `offsetSeconds` moves the clock (a code is accepted once per time step).
 */
export function oathtoolCode(base32Secret: string, offsetSeconds = 0): string {
  const now = new Date(Date.now() + offsetSeconds * 1000).toISOString().replace('T', ' ').replace(/\..*$/, ' UTC');
  return execFileSync('oathtool', ['--totp', '-b', '--now', now, base32Secret.replace(/\s+/g, '')], { encoding: 'utf8' }).trim();
}
