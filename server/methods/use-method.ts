/**
 * What the flows do with any registered method, by looking its module up in `methods`:
 * show it, challenge it, check a proof, count what may still be added. The throttles that
 * every method shares live here, once.
 */
import type { Challenge, MethodChoice } from '../../contract/api.js';
import { err, ok, type Err, type Result } from '../../contract/errors.js';
import type { MethodType } from '../../contract/methods.js';
import type { SecretBox } from '../crypto/secret-box.js';
import type { SsprPolicy } from '../policy/policy.js';
import type { ServiceContext } from '../service-context.js';
import type { StoredMethod, StoredMethodOf } from '../store/store.js';
import { invalidCode, isRefused, methodKey, reserveAttempt, throttled, type Attempt } from '../verifiers/throttle.js';
import { hiddenMethod } from './hidden/index.js';
import type { TypedInput, TypedOwner } from './hidden/hidden-method.js';
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
  if (verdict === 'failed') return wrongProof(method.type, owner.policy, attempt);
  await attempt.passed();
  return ok(true);
}

/** INVALID_CODE for a wrong proof; with `showTriesLeft`, the tries left under its reserved attempt. */
const wrongProof = (type: MethodType, policy: Pick<SsprPolicy, 'showTriesLeft'>, attempt: Attempt): Err =>
  invalidCode(type === 'questions' ? 'The answers are not right' : 'The code is not valid', policy, attempt);

/** The method types this user may add now: enabled by their policy and under each module's limit. */
export function addableTypes(policy: SsprPolicy, registered: readonly StoredMethod[]): MethodType[] {
  return policy.methodsEnabled.filter((t) => registered.filter((m) => m.type === t).length < methods[t].maxPerUser(policy));
}

/** Methods that may stand as a second factor at sign-in (never email or questions: NIST, the seed). */
export const isSecondFactor = (method: StoredMethod): boolean => methods[method.type].secondFactor;

/** Address guesses of one account and method type at a hidden reset (a wrong number or address counts). */
export const addressKey = (userId: string, type: MethodType) => `typed-address:${userId.toLowerCase()}:${type}`;
/** Failed proofs of one account and method type at a hidden reset. */
export const typedVerifyKey = (userId: string, type: MethodType) => `typed-verify:${userId.toLowerCase()}:${type}`;

// The compiler cannot narrow a union by a generic type parameter; `type` is the discriminant.
const ofType = <T extends MethodType>(type: T, candidates: readonly StoredMethod[]): StoredMethodOf<T>[] => candidates.filter((m) => m.type === type) as unknown as StoredMethodOf<T>[];

/**
 * Begin verifying a method TYPE (hideAccountState): the same answer, the same count and the
 * same work for every account, whatever it has registered. `candidates`: the account's
 * methods the reset may pass (none for an unknown account or one that cannot reset). Every
 * challenge that names an address is counted on the account and type, matched or not and
 * never cleared by a match (a limit that a match resets would tell it matched), so addresses
 * cannot be guessed; the limits are the tenant's, never a group's.
 */
export async function startTypedChallenge(ctx: ServiceContext, owner: TypedOwner, candidates: readonly StoredMethod[], input: TypedInput & { methodType: MethodType }): Promise<Result<Challenge>> {
  const type = input.methodType;
  if (!owner.shown.methodsEnabled.includes(type)) return err('METHOD_NOT_AVAILABLE', 'That method type is not enabled');
  const challenge = async <T extends MethodType>(t: T): Promise<Result<Challenge>> => {
    const module = hiddenMethod(t);
    const address = await module.readAddress(input);
    if (address && !address.ok) return address;
    if (address) {
      const attempt = await reserveAttempt(ctx, addressKey(owner.userId, t), owner.shown.verifyFailures);
      if (isRefused(attempt)) return attempt;
    }
    return module.challenge(ctx, owner, ofType(t, candidates), address ? address.data : null);
  };
  return challenge(type);
}

/**
 * Check a proof of a method TYPE (hideAccountState): reserved before the check on the account
 * and type, the same for every account; only a passed proof clears the count (the user has
 * proven who they are). A proof of the wrong kind counts like a wrong one. The method passed.
 */
export async function verifyTypedProof(ctx: ServiceContext, owner: TypedOwner, candidates: readonly StoredMethod[], input: ProofInput & { methodType: MethodType }): Promise<Result<StoredMethod>> {
  const type = input.methodType;
  if (!owner.shown.methodsEnabled.includes(type)) return err('METHOD_NOT_AVAILABLE', 'That method type is not enabled');
  const attempt = await reserveAttempt(ctx, typedVerifyKey(owner.userId, type), owner.shown.verifyFailures);
  if (isRefused(attempt)) return attempt;
  const check = async <T extends MethodType>(t: T): Promise<StoredMethod | null> => {
    const proof = methodModule(t).readProof(input);
    return proof ? ((await hiddenMethod(t).verify(ctx, owner, ofType(t, candidates), proof)) as StoredMethod | null) : null;
  };
  const passed = await check(type);
  // The tenant's knob (`shown`), never a group's: the answer is the same for every account.
  if (!passed) return wrongProof(type, owner.shown, attempt);
  await attempt.passed();
  await ctx.store.clearAttempts(addressKey(owner.userId, type));
  return ok(passed);
}
