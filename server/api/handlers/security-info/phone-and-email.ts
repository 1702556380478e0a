import { err, ok, type Result } from '../../../../contract/errors.js';
import { audit, iso, newId, type ServiceContext } from '../../../service-context.js';
import { maskEmail, maskPhone } from '../../../verifiers/mask.js';
import { newCode } from '../../../verifiers/one-time-code.js';
import { toE164 } from '../../../verifiers/phone.js';
import { countTowardsLimit, throttled } from '../../../verifiers/throttle.js';
import type { Handler, HandlerInput } from '../../handler.js';
import { sendCode } from '../../notify-user.js';
import { finishRegistration } from './finish-registration.js';
import { elevated, isErr, mayAdd } from './guard.js';

type Channel = 'sms' | 'voice' | 'email';

/** Send a code to the address being added; the setup remembers the sealed address and the code's hash. */
async function beginCodeSetup(ctx: ServiceContext, token: string | null, type: Channel, address: string, hint: string): Promise<Result<{ setupId: string; sentTo: string; expiresAt: string }>> {
  const e = await elevated(ctx, token);
  if (isErr(e)) return e;
  const refused = mayAdd(e, type);
  if (refused) return refused;
  const email = type === 'email';
  const limits = email ? ctx.policy.emailSends : ctx.policy.codeSends;
  const sendKey = `send:setup:${e.session.userId.toLowerCase()}`;
  const blocked = await throttled(ctx, sendKey);
  if (blocked) return blocked;
  await countTowardsLimit(ctx, sendKey, limits);
  const now = ctx.clock();
  const code = newCode(email ? ctx.policy.codes.emailDigits : ctx.policy.codes.smsDigits);
  const lifetime = email ? ctx.policy.codes.emailLifetimeMs : ctx.policy.codes.smsLifetimeMs;
  const setupId = newId('setup');
  await ctx.store.putSetup({ id: setupId, userId: e.session.userId, sessionTokenHash: e.session.tokenHash, kind: type, secret: '', address: ctx.box.seal(address), codeHash: await ctx.hasher.hash(code), label: hint, expiresAt: now + lifetime });
  await sendCode(ctx, type, address, code, lifetime);
  await audit(ctx, { event: 'code.send', userId: e.session.userId, outcome: 'success', detail: `${type} for a new method` });
  return ok({ setupId, sentTo: hint, expiresAt: iso(now + lifetime) });
}

/** Check the code the new address received, then register it. */
async function confirmCodeSetup(ctx: ServiceContext, input: HandlerInput<'confirmPhone' | 'confirmEmail'>, types: readonly Channel[]) {
  const e = await elevated(ctx, input.token);
  if (isErr(e)) return e;
  const now = ctx.clock();
  const setup = await ctx.store.getSetup(input.body.setupId, now);
  if (!setup || setup.sessionTokenHash !== e.session.tokenHash || !setup.kind || !types.includes(setup.kind as Channel) || !setup.codeHash) return err('SETUP_EXPIRED', 'Start again: ask for a new code');
  const key = `setup:${setup.id}`;
  const blocked = await throttled(ctx, key);
  if (blocked) return blocked;
  if (!(await ctx.hasher.verify(setup.codeHash, input.body.code))) {
    await countTowardsLimit(ctx, key, ctx.policy.verifyFailures);
    await audit(ctx, { event: `registration.add.${setup.kind}`, userId: e.session.userId, client: input.client, outcome: 'failure' });
    return err('INVALID_CODE', 'The code is not valid');
  }
  if (!(await ctx.store.takeSetup(setup.id, now))) return err('SETUP_EXPIRED', 'Start again: ask for a new code');
  return finishRegistration(ctx, e.session.userId, { type: setup.kind, label: setup.label ?? '', ...(setup.address ? { address: setup.address } : {}) }, input.client);
}

export const beginPhone: Handler<'beginPhone'> = async (ctx, { body, token }) => {
  const e164 = toE164(body.phoneNumber, body.country);
  if (!e164) return err('BAD_REQUEST', 'Not a valid phone number: give it with its country code, e.g. +1 425 555 0142');
  return beginCodeSetup(ctx, token, body.type, e164, maskPhone(e164));
};
export const confirmPhone: Handler<'confirmPhone'> = (ctx, input) => confirmCodeSetup(ctx, input, ['sms', 'voice']);

export const beginEmail: Handler<'beginEmail'> = (ctx, { body, token }) => beginCodeSetup(ctx, token, 'email', body.address, maskEmail(body.address));
export const confirmEmail: Handler<'confirmEmail'> = (ctx, input) => confirmCodeSetup(ctx, input, ['email']);
