/**
 * A method verified by TYPE, for resets under `hideAccountState` (the way Entra does it): the
 * reset start never lists the user's methods, so the user names a method type and proves it
 * — the full phone number or address (a code goes out only when it is the registered one),
 * the app's code, a security key, answers. Every answer, and the work behind it, is the same
 * whether the account exists, can reset, or has a method of that type at all.
 *
 * One module per method type, collected in `hiddenMethods` (./index.ts) like `methods`.
 */
import type { Result } from '../../../contract/errors.js';
import type { MethodType } from '../../../contract/methods.js';
import type { SsprPolicy } from '../../policy/policy.js';
import type { ServiceContext } from '../../service-context.js';
import type { StoredMethodOf } from '../../store/store.js';
import type { ChallengeOf, MethodOwner, ProofOf } from '../method-module.js';

/** What the user typed to ask for a challenge: the full address, for the types that send a code. */
export interface TypedInput {
  address?: string;
  country?: string;
}

/**
 * Who is verifying: the reset (its token hash) and its user — the canonical id of a real
 * account, or the id as typed for an unknown one. `shown` is the tenant's policy without
 * group overrides: everything an answer shows (digits, questions asked, limits) comes from it,
 * since a group's own values would tell who is in the group.
 */
export interface TypedOwner extends MethodOwner {
  shown: SsprPolicy;
}

export interface HiddenMethod<T extends MethodType> {
  /**
   * The address a challenge must name, normalized (E.164, a lower-cased email), or why it is
   * not one; null for the types that take no address. Checked before anything is counted.
   */
  readAddress(input: TypedInput): Promise<Result<string> | null>;
  /**
   * Answer a challenge. `candidates`: the user's methods of this type the reset offered and
   * that are not passed yet — none for an unknown account. The answer does not depend on them.
   */
  challenge(ctx: ServiceContext, owner: TypedOwner, candidates: StoredMethodOf<T>[], address: string | null): Promise<Result<ChallengeOf<T>>>;
  /** The candidate the proof passes, or null — after the same work as a real check when there is none. */
  verify(ctx: ServiceContext, owner: TypedOwner, candidates: StoredMethodOf<T>[], proof: ProofOf<T>): Promise<StoredMethodOf<T> | null>;
}
