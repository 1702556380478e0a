/**
 * The service's TOTP against an independent implementation: OATH Toolkit's `oathtool`.
 * Codes oathtool makes must verify in the service, and the service's accept window must be
 * exactly ±1 step (POLICY.md).
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { DEMO_TOTP_SECRET } from '../../server/demo/contoso.js';
import { defaultPolicy } from '../../server/policy/policy.js';
import { matchTotp, newTotpSecret } from '../../server/verifiers/totp.js';

const settings = defaultPolicy.totp;
const at = (seconds: number) => new Date(seconds * 1000).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
const oathtool = (secret: string, seconds: number) =>
  execFileSync('oathtool', ['--totp', '-b', '--now', at(seconds), secret], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } }).trim();

describe('TOTP agrees with oathtool', () => {
  const times = [59, 1_111_111_109, 1_234_567_890, 2_000_000_000, Math.floor(Date.now() / 1000)];

  it.each(times)('the demo secret at t=%i: oathtool code verifies at the same step', async (t) => {
    const code = oathtool(DEMO_TOTP_SECRET, t);
    expect(code).toMatch(/^\d{6}$/);
    expect(await matchTotp(settings, DEMO_TOTP_SECRET, code, t * 1000)).toBe(Math.floor(t / 30));
  });

  it('fresh service secrets (160-bit) agree with oathtool over many steps', async () => {
    for (let i = 0; i < 5; i++) {
      const secret = newTotpSecret(settings);
      expect(secret.replace(/=+$/, '').length).toBeGreaterThanOrEqual(32);
      for (const t of [1_700_000_000 + i * 7919, 1_800_000_015 + i]) {
        expect(await matchTotp(settings, secret, oathtool(secret, t), t * 1000)).toBe(Math.floor(t / 30));
      }
    }
  });

  it('accepts the neighbouring steps and refuses two steps away', async () => {
    const t = 1_750_000_000;
    const code = oathtool(DEMO_TOTP_SECRET, t);
    expect(await matchTotp(settings, DEMO_TOTP_SECRET, code, (t + 30) * 1000)).not.toBeNull();
    expect(await matchTotp(settings, DEMO_TOTP_SECRET, code, (t - 30) * 1000)).not.toBeNull();
    expect(await matchTotp(settings, DEMO_TOTP_SECRET, code, (t + 90) * 1000)).toBeNull();
    expect(await matchTotp(settings, DEMO_TOTP_SECRET, code, (t - 90) * 1000)).toBeNull();
  });

  it('refuses a code from a step at or before the last one used (replay)', async () => {
    const t = 1_750_000_000;
    const step = Math.floor(t / 30);
    expect(await matchTotp(settings, DEMO_TOTP_SECRET, oathtool(DEMO_TOTP_SECRET, t), t * 1000, step)).toBeNull();
    expect(await matchTotp(settings, DEMO_TOTP_SECRET, oathtool(DEMO_TOTP_SECRET, t + 30), t * 1000, step)).toBe(step + 1);
  });
});
