import { generate } from 'otplib';
import { z } from 'zod';

/** How the service said this device's codes are made (public; the secret is kept apart). */
export const totpParamsSchema = z.strictObject({
  algorithm: z.enum(['SHA1', 'SHA256', 'SHA512']),
  digits: z.number().int().min(6).max(8),
  period: z.number().int().min(1).max(300),
});
export type TotpParams = z.infer<typeof totpParamsSchema>;

export interface CurrentCode {
  code: string;
  secondsLeft: number;
  period: number;
}

/** The code an authenticator shows at `nowMs`, and how long it stays on screen (otplib 13). */
export async function currentCode(secret: string, params: TotpParams, nowMs: number): Promise<CurrentCode> {
  const epoch = Math.floor(nowMs / 1000);
  const code = await generate({
    secret,
    algorithm: params.algorithm.toLowerCase() as 'sha1' | 'sha256' | 'sha512',
    digits: params.digits,
    period: params.period,
    epoch,
  });
  return { code, secondsLeft: params.period - (epoch % params.period), period: params.period };
}
