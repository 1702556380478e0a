import { err, ok } from '../../../../contract/errors.js';
import { audit, iso, newId } from '../../../service-context.js';
import { countTowardsLimit, throttled } from '../../../verifiers/throttle.js';
import { matchTotp, newTotpSecret, totpUri } from '../../../verifiers/totp.js';
import type { Handler } from '../../handler.js';
import { finishRegistration } from './finish-registration.js';
import { elevated, isErr, mayAdd } from './guard.js';

export const beginAuthenticatorApp: Handler<'beginAuthenticatorApp'> = async (ctx, { token }) => {
  const e = await elevated(ctx, token);
  if (isErr(e)) return e;
  const refused = mayAdd(e, 'authenticatorApp');
  if (refused) return refused;
  const settings = ctx.policy.totp;
  const secret = newTotpSecret(settings);
  const expiresAt = ctx.clock() + ctx.policy.setupLifetimeMs;
  const setupId = newId('setup');
  await ctx.store.putSetup({ id: setupId, userId: e.session.userId, sessionTokenHash: e.session.tokenHash, kind: 'authenticatorApp', secret: ctx.box.seal(secret), expiresAt });
  return ok({
    setupId,
    secret,
    otpauthUri: totpUri(settings, secret, ctx.tenant.name, e.session.userId),
    issuer: ctx.tenant.name,
    accountName: e.session.userId,
    algorithm: settings.algorithm,
    digits: settings.digits,
    period: settings.period,
    expiresAt: iso(expiresAt),
  });
};

export const confirmAuthenticatorApp: Handler<'confirmAuthenticatorApp'> = async (ctx, { body, token, client }) => {
  const e = await elevated(ctx, token);
  if (isErr(e)) return e;
  const setup = await ctx.store.getSetup(body.setupId, ctx.clock());
  if (!setup || setup.sessionTokenHash !== e.session.tokenHash || (setup.kind ?? 'authenticatorApp') !== 'authenticatorApp') return err('SETUP_EXPIRED', 'Start the setup again');
  const key = `setup:${setup.id}`;
  const blocked = await throttled(ctx, key);
  if (blocked) return blocked;
  const secret = ctx.box.open(setup.secret);
  const step = await matchTotp(ctx.policy.totp, secret, body.code, ctx.clock());
  if (step === null) {
    await countTowardsLimit(ctx, key, ctx.policy.verifyFailures);
    await audit(ctx, { event: 'registration.add.authenticatorApp', userId: e.session.userId, client, outcome: 'failure' });
    return err('INVALID_CODE', 'The code is not valid');
  }
  if (!(await ctx.store.takeSetup(setup.id, ctx.clock()))) return err('SETUP_EXPIRED', 'Start the setup again');
  return finishRegistration(ctx, e.session.userId, { type: 'authenticatorApp', label: body.name, secret: setup.secret, lastUsedStep: step }, client);
};
