import { err, ok, type Err } from '../../../contract/errors.js';
import type { MethodType } from '../../../contract/methods.js';
import { audit, iso, newId, type ServiceContext } from '../../service-context.js';
import type { SessionRecord } from '../../store/store.js';
import { countFailure, throttled } from '../../verifiers/throttle.js';
import { matchTotp, newTotpSecret, totpUri } from '../../verifiers/totp.js';
import type { Handler } from '../handler.js';
import { notifyUser } from '../notify-user.js';
import { currentSession } from './session-handlers.js';

/** Methods whose registration this version of the service can carry out. */
const registrable: readonly MethodType[] = ['authenticatorApp'];

/** The session, only once it may change security info (password + a registered method). */
async function elevatedSession(ctx: ServiceContext, token: string | null): Promise<SessionRecord | Err> {
  const session = await currentSession(ctx, token);
  if (!session) return err('UNAUTHORIZED', 'Sign in again');
  if (!session.elevated) return err('SECOND_FACTOR_REQUIRED', 'Verify a registered method first');
  return session;
}
const isErr = (x: SessionRecord | Err): x is Err => 'ok' in x;

async function addableTypes(ctx: ServiceContext, userId: string): Promise<MethodType[]> {
  const apps = (await ctx.store.listMethods(userId)).filter((m) => m.type === 'authenticatorApp').length;
  return registrable.filter((t) => ctx.policy.methodsEnabled.includes(t) && (t !== 'authenticatorApp' || apps < ctx.policy.maxAuthenticatorApps));
}

export const getSecurityInfo: Handler<'getSecurityInfo'> = async (ctx, { token }) => {
  const session = await elevatedSession(ctx, token);
  if (isErr(session)) return session;
  const methods = await ctx.store.listMethods(session.userId);
  return ok({
    methods: methods.map(({ id, type, label, createdAt }) => ({ id, type, label, createdAt })),
    enabled: [...ctx.policy.methodsEnabled],
    canAdd: await addableTypes(ctx, session.userId),
  });
};

export const beginAuthenticatorApp: Handler<'beginAuthenticatorApp'> = async (ctx, { token }) => {
  const session = await elevatedSession(ctx, token);
  if (isErr(session)) return session;
  if (!ctx.policy.methodsEnabled.includes('authenticatorApp')) return err('METHOD_NOT_AVAILABLE', 'Authenticator apps are not enabled');
  if (!(await addableTypes(ctx, session.userId)).includes('authenticatorApp')) return err('METHOD_LIMIT_REACHED', 'Too many authenticator apps');
  const settings = ctx.policy.totp;
  const secret = newTotpSecret(settings);
  const expiresAt = ctx.clock() + ctx.policy.setupLifetimeMs;
  const setupId = newId('setup');
  await ctx.store.putSetup({ id: setupId, userId: session.userId, sessionTokenHash: session.tokenHash, secret, expiresAt });
  return ok({
    setupId,
    secret,
    otpauthUri: totpUri(settings, secret, ctx.tenant.name, session.userId),
    issuer: ctx.tenant.name,
    accountName: session.userId,
    algorithm: settings.algorithm,
    digits: settings.digits,
    period: settings.period,
    expiresAt: iso(expiresAt),
  });
};

export const confirmAuthenticatorApp: Handler<'confirmAuthenticatorApp'> = async (ctx, { body, token, client }) => {
  const session = await elevatedSession(ctx, token);
  if (isErr(session)) return session;
  const setup = await ctx.store.getSetup(body.setupId, ctx.clock());
  if (!setup || setup.sessionTokenHash !== session.tokenHash) return err('SETUP_EXPIRED', 'Start the setup again');
  const key = `setup:${setup.id}`;
  const blocked = await throttled(ctx, key);
  if (blocked) return blocked;
  const step = await matchTotp(ctx.policy.totp, setup.secret, body.code, ctx.clock());
  if (step === null) {
    await countFailure(ctx, key, ctx.policy.verifyFailures);
    await audit(ctx, { event: 'registration.authenticatorApp', userId: session.userId, client, outcome: 'failure' });
    return err('INVALID_CODE', 'The code is not valid');
  }
  if (!(await ctx.store.takeSetup(setup.id, ctx.clock()))) return err('SETUP_EXPIRED', 'Start the setup again');
  const method = { id: newId('m'), userId: session.userId, type: 'authenticatorApp' as const, label: body.name, createdAt: iso(ctx.clock()), secret: setup.secret, lastUsedStep: step };
  await ctx.store.addMethod(method);
  await audit(ctx, { event: 'registration.authenticatorApp', userId: session.userId, client, outcome: 'success' });
  await notifyUser(ctx, session.userId, 'Security info changed', `An authenticator app ("${body.name}") was added to your account. If this wasn't you, contact your helpdesk.`);
  return ok({ method: { id: method.id, type: method.type, label: method.label, createdAt: method.createdAt } });
};
