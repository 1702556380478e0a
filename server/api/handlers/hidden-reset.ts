/**
 * The reset start under `hideAccountState`: one answer for every account — unknown, not
 * enabled, managed elsewhere, unregistered, registered with any methods, administrator. It is
 * a reset token, the tenant's `required` and the method TYPES the tenant's policy enables;
 * never the user's methods. Every account gets a stored reset (the same store work, and a
 * token that behaves the same afterwards); only the methods a real, resettable account may
 * pass are recorded as offered, so the others can never pass a gate.
 */
import type { ApiData } from '../../../contract/api.js';
import { ok, type Result } from '../../../contract/errors.js';
import type { DirectoryUser } from '../../directories/directory.js';
import { decoyHash } from '../../methods/hidden/decoys.js';
import { isSsprEnabled, policyForUser, type SsprPolicy } from '../../policy/policy.js';
import { audit, hashToken, iso, newToken, type ServiceContext } from '../../service-context.js';
import type { StoredMethod } from '../../store/store.js';

/** The tenant's policy without group overrides: what a hidden answer may show (a group's own values would tell who is in it). */
export const shownPolicy = (ctx: ServiceContext): SsprPolicy => policyForUser(ctx.policy, []);

/** The reset's user id: the account's own id, or the id as typed (lower-cased) for an unknown one. */
export const resetUserId = (user: DirectoryUser | null, typed: string): string => user?.userId ?? typed.trim().toLowerCase();

export async function startHiddenReset(
  ctx: ServiceContext,
  input: { userId: string; mode: 'reset' | 'unlock'; client: string },
  usable: (policy: SsprPolicy, methods: readonly StoredMethod[]) => StoredMethod[],
): Promise<Result<ApiData<'startReset'>>> {
  // Made now, not at the first wrong code of an account without the method (a one-time delay there would show).
  void decoyHash(ctx.hasher);
  const user = await ctx.directory.findUser(input.userId);
  const userId = resetUserId(user, input.userId);
  const policy = user ? policyForUser(ctx.policy, user.groups) : ctx.policy;
  // Listed for every account (an unknown id lists nothing), so the store work is the same.
  const registered = await ctx.store.listMethods(userId);
  const canReset = user !== null && user.passwordManaged && !user.state?.disabled && !user.state?.expired && isSsprEnabled(policy, user.groups);
  const offered = canReset ? usable(policy, registered) : [];
  const shown = shownPolicy(ctx);
  const token = newToken();
  const expiresAt = ctx.clock() + ctx.policy.resetLifetimeMs;
  await ctx.store.putReset({ tokenHash: hashToken(token), userId, mode: input.mode, required: user ? policy.methodsRequired : shown.methodsRequired, offeredMethodIds: offered.map((m) => m.id), passedMethodIds: [], expiresAt, completed: false });
  // The audit log, which only IT reads, keeps the truth; an unknown id is not recorded as typed.
  const why = !user ? 'unknown user' : !user.passwordManaged ? 'PASSWORD_NOT_MANAGED' : !canReset ? 'SSPR_NOT_ENABLED' : offered.length === 0 ? 'NOT_REGISTERED' : undefined;
  await audit(ctx, { event: `${input.mode}.start`, ...(user ? { userId: user.userId } : {}), client: input.client, outcome: why ? 'failure' : 'success', detail: why ? `hidden: ${why}` : 'hidden' });
  return ok({ resetToken: token, expiresAt: iso(expiresAt), required: shown.methodsRequired, methods: [], hidden: true, methodTypes: [...shown.methodsEnabled] });
}
