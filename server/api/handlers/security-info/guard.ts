import { err, type Err } from '../../../../contract/errors.js';
import type { MethodType } from '../../../../contract/methods.js';
import { policyForUser, type SsprPolicy } from '../../../policy/policy.js';
import type { ServiceContext } from '../../../service-context.js';
import type { SessionRecord, StoredMethod } from '../../../store/store.js';
import { currentSession } from '../session-handlers.js';

export interface Elevated {
  session: SessionRecord;
  policy: SsprPolicy;
  methods: StoredMethod[];
  displayName: string;
}

/**
 * The session, only once it may change security info (password + a registered method), with
 * the policy that applies to this user and their methods.
 */
export async function elevated(ctx: ServiceContext, token: string | null): Promise<Elevated | Err> {
  const session = await currentSession(ctx, token);
  if (!session) return err('UNAUTHORIZED', 'Sign in again');
  if (!session.elevated) return err('SECOND_FACTOR_REQUIRED', 'Verify a registered method first');
  const user = await ctx.directory.findUser(session.userId);
  if (!user) return err('UNAUTHORIZED', 'Sign in again');
  return { session, policy: policyForUser(ctx.policy, user.groups), methods: await ctx.store.listMethods(session.userId), displayName: user.displayName };
}

export { isErr } from '../../handler.js';

/** How many of each method one user may register. */
const limits = (policy: SsprPolicy): Record<MethodType, number> => ({
  authenticatorApp: policy.maxAuthenticatorApps,
  sms: 1,
  voice: 1,
  email: 1,
  securityKey: 10,
  // Registering questions again replaces the previous answers.
  questions: Infinity,
});

/** The method types this user may add now: enabled by their policy and under the limits. */
export function addableTypes(policy: SsprPolicy, methods: readonly StoredMethod[]): MethodType[] {
  const max = limits(policy);
  return policy.methodsEnabled.filter((t) => methods.filter((m) => m.type === t).length < max[t]);
}

/** Refuse a type the policy does not enable for this user, or one at its limit. */
export function mayAdd(e: Elevated, type: MethodType): Err | null {
  if (!e.policy.methodsEnabled.includes(type)) return err('METHOD_NOT_AVAILABLE', `${type} is not enabled by your organization`);
  if (!addableTypes(e.policy, e.methods).includes(type)) return err('METHOD_LIMIT_REACHED', `No more ${type} methods can be added`);
  return null;
}
