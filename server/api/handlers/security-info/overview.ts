import { err, ok } from '../../../../contract/errors.js';
import { audit, iso } from '../../../service-context.js';
import { notifyUser } from '../../notify-user.js';
import type { Handler } from '../../handler.js';
import { addableTypes, elevated, isErr } from './guard.js';

const DAY = 86_400_000;

export const getSecurityInfo: Handler<'getSecurityInfo'> = async (ctx, { token }) => {
  const e = await elevated(ctx, token);
  if (isErr(e)) return e;
  const profile = await ctx.store.getProfile(e.session.userId);
  const usable = e.methods.filter((m) => e.policy.methodsEnabled.includes(m.type));
  const reconfirmDays = e.policy.registration.reconfirmDays;
  return ok({
    methods: e.methods.map(({ id, type, label, createdAt }) => ({ id, type, label, createdAt })),
    enabled: [...e.policy.methodsEnabled],
    canAdd: addableTypes(e.policy, e.methods),
    defaultMethodId: e.methods.some((m) => m.id === profile?.defaultMethodId) ? profile!.defaultMethodId! : null,
    required: e.policy.methodsRequired,
    // Questions never count alone: a reset needs a method other than questions.
    registrationComplete: usable.length >= e.policy.methodsRequired && usable.some((m) => m.type !== 'questions'),
    // Never confirmed: the newest registration counts as the last confirmation.
    reconfirmDue: reconfirmDays > 0 && usable.length > 0 && ctx.clock() - (profile?.reconfirmedAt ?? Math.max(...usable.map((m) => Date.parse(m.createdAt)))) > reconfirmDays * DAY,
  });
};

export const removeMethod: Handler<'removeMethod'> = async (ctx, { body, token, client }) => {
  const e = await elevated(ctx, token);
  if (isErr(e)) return e;
  const method = e.methods.find((m) => m.id === body.methodId);
  if (!method || !(await ctx.store.removeMethod(e.session.userId, method.id))) return err('NOT_FOUND', 'No such method');
  const profile = await ctx.store.getProfile(e.session.userId);
  if (profile?.defaultMethodId === method.id) {
    const { defaultMethodId: _removed, ...rest } = profile;
    const next = e.methods.find((m) => m.id !== method.id);
    await ctx.store.putProfile({ ...rest, ...(next ? { defaultMethodId: next.id } : {}) });
  }
  await audit(ctx, { event: `registration.remove.${method.type}`, userId: e.session.userId, client, outcome: 'success' });
  // Told on another channel; when none is left, on the removed one itself rather than not at all.
  await notifyUser(ctx, e.session.userId, { kind: 'securityInfo', change: `removed ${method.type} “${method.label}”` }, method.id, method);
  return ok({});
};

export const setDefaultMethod: Handler<'setDefaultMethod'> = async (ctx, { body, token, client }) => {
  const e = await elevated(ctx, token);
  if (isErr(e)) return e;
  if (!e.methods.some((m) => m.id === body.methodId)) return err('NOT_FOUND', 'No such method');
  const profile = (await ctx.store.getProfile(e.session.userId)) ?? { userId: e.session.userId, skipsUsed: 0 };
  await ctx.store.putProfile({ ...profile, defaultMethodId: body.methodId });
  await audit(ctx, { event: 'registration.default', userId: e.session.userId, client, outcome: 'success' });
  return ok({});
};

export const reconfirmSecurityInfo: Handler<'reconfirmSecurityInfo'> = async (ctx, { token, client }) => {
  const e = await elevated(ctx, token);
  if (isErr(e)) return e;
  const profile = (await ctx.store.getProfile(e.session.userId)) ?? { userId: e.session.userId, skipsUsed: 0 };
  const now = ctx.clock();
  await ctx.store.putProfile({ ...profile, reconfirmedAt: now });
  await audit(ctx, { event: 'registration.reconfirm', userId: e.session.userId, client, outcome: 'success' });
  return ok({ reconfirmedAt: iso(now) });
};
