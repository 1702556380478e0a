import { err, ok, type Result } from '../../../../contract/errors.js';
import type { MethodType, RegisteredMethod } from '../../../../contract/methods.js';
import { methods } from '../../../methods/index.js';
import type { NewMethod, SetupOwner } from '../../../methods/method-module.js';
import { audit, iso, newId, type ServiceContext } from '../../../service-context.js';
import type { StoredMethod } from '../../../store/store.js';
import { notifyUser } from '../../notify-user.js';

/** A proven method of any type, ready to be stored. */
export type AnyNewMethod = { [T in MethodType]: NewMethod<T> }[MethodType];

/** What the owner sees of a method: never its secret or address. */
export const registered = ({ id, type, label, createdAt }: StoredMethod): RegisteredMethod => ({ id, type, label, createdAt });

/**
 * Store a newly proven method, audit it, and tell the user through another channel, in their
 * language. The first method a user registers becomes their default.
 */
export async function finishRegistration(ctx: ServiceContext, owner: SetupOwner, fields: AnyNewMethod): Promise<Result<{ method: RegisteredMethod }>> {
  const method = { ...fields, id: newId('m'), userId: owner.userId, createdAt: iso(ctx.clock()) } as StoredMethod;
  const module = methods[method.type];
  // The limit checked when the setup began is checked again, atomically, as the method is
  // stored: two setups begun in parallel cannot both land past it.
  const replacing = module.replacesExisting ? owner.methods.filter((m) => m.type === method.type).map((m) => m.id) : [];
  if (!(await ctx.store.addMethodUnder(method, module.maxPerUser(owner.policy), replacing))) return err('METHOD_LIMIT_REACHED', 'Remove one before you add another');
  const profile = await ctx.store.getProfile(owner.userId);
  if (!profile?.defaultMethodId) await ctx.store.putProfile({ ...(profile ?? { userId: owner.userId }), defaultMethodId: method.id, reconfirmedAt: ctx.clock() });
  await audit(ctx, { event: `registration.add.${method.type}`, userId: owner.userId, client: owner.client, outcome: 'success' });
  await notifyUser(ctx, owner.userId, { kind: 'securityInfo', change: { action: 'added', methodName: methods[method.type].name, label: method.label } }, owner.language, method.id);
  return ok({ method: registered(method) });
}
