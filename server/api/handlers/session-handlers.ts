import { passwordCheckRefusal } from '../directory-answers.js';
import { err, ok } from '../../../contract/errors.js';
import { audit, auditedFailure, hashToken, iso, newToken, type ServiceContext } from '../../service-context.js';
import { policyForUser, type SsprPolicy } from '../../policy/policy.js';
import type { SessionRecord, StoredMethod } from '../../store/store.js';
import { isSecondFactor, methodChoice, startChallenge, verifyProof } from '../../methods/use-method.js';
import { checkedUnder, isRefused, reserveAttempt, signInKey } from '../../verifiers/throttle.js';
import type { Handler } from '../handler.js';

/** The live session behind a bearer token, or null. */
export async function currentSession(ctx: ServiceContext, token: string | null): Promise<SessionRecord | null> {
  return token ? ctx.store.getSession(hashToken(token), ctx.clock()) : null;
}

/**
 * The methods that must be passed before security info may change (POLICY.md, PWM #454):
 * a second factor when the user has one; else their alternate email; else their security
 * questions. Only a user with no method at all opens security info with the password alone.
 */
export function stepUpMethods(methods: StoredMethod[]): StoredMethod[] {
  const strong = methods.filter(isSecondFactor);
  if (strong.length > 0) return strong;
  const email = methods.filter((m) => m.type === 'email');
  return email.length > 0 ? email : methods.filter((m) => m.type === 'questions');
}

export const signIn: Handler<'signIn'> = async (ctx, { body, client }) => {
  const user = await ctx.directory.findUser(body.userId);
  // Reserved before the password is checked, on the account's own id (so spellings of one
  // account share one limit): parallel wrong passwords get at most the limit checked.
  const attempt = await reserveAttempt(ctx, signInKey(user?.userId ?? body.userId), ctx.policy.signInFailures);
  if (isRefused(attempt)) return attempt;
  const check = await checkedUnder(attempt, () => ctx.directory.verifyPassword(body.userId, body.password));
  if (!user || check !== 'ok') {
    const wrong = err('INVALID_CREDENTIALS', 'The user ID or password is incorrect');
    // A right password past its age is not a guess: it does not count towards the limit.
    if (user && check === 'mustChange') await attempt.passed();
    // An unknown user id is not recorded as typed: people type passwords into the wrong box.
    return auditedFailure(ctx, { event: 'signIn', ...(user ? { userId: user.userId } : {}), client, detail: user ? check : 'unknown user' }, user && check !== 'ok' ? passwordCheckRefusal(ctx, check, wrong) : wrong);
  }
  await attempt.passed();
  const gates = stepUpMethods(await ctx.store.listMethods(user.userId));
  const token = newToken();
  const expiresAt = ctx.clock() + ctx.policy.sessionLifetimeMs;
  await ctx.store.putSession({ tokenHash: hashToken(token), userId: user.userId, elevated: gates.length === 0, expiresAt });
  await audit(ctx, { event: 'signIn', userId: user.userId, client, outcome: 'success' });
  return ok({
    sessionToken: token,
    expiresAt: iso(expiresAt),
    user: { userId: user.userId, displayName: user.displayName },
    secondFactor: gates.length === 0 ? 'none' : 'required',
    secondFactorMethods: gates.map((m) => methodChoice(m, ctx.box)),
  });
};

/** The step-up method with this id, and the policy of its owner. */
async function stepUpMethod(ctx: ServiceContext, session: SessionRecord, methodId: string): Promise<{ method: StoredMethod; policy: SsprPolicy } | undefined> {
  const method = stepUpMethods(await ctx.store.listMethods(session.userId)).find((m) => m.id === methodId);
  const user = method && (await ctx.directory.findUser(session.userId));
  return method && user ? { method, policy: policyForUser(ctx.policy, user.groups) } : undefined;
}

export const startSecondFactor: Handler<'startSecondFactor'> = async (ctx, { body, token, language }) => {
  const session = await currentSession(ctx, token);
  if (!session) return err('UNAUTHORIZED', 'Sign in again');
  const found = await stepUpMethod(ctx, session, body.methodId);
  if (!found) return err('METHOD_NOT_AVAILABLE', 'No such method for this user');
  return startChallenge(ctx, { hash: session.tokenHash, userId: session.userId, policy: found.policy, language }, found.method);
};

export const verifySecondFactor: Handler<'verifySecondFactor'> = async (ctx, { body, token, client, language }) => {
  const session = await currentSession(ctx, token);
  if (!session) return err('UNAUTHORIZED', 'Sign in again');
  const found = await stepUpMethod(ctx, session, body.methodId);
  if (!found) return err('METHOD_NOT_AVAILABLE', 'No such method for this user');
  const method = found.method;
  const result = await verifyProof(ctx, { hash: session.tokenHash, userId: session.userId, policy: found.policy, language }, method, body);
  if (!result.ok) return auditedFailure(ctx, { event: 'secondFactor', userId: session.userId, client, detail: method.type }, result);
  await audit(ctx, { event: 'secondFactor', userId: session.userId, client, outcome: 'success', detail: method.type });
  await ctx.store.putSession({ ...session, elevated: true });
  const user = await ctx.directory.findUser(session.userId);
  return ok({ user: { userId: session.userId, displayName: user?.displayName ?? session.userId } });
};

export const signOut: Handler<'signOut'> = async (ctx, { token }) => {
  if (token) await ctx.store.deleteSession(hashToken(token));
  return ok({});
};
