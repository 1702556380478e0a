import { err, ok } from '../../../contract/errors.js';
import { audit, hashToken, iso, newToken, type ServiceContext } from '../../service-context.js';
import type { SessionRecord } from '../../store/store.js';
import { methodChoice, verifiableTypes } from '../../verifiers/method-hint.js';
import { countFailure, methodKey, signInKey, throttled } from '../../verifiers/throttle.js';
import { verifyRegisteredTotp } from '../../verifiers/totp.js';
import type { Handler } from '../handler.js';

/** The live session behind a bearer token, or null. */
export async function currentSession(ctx: ServiceContext, token: string | null): Promise<SessionRecord | null> {
  return token ? ctx.store.getSession(hashToken(token), ctx.clock()) : null;
}

export const signIn: Handler<'signIn'> = async (ctx, { body, client }) => {
  const blocked = await throttled(ctx, signInKey(body.userId));
  if (blocked) return blocked;
  const user = await ctx.directory.findUser(body.userId);
  const check = await ctx.directory.verifyPassword(body.userId, body.password);
  if (!user || check !== 'ok') {
    await countFailure(ctx, signInKey(body.userId), ctx.policy.signInFailures);
    // An unknown user id is not recorded as typed: people type passwords into the wrong box.
    await audit(ctx, { event: 'signIn', ...(user ? { userId: user.userId } : {}), client, outcome: 'failure', detail: user ? check : 'unknown user' });
    return err('INVALID_CREDENTIALS', 'The user ID or password is incorrect');
  }
  await ctx.store.clearFailures(signInKey(user.userId));
  const methods = (await ctx.store.listMethods(user.userId)).filter((m) => verifiableTypes.has(m.type));
  const token = newToken();
  const expiresAt = ctx.clock() + ctx.policy.sessionLifetimeMs;
  // With a method registered, the password alone must not let anyone bind their own authenticator.
  await ctx.store.putSession({ tokenHash: hashToken(token), userId: user.userId, elevated: methods.length === 0, expiresAt });
  await audit(ctx, { event: 'signIn', userId: user.userId, client, outcome: 'success' });
  return ok({
    sessionToken: token,
    expiresAt: iso(expiresAt),
    user: { userId: user.userId, displayName: user.displayName },
    secondFactor: methods.length === 0 ? 'none' : 'required',
    secondFactorMethods: methods.map(methodChoice),
  });
};

export const verifySecondFactor: Handler<'verifySecondFactor'> = async (ctx, { body, token, client }) => {
  const session = await currentSession(ctx, token);
  if (!session) return err('UNAUTHORIZED', 'Sign in again');
  const method = (await ctx.store.listMethods(session.userId)).find((m) => m.id === body.methodId);
  if (!method || !verifiableTypes.has(method.type)) return err('METHOD_NOT_AVAILABLE', 'No such method for this user');
  const blocked = await throttled(ctx, methodKey(method.id));
  if (blocked) return blocked;
  if (!(await verifyRegisteredTotp(ctx.store, ctx.policy.totp, method, body.code, ctx.clock()))) {
    await countFailure(ctx, methodKey(method.id), ctx.policy.verifyFailures);
    await audit(ctx, { event: 'secondFactor', userId: session.userId, client, outcome: 'failure', detail: method.type });
    return err('INVALID_CODE', 'The code is not valid');
  }
  await ctx.store.putSession({ ...session, elevated: true });
  await audit(ctx, { event: 'secondFactor', userId: session.userId, client, outcome: 'success', detail: method.type });
  const user = await ctx.directory.findUser(session.userId);
  return ok({ user: { userId: session.userId, displayName: user?.displayName ?? session.userId } });
};

export const signOut: Handler<'signOut'> = async (ctx, { token }) => {
  if (token) await ctx.store.deleteSession(hashToken(token));
  return ok({});
};
