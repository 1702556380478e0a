import { generateSecret, generateURI, verify } from 'otplib';
import type { SsprPolicy } from '../policy/policy.js';
import type { ServiceContext } from '../service-context.js';
import type { StoredMethodOf } from '../store/store.js';

export type TotpSettings = SsprPolicy['totp'];

/** A fresh secret from a CSPRNG (otplib uses the platform's crypto), base32. */
export const newTotpSecret = (settings: TotpSettings): string => generateSecret({ length: settings.secretBytes });

export const totpUri = (settings: TotpSettings, secret: string, issuer: string, accountName: string): string =>
  generateURI({ issuer, label: accountName, secret, algorithm: 'sha1', digits: settings.digits, period: settings.period });

/**
 * The time step a code matched, or null. Tolerance is ±window steps (POLICY.md: at most ±1).
 *
 * Everything the API admits is an answer here, never a throw (otplib throws on a token of
 * another length and on an `afterTimeStep` beyond the window): a code of the wrong length is
 * simply a wrong code, and a step already spent past the window's end (this instance's clock
 * behind the one that accepted it) leaves nothing to accept.
 */
export async function matchTotp(settings: TotpSettings, secret: string, code: string, nowMs: number, afterStep?: number): Promise<number | null> {
  if (code.length !== settings.digits || !/^[0-9]+$/.test(code)) return null;
  const epoch = Math.floor(nowMs / 1000);
  const epochTolerance = settings.window * settings.period;
  const lastStep = Math.floor((epoch + epochTolerance) / settings.period);
  if (afterStep !== undefined && afterStep >= lastStep) return null;
  const result = await verify({
    secret,
    token: code,
    algorithm: 'sha1',
    digits: settings.digits,
    period: settings.period,
    epoch,
    epochTolerance,
    ...(afterStep !== undefined ? { afterTimeStep: afterStep } : {}),
  });
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}

/**
 * Verify a code against a registered authenticator app, accepting each time step once:
 * the store's compare-and-set makes a replay fail even when two requests race.
 */
export async function verifyRegisteredTotp(ctx: Pick<ServiceContext, 'store' | 'box' | 'policy'>, method: StoredMethodOf<'authenticatorApp'>, code: string, nowMs: number): Promise<boolean> {
  if (!method.secret) return false;
  const step = await matchTotp(ctx.policy.totp, ctx.box.open(method.secret), code, nowMs, method.lastUsedStep);
  if (step === null) return false;
  return ctx.store.advanceTotpStep(method.id, step);
}
