/**
 * Stand-ins for what an account without the method does not have, so its checks cost what a
 * real check costs (an Argon2id verify, a TOTP match) and take as long: a timing difference
 * would tell a registered account from the others.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { Hasher } from '../../crypto/hasher.js';
import type { ServiceContext } from '../../service-context.js';
import { newTotpSecret } from '../../verifiers/totp.js';

const decoyHashes = new WeakMap<Hasher, Promise<string>>();

/** An Argon2id hash of a random value with the service's own hasher (same cost as a code's): computed once. */
export function decoyHash(hasher: Hasher): Promise<string> {
  let hash = decoyHashes.get(hasher);
  if (!hash) {
    hash = hasher.hash(randomBytes(16).toString('hex'));
    decoyHashes.set(hasher, hash);
  }
  return hash;
}

/** Verify `value` against nothing anyone holds: always false, at the price of a real verify. */
export async function decoyVerify(hasher: Hasher, value: string): Promise<false> {
  await hasher.verify(await decoyHash(hasher), value);
  return false;
}

const decoySecrets = new WeakMap<ServiceContext, string>();

/** A TOTP secret no app holds, for matching a code of an account without an app. */
export function decoyTotpSecret(ctx: ServiceContext): string {
  let secret = decoySecrets.get(ctx);
  if (!secret) {
    secret = newTotpSecret(ctx.policy.totp);
    decoySecrets.set(ctx, secret);
  }
  return secret;
}

const drawKeys = new WeakMap<ServiceContext, Buffer>();

/**
 * A random function of (service secret, user id): the security questions drawn for a user are
 * the same at every ask, so an unknown account (drawn from the pool) looks like a registered
 * one (drawn from its answers). The key is derived from the secrets key, so every instance
 * and every restart draws the same questions for the same id.
 */
export function seededRandom(ctx: ServiceContext, userId: string): (max: number) => number {
  let key = drawKeys.get(ctx);
  if (!key) {
    key = ctx.box.deriveKey('hidden-question-draw');
    drawKeys.set(ctx, key);
  }
  let counter = 0;
  const k = key;
  // 48 bits of HMAC per draw: the modulo bias over a pool of ≤ 40 questions is below 2^-40.
  return (max) => createHmac('sha256', k).update(`${userId.toLowerCase()}\n${counter++}`).digest().readUIntBE(0, 6) % max;
}
