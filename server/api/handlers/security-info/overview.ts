import { err, ok } from '../../../../contract/errors.js';
import { methods } from '../../../methods/index.js';
import { addableTypes } from '../../../methods/use-method.js';
import { audit, iso, type ServiceContext } from '../../../service-context.js';
import { notifyUser } from '../../notify-user.js';
import type { Handler } from '../../handler.js';
import { registered } from './finish-registration.js';
import { elevated, isErr, type Elevated } from './guard.js';

const DAY = 86_400_000;

/** Enough usable methods for a reset, and not security questions alone. */
export const registrationComplete = (e: Elevated): boolean => {
  const usable = e.methods.filter((m) => e.policy.methodsEnabled.includes(m.type));
  return usable.length >= e.policy.methodsRequired && usable.some((m) => m.type !== 'questions');
};

/** How many more times this user may skip the registration asked for at launch. */
export async function skipsLeft(ctx: ServiceContext, e: Elevated): Promise<number> {
  const used = (await ctx.store.getProfile(e.userId))?.skipsUsed ?? 0;
  return Math.max(0, e.policy.registration.allowedSkips - used);
}

export const getSecurityInfo: Handler<'getSecurityInfo'> = async (ctx, input) => {
  const e = await elevated(ctx, input);
  if (isErr(e)) return e;
  const profile = await ctx.store.getProfile(e.userId);
  const usable = e.methods.filter((m) => e.policy.methodsEnabled.includes(m.type));
  const reconfirmDays = e.policy.registration.reconfirmDays;
  return ok({
    methods: e.methods.map(registered),
    enabled: [...e.policy.methodsEnabled],
    canAdd: addableTypes(e.policy, e.methods),
    defaultMethodId: e.methods.some((m) => m.id === profile?.defaultMethodId) ? profile!.defaultMethodId! : null,
    required: e.policy.methodsRequired,
    // Questions never count alone: a reset needs a method other than questions.
    registrationComplete: registrationComplete(e),
    // Never confirmed: the newest registration counts as the last confirmation.
    reconfirmDue: reconfirmDays > 0 && usable.length > 0 && ctx.clock() - (profile?.reconfirmedAt ?? Math.max(...usable.map((m) => Date.parse(m.createdAt)))) > reconfirmDays * DAY,
    requiredAtLaunch: e.policy.registration.requireAtLaunch,
    skipsLeft: Math.max(0, e.policy.registration.allowedSkips - (profile?.skipsUsed ?? 0)),
  });
};

export const removeMethod: Handler<'removeMethod'> = async (ctx, input) => {
  const e = await elevated(ctx, input);
  if (isErr(e)) return e;
  const method = e.methods.find((m) => m.id === input.body.methodId);
  if (!method) return err('NOT_FOUND', 'No such method');
  // Never below what the policy needs: a user with a working registration keeps one. (The
  // app disables Remove with the reason; this is the service's own word on it.)
  if (registrationComplete(e) && !registrationComplete({ ...e, methods: e.methods.filter((m) => m.id !== method.id) })) {
    return err('STEP_NOT_ALLOWED', 'Add another method before removing this one: a reset needs it');
  }
  if (!(await ctx.store.removeMethod(e.userId, method.id))) return err('NOT_FOUND', 'No such method');
  const profile = await ctx.store.getProfile(e.userId);
  if (profile?.defaultMethodId === method.id) {
    const { defaultMethodId: _removed, ...rest } = profile;
    const next = e.methods.find((m) => m.id !== method.id);
    await ctx.store.putProfile({ ...rest, ...(next ? { defaultMethodId: next.id } : {}) });
  }
  await audit(ctx, { event: `registration.remove.${method.type}`, userId: e.userId, client: e.client, outcome: 'success' });
  // Told on another channel; when none is left, on the removed one itself rather than not at all.
  await notifyUser(ctx, e.userId, { kind: 'securityInfo', change: { action: 'removed', methodName: methods[method.type].name, label: method.label } }, e.language, method.id, method);
  return ok({});
};

export const setDefaultMethod: Handler<'setDefaultMethod'> = async (ctx, input) => {
  const e = await elevated(ctx, input);
  if (isErr(e)) return e;
  if (!e.methods.some((m) => m.id === input.body.methodId)) return err('NOT_FOUND', 'No such method');
  const profile = (await ctx.store.getProfile(e.userId)) ?? { userId: e.userId };
  await ctx.store.putProfile({ ...profile, defaultMethodId: input.body.methodId });
  await audit(ctx, { event: 'registration.default', userId: e.userId, client: e.client, outcome: 'success' });
  return ok({});
};

export const reconfirmSecurityInfo: Handler<'reconfirmSecurityInfo'> = async (ctx, input) => {
  const e = await elevated(ctx, input);
  if (isErr(e)) return e;
  const profile = (await ctx.store.getProfile(e.userId)) ?? { userId: e.userId };
  const now = ctx.clock();
  await ctx.store.putProfile({ ...profile, reconfirmedAt: now });
  await audit(ctx, { event: 'registration.reconfirm', userId: e.userId, client: e.client, outcome: 'success' });
  return ok({ reconfirmedAt: iso(now) });
};
