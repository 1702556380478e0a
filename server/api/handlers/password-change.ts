import { err, ok, type Result } from '../../../contract/errors.js';
import { checkNewPassword } from '../../passwords/password-check.js';
import { policyForUser, type SsprPolicy } from '../../policy/policy.js';
import { audit, auditedFailure, iso, type ServiceContext } from '../../service-context.js';
import type { DirectoryUser, SetPasswordResult } from '../../directories/directory.js';
import { checkedUnder, isRefused, reserveAttempt, signInKey } from '../../verifiers/throttle.js';
import type { Handler } from '../handler.js';
import { notifyUser } from '../notify-user.js';
import { passwordCheckRefusal, writeRefusal } from '../directory-answers.js';

/**
 * Set a new password: the service's rules first, then `claim` (a reset token is spent once,
 * so two racing requests cannot set two passwords), then the directory, whose refusal comes
 * back in its own words — and gives the claim back, so the user can try another password.
 */
export async function setNewPassword(
  ctx: ServiceContext,
  /** The account as the route already found it: not looked up again (each look-up is directory round trips). */
  user: DirectoryUser,
  policy: SsprPolicy,
  newPassword: string,
  client: string,
  event: string,
  write: () => Promise<SetPasswordResult | { ok: false; wrongPassword: true }>,
  claim: { take(): Promise<boolean>; release(): Promise<void> } = { take: async () => true, release: async () => undefined },
): Promise<Result<true>> {
  const userId = user.userId;
  const verdict = await checkNewPassword(policy.password, newPassword, { userId: user.userId, displayName: user.displayName, organizationName: ctx.tenant.name });
  if (!verdict.ok) {
    return auditedFailure(ctx, { event, userId, client, detail: verdict.rule }, err('POLICY_VIOLATION', `The new password breaks the rule ${verdict.rule}`, { rule: verdict.rule, ...(verdict.value !== undefined ? { ruleValue: verdict.value } : {}) }));
  }
  if (!(await claim.take())) return err('RESET_EXPIRED', 'Start again');
  let result: Awaited<ReturnType<typeof write>>;
  try {
    result = await write();
  } catch (e) {
    // Nothing was written: the claim goes back, so the user can retry within the reset's lifetime.
    await claim.release();
    throw e;
  }
  if (!result.ok) {
    await claim.release();
    if ('wrongPassword' in result) return err('INVALID_CREDENTIALS', 'The user ID or current password is incorrect');
    return auditedFailure(ctx, { event, userId, client, detail: `directory: ${result.kind}` }, writeRefusal(ctx, result));
  }
  await audit(ctx, { event, userId, client, outcome: 'success' });
  return ok(true);
}

/** Change a known password: the old one proves who you are (throttled like sign-in). */
export const changePassword: Handler<'changePassword'> = async (ctx, { body, client, language }) => {
  const user = await ctx.directory.findUser(body.userId);
  // The old password counts towards the sign-in limit, reserved before it is checked.
  const attempt = await reserveAttempt(ctx, signInKey(user?.userId ?? body.userId), ctx.policy.signInFailures);
  if (isRefused(attempt)) return attempt;
  // The old password first: were the new password's rules checked before it, a weak new
  // password would answer POLICY_VIOLATION for any existing account whatever the old password
  // (an account-existence oracle that the sign-in throttle never counts). With
  // hideAccountState, "managed elsewhere" is told only to someone who knows the password.
  const check = await checkedUnder(attempt, () => ctx.directory.verifyPassword(body.userId, body.oldPassword));
  // An expired password is the very reason to change it: right, only past its age.
  const oldPasswordOk = check === 'ok' || check === 'mustChange';
  if (!user || (!oldPasswordOk && (user.passwordManaged || ctx.policy.hideAccountState))) {
    const wrong = err('INVALID_CREDENTIALS', 'The user ID or current password is incorrect');
    return auditedFailure(ctx, { event: 'password.change', ...(user ? { userId: user.userId } : {}), client, detail: user ? `old password: ${check}` : 'unknown user' }, user && check !== 'ok' && check !== 'mustChange' ? passwordCheckRefusal(ctx, check, wrong) : wrong);
  }
  if (!user.passwordManaged) {
    if (oldPasswordOk) await attempt.passed();
    return err('PASSWORD_NOT_MANAGED', "The account's password is not managed by this service", { helpdesk: ctx.tenant.helpdesk });
  }
  const result = await setNewPassword(ctx, user, policyForUser(ctx.policy, user.groups), body.newPassword, client, 'password.change', () => ctx.directory.changePassword(user.userId, body.oldPassword, body.newPassword));
  // The old password was right (checked above): only a directory that says otherwise keeps the attempt counted.
  if (!result.ok) {
    if (result.error.code !== 'INVALID_CREDENTIALS') await attempt.passed();
    return result;
  }
  await attempt.passed();
  await notifyUser(ctx, user.userId, { kind: 'change' }, language);
  return ok({ changedAt: iso(ctx.clock()) });
};
