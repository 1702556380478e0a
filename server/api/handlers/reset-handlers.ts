import { err, ok } from '../../../contract/errors.js';
import { isSsprEnabled } from '../../policy/policy.js';
import { checkNewPassword } from '../../passwords/password-check.js';
import { audit, hashToken, iso, newToken, type ServiceContext } from '../../service-context.js';
import type { ResetRecord } from '../../store/store.js';
import { methodChoice, verifiableTypes } from '../../verifiers/method-hint.js';
import { countFailure, methodKey, signInKey, throttled } from '../../verifiers/throttle.js';
import { verifyRegisteredTotp } from '../../verifiers/totp.js';
import type { Handler } from '../handler.js';
import { notifyUser } from '../notify-user.js';

const currentReset = async (ctx: ServiceContext, token: string | null): Promise<ResetRecord | null> =>
  token ? ctx.store.getReset(hashToken(token), ctx.clock()) : null;

/**
 * The seed's three cases, in the seed's order of discovery: the password is managed
 * elsewhere, reset is not enabled for the account, or the account has no usable method.
 */
export const startReset: Handler<'startReset'> = async (ctx, { body, client }) => {
  const user = await ctx.directory.findUser(body.userId);
  const methods = user ? (await ctx.store.listMethods(user.userId)).filter((m) => verifiableTypes.has(m.type) && ctx.policy.methodsEnabled.includes(m.type)) : [];
  const fail = async (code: 'PASSWORD_NOT_MANAGED' | 'SSPR_NOT_ENABLED' | 'NOT_REGISTERED', message: string) => {
    await audit(ctx, { event: 'reset.start', userId: body.userId, client, outcome: 'failure', detail: code });
    return code === 'PASSWORD_NOT_MANAGED' ? err(code, message, { helpdesk: ctx.tenant.helpdesk }) : err(code, message);
  };
  if (!user) return fail('NOT_REGISTERED', "We couldn't verify your account");
  if (!ctx.policy.hideAccountState) {
    if (!user.passwordManaged) return fail('PASSWORD_NOT_MANAGED', "The account's password is not managed by this service");
    if (!isSsprEnabled(ctx.policy, user.groups)) return fail('SSPR_NOT_ENABLED', 'Password reset is not enabled for this account');
  }
  if (!user.passwordManaged || !isSsprEnabled(ctx.policy, user.groups) || methods.length < ctx.policy.methodsRequired) {
    return fail('NOT_REGISTERED', "We couldn't verify your account");
  }
  const token = newToken();
  const expiresAt = ctx.clock() + ctx.policy.resetLifetimeMs;
  await ctx.store.putReset({ tokenHash: hashToken(token), userId: user.userId, required: ctx.policy.methodsRequired, offeredMethodIds: methods.map((m) => m.id), passedMethodIds: [], expiresAt, completed: false });
  await audit(ctx, { event: 'reset.start', userId: user.userId, client, outcome: 'success' });
  return ok({ resetToken: token, expiresAt: iso(expiresAt), required: ctx.policy.methodsRequired, methods: methods.map(methodChoice) });
};

export const verifyReset: Handler<'verifyReset'> = async (ctx, { body, token, client }) => {
  const reset = await currentReset(ctx, token);
  if (!reset || reset.completed) return err('RESET_EXPIRED', 'Start the reset again');
  if (!reset.offeredMethodIds.includes(body.methodId)) return err('METHOD_NOT_AVAILABLE', 'That method was not offered');
  // Two gates must be two different methods.
  if (reset.passedMethodIds.includes(body.methodId)) return err('STEP_NOT_ALLOWED', 'That method was already used');
  const method = (await ctx.store.listMethods(reset.userId)).find((m) => m.id === body.methodId);
  if (!method) return err('METHOD_NOT_AVAILABLE', 'That method is no longer registered');
  const blocked = await throttled(ctx, methodKey(method.id));
  if (blocked) return blocked;
  if (!(await verifyRegisteredTotp(ctx.store, ctx.policy.totp, method, body.code, ctx.clock()))) {
    await countFailure(ctx, methodKey(method.id), ctx.policy.verifyFailures);
    await audit(ctx, { event: 'reset.verify', userId: reset.userId, client, outcome: 'failure', detail: method.type });
    return err('INVALID_CODE', 'The code is not valid');
  }
  const passed = [...reset.passedMethodIds, method.id];
  await ctx.store.putReset({ ...reset, passedMethodIds: passed });
  await audit(ctx, { event: 'reset.verify', userId: reset.userId, client, outcome: 'success', detail: method.type });
  return ok({ passed: passed.length, required: reset.required, complete: passed.length >= reset.required });
};

export const completeReset: Handler<'completeReset'> = async (ctx, { body, token, client }) => {
  const reset = await currentReset(ctx, token);
  if (!reset || reset.completed) return err('RESET_EXPIRED', 'Start the reset again');
  if (reset.passedMethodIds.length < reset.required) return err('STEP_NOT_ALLOWED', 'Verify your identity first');
  const user = await ctx.directory.findUser(reset.userId);
  if (!user) return err('RESET_EXPIRED', 'Start the reset again');
  const verdict = checkNewPassword(ctx.policy.password, body.newPassword, user);
  if (!verdict.ok) {
    await audit(ctx, { event: 'reset.password', userId: user.userId, client, outcome: 'failure', detail: verdict.rule });
    return err('POLICY_VIOLATION', `The new password breaks the rule ${verdict.rule}`, { rule: verdict.rule, ...(verdict.value !== undefined ? { ruleValue: verdict.value } : {}) });
  }
  const result = await ctx.directory.resetPassword(user.userId, body.newPassword);
  if (!result.ok) {
    await audit(ctx, { event: 'reset.password', userId: user.userId, client, outcome: 'failure', detail: 'directory' });
    return err('POLICY_VIOLATION', 'The directory refused the new password', { rule: 'directory', directoryMessage: result.message });
  }
  // Single use: the token cannot set a second password.
  await ctx.store.putReset({ ...reset, completed: true });
  // A successful reset clears the sign-in lockout (POLICY.md): the directory's, the failure
  // count, and a block already in force (a block ending "now" is no block).
  await ctx.directory.unlock(user.userId);
  await ctx.store.clearFailures(signInKey(user.userId));
  await ctx.store.setBlock(signInKey(user.userId), ctx.clock());
  await audit(ctx, { event: 'reset.password', userId: user.userId, client, outcome: 'success' });
  await notifyUser(ctx, user.userId, 'Your password was reset', `The password of ${user.userId} was reset. If this wasn't you, contact your helpdesk now.`);
  return ok({ completedAt: iso(ctx.clock()) });
};
