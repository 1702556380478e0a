import { ok, type Ok } from '../../../../contract/errors.js';
import type { RegisteredMethod } from '../../../../contract/methods.js';
import { audit, iso, newId, type ServiceContext } from '../../../service-context.js';
import type { StoredMethod } from '../../../store/store.js';
import { notifyUser } from '../../notify-user.js';

/**
 * Store a newly proven method, audit it, and tell the user through another channel. The
 * first method a user registers becomes their default.
 */
export async function finishRegistration(
  ctx: ServiceContext,
  userId: string,
  fields: Omit<StoredMethod, 'id' | 'userId' | 'createdAt'>,
  client: string,
): Promise<Ok<{ method: RegisteredMethod }>> {
  const method: StoredMethod = { ...fields, id: newId('m'), userId, createdAt: iso(ctx.clock()) };
  await ctx.store.addMethod(method);
  const profile = (await ctx.store.getProfile(userId)) ?? { userId, skipsUsed: 0 };
  if (!profile.defaultMethodId) await ctx.store.putProfile({ ...profile, defaultMethodId: method.id, reconfirmedAt: ctx.clock() });
  await audit(ctx, { event: `registration.add.${method.type}`, userId, client, outcome: 'success' });
  await notifyUser(ctx, userId, { kind: 'securityInfo', change: `added ${method.type} “${method.label}”` }, method.id);
  return ok({ method: { id: method.id, type: method.type, label: method.label, createdAt: method.createdAt } });
}
