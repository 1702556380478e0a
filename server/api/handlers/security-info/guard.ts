import { err, type Err } from '../../../../contract/errors.js';
import type { MethodType } from '../../../../contract/methods.js';
import type { SetupOwner } from '../../../methods/method-module.js';
import { addableTypes } from '../../../methods/use-method.js';
import { policyForUser } from '../../../policy/policy.js';
import type { ServiceContext } from '../../../service-context.js';
import type { SessionRecord } from '../../../store/store.js';
import type { HandlerInput } from '../../handler.js';
import { currentSession } from '../session-handlers.js';

/** A session that may change security info, with everything a method's setup needs. */
export interface Elevated extends SetupOwner {
  session: SessionRecord;
}

/**
 * The session, only once it may change security info (password + a registered method), with
 * the policy that applies to this user, their methods, language and address.
 */
export async function elevated(ctx: ServiceContext, input: Pick<HandlerInput<never>, 'token' | 'client' | 'language'>): Promise<Elevated | Err> {
  const session = await currentSession(ctx, input.token);
  if (!session) return err('UNAUTHORIZED', 'Sign in again');
  if (!session.elevated) return err('SECOND_FACTOR_REQUIRED', 'Verify a registered method first');
  const user = await ctx.directory.findUser(session.userId);
  if (!user) return err('UNAUTHORIZED', 'Sign in again');
  return {
    session,
    userId: session.userId,
    sessionTokenHash: session.tokenHash,
    displayName: user.displayName,
    policy: policyForUser(ctx.policy, user.groups),
    methods: await ctx.store.listMethods(session.userId),
    language: input.language,
    client: input.client,
  };
}

export { isErr } from '../../handler.js';

/** Refuse a type the policy does not enable for this user, or one at its limit. */
export function mayAdd(e: SetupOwner, type: MethodType): Err | null {
  if (!e.policy.methodsEnabled.includes(type)) return err('METHOD_NOT_AVAILABLE', `${type} is not enabled by your organization`);
  if (!addableTypes(e.policy, e.methods).includes(type)) return err('METHOD_LIMIT_REACHED', `No more ${type} methods can be added`);
  return null;
}
