/**
 * What the flows do with any registered method, by looking its module up in `methods`:
 * show it, challenge it, check a proof, count what may still be added. The throttles that
 * every method shares live here, once.
 */
import type { Challenge, MethodChoice } from '../../contract/api.js';
import { err, ok, type Result } from '../../contract/errors.js';
import type { MethodType } from '../../contract/methods.js';
import type { SecretBox } from '../crypto/secret-box.js';
import type { SsprPolicy } from '../policy/policy.js';
import type { ServiceContext } from '../service-context.js';
import type { StoredMethod, StoredMethodOf } from '../store/store.js';
import { isRefused, methodKey, reserveAttempt, throttled } from '../verifiers/throttle.js';
import { methodModule, methods } from './index.js';
import type { MethodOwner, ProofInput, Verdict } from './method-module.js';

/** How a registered method is offered to someone who has not proven who they are yet. */
export function methodChoice(method: StoredMethod, box: SecretBox): MethodChoice {
  const hint = <T extends MethodType>(m: StoredMethodOf<T>) => methodModule<T>(m.type).hint(m, box);
  return { id: method.id, type: method.type, hint: hint(method) };
}

/**
 * Begin verifying one registered method: send a code (text, call, email; a resend replaces
 * the previous code), draw security questions, or make WebAuthn options. A blocked method
 * gets nothing sent.
 */
export async function startChallenge(ctx: ServiceContext, owner: MethodOwner, method: StoredMethod): Promise<Result<Challenge>> {
  const blocked = await throttled(ctx, methodKey(method.id));
  if (blocked) return blocked;
  const challenge = <T extends MethodType>(m: StoredMethodOf<T>): Promise<Result<Challenge>> => methodModule<T>(m.type).challenge(ctx, owner, m);
  return challenge(method);
}

/**
 * Check a proof for one registered method. The attempt is reserved before the check runs,
 * so parallel wrong proofs get at most the limit evaluated; a blocked method refuses even
 * the right proof; every wrong proof (a proof of the wrong kind too) stays counted.
 */
export async function verifyProof(ctx: ServiceContext, owner: MethodOwner, method: StoredMethod, input: ProofInput): Promise<Result<true>> {
  const attempt = await reserveAttempt(ctx, methodKey(method.id), owner.policy.verifyFailures);
  if (isRefused(attempt)) return attempt;
  const check = async <T extends MethodType>(m: StoredMethodOf<T>): Promise<Verdict> => {
    const module = methodModule<T>(m.type);
    const proof = module.readProof(input);
    return proof ? module.verify(ctx, owner, m, proof) : 'failed';
  };
  // A check that throws stays counted: an input that makes a verifier throw must not buy free tries.
  const verdict = await check(method);
  if (verdict === 'noChallenge') {
    // Nothing secret was compared (no challenge was asked for, or it was just spent by the right code).
    await attempt.giveBack();
    return err('STEP_NOT_ALLOWED', 'Ask for a code (or questions, or a security key prompt) first');
  }
  if (verdict === 'failed') return err('INVALID_CODE', method.type === 'questions' ? 'The answers are not right' : 'The code is not valid');
  await attempt.passed();
  return ok(true);
}

/** The method types this user may add now: enabled by their policy and under each module's limit. */
export function addableTypes(policy: SsprPolicy, registered: readonly StoredMethod[]): MethodType[] {
  return policy.methodsEnabled.filter((t) => registered.filter((m) => m.type === t).length < methods[t].maxPerUser(policy));
}

/** Methods that may stand as a second factor at sign-in (never email or questions: NIST, the seed). */
export const isSecondFactor = (method: StoredMethod): boolean => methods[method.type].secondFactor;
