import { err, ok } from '../../../../contract/errors.js';
import { methods } from '../../../methods/index.js';
import { audit, auditedFailure } from '../../../service-context.js';
import { notifyUser } from '../../notify-user.js';
import type { Handler } from '../../handler.js';
import { registered } from './finish-registration.js';
import { elevated, isErr } from './guard.js';
import { registrationComplete, skipsLeft } from './overview.js';

/**
 * Rename a method whose label is a name the user gave (an app, a key). A masked address or a
 * question count is not a name: refused. Never touches the secret; told like any change.
 */
export const renameMethod: Handler<'renameMethod'> = async (ctx, input) => {
  const e = await elevated(ctx, input);
  if (isErr(e)) return e;
  const method = e.methods.find((m) => m.id === input.body.methodId);
  if (!method) return err('NOT_FOUND', 'No such method');
  const module = methods[method.type];
  if (!module.userNamed) return err('METHOD_NOT_AVAILABLE', `A ${method.type} method has no name to change`);
  const name = input.body.name;
  await ctx.store.renameMethod(method.id, name);
  await audit(ctx, { event: `registration.rename.${method.type}`, userId: e.userId, client: e.client, outcome: 'success' });
  if (name !== method.label) {
    await notifyUser(ctx, e.userId, { kind: 'securityInfo', change: { action: 'renamed', methodName: module.name, label: name, previousLabel: method.label } }, e.language, method.id);
  }
  return ok({ method: registered({ ...method, label: name }) });
};

/**
 * Skip the registration asked for at launch (PWM's FORCE_ALLOW_SKIP). The skip is counted by
 * the store in one atomic step, so parallel skips never exceed `allowedSkips`. Nothing is
 * counted when there is nothing to skip (not asked at launch, or registration complete).
 */
export const skipRegistration: Handler<'skipRegistration'> = async (ctx, input) => {
  const e = await elevated(ctx, input);
  if (isErr(e)) return e;
  if (!e.policy.registration.requireAtLaunch || registrationComplete(e)) return ok({ skipsLeft: await skipsLeft(ctx, e) });
  const allowed = e.policy.registration.allowedSkips;
  const used = await ctx.store.takeSkip(e.userId, allowed);
  if (used === null) {
    return auditedFailure(ctx, { event: 'registration.skip', userId: e.userId, client: e.client, detail: `none left of ${allowed}` }, err('STEP_NOT_ALLOWED', 'No skips left: register your security info now'));
  }
  await audit(ctx, { event: 'registration.skip', userId: e.userId, client: e.client, outcome: 'success', detail: `${used} of ${allowed}` });
  return ok({ skipsLeft: Math.max(0, allowed - used) });
};
