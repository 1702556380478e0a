import { generate } from 'otplib';

const PERIOD_MS = 30_000;

/** The TOTP code an authenticator app would show at `nowMs` (otplib's epoch is in seconds). */
export function totpCode(secret: string, nowMs: number): Promise<string> {
  return generate({ secret, epoch: Math.floor(nowMs / 1000) });
}

/** The code of the next time step: accepted within the ±1 step tolerance, and never a replay of "now". */
export function nextStepCode(secret: string, nowMs: number): Promise<string> {
  return totpCode(secret, nowMs + PERIOD_MS);
}

/** A well-formed code that is valid in none of the steps the service accepts at `nowMs`. */
export async function wrongCode(secret: string, nowMs: number): Promise<string> {
  const valid = new Set(await Promise.all([-1, 0, 1].map((k) => totpCode(secret, nowMs + k * PERIOD_MS))));
  for (let n = 0; ; n++) {
    const candidate = String((123456 + n * 7919) % 1_000_000).padStart(6, '0');
    if (!valid.has(candidate)) return candidate;
  }
}
