import { err, ok } from '../../../../contract/errors.js';
import { audit, newId } from '../../../service-context.js';
import { passkeyFields, passkeyOf } from '../../../verifiers/passkey-record.js';
import { registrationOptions, verifyRegistration } from '../../../verifiers/webauthn.js';
import { exactOrigins } from '../../../verifiers/webauthn-origin.js';
import type { Handler } from '../../handler.js';
import { finishRegistration } from './finish-registration.js';
import { elevated, isErr, mayAdd } from './guard.js';

export const beginSecurityKey: Handler<'beginSecurityKey'> = async (ctx, { token }) => {
  const e = await elevated(ctx, token);
  if (isErr(e)) return e;
  const refused = mayAdd(e, 'securityKey');
  if (refused) return refused;
  // Keys already registered are excluded, so the same key is not added twice.
  const existing = e.methods.filter((m) => m.type === 'securityKey').map((m) => passkeyOf(ctx, m));
  const { options, challenge } = await registrationOptions(ctx.webauthn, { userId: e.session.userId, displayName: e.displayName }, existing);
  const setupId = newId('setup');
  await ctx.store.putSetup({ id: setupId, userId: e.session.userId, sessionTokenHash: e.session.tokenHash, kind: 'securityKey', secret: '', challenge, expiresAt: ctx.clock() + ctx.policy.setupLifetimeMs });
  return ok({ setupId, options: options as unknown as Record<string, unknown> });
};

export const confirmSecurityKey: Handler<'confirmSecurityKey'> = async (ctx, { body, token, client }) => {
  const e = await elevated(ctx, token);
  if (isErr(e)) return e;
  // The challenge is single use: taken before it is checked.
  const setup = await ctx.store.takeSetup(body.setupId, ctx.clock());
  if (!setup || setup.sessionTokenHash !== e.session.tokenHash || setup.kind !== 'securityKey' || !setup.challenge) return err('SETUP_EXPIRED', 'Start adding the key again');
  const config = { ...ctx.webauthn, origins: exactOrigins(ctx.webauthn.origins, body.response) };
  const result = await verifyRegistration(config, setup.challenge, body.response);
  if (!result.ok) {
    await audit(ctx, { event: 'registration.add.securityKey', userId: e.session.userId, client, outcome: 'failure', detail: result.reason });
    return err('INVALID_CODE', `The security key's answer was not accepted (${result.reason})`);
  }
  return finishRegistration(ctx, e.session.userId, { type: 'securityKey', label: body.name, ...passkeyFields(ctx, result.credential) }, client);
};
