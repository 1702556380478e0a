/**
 * The registration routes: thin glue from each route to its method's module. The glue checks
 * the session (elevated), the policy (enabled, under the limit) and that a setup belongs to
 * this session; the module does the rest; a proven method is stored by finishRegistration.
 */
import { err, type Result } from '../../../../contract/errors.js';
import type { MethodType, RegisteredMethod } from '../../../../contract/methods.js';
import { methodModule } from '../../../methods/index.js';
import type { SetupIo, SetupRecordMap } from '../../../methods/method-module.js';
import type { ServiceContext } from '../../../service-context.js';
import type { SetupType } from '../../../store/store.js';
import type { Handler, HandlerInput } from '../../handler.js';
import { finishRegistration, type AnyNewMethod } from './finish-registration.js';
import { elevated, isErr, mayAdd } from './guard.js';

type Input = Pick<HandlerInput<never>, 'token' | 'client' | 'language'>;

/** Start adding a method of `type` through its module. */
async function begin<T extends MethodType>(ctx: ServiceContext, input: Input, type: T, body: SetupIo[T]['begin']): Promise<Result<SetupIo[T]['started']>> {
  const e = await elevated(ctx, input);
  if (isErr(e)) return e;
  const refused = mayAdd(e, type);
  if (refused) return refused;
  return methodModule(type).setup.begin(ctx, e, body);
}

/**
 * Finish adding a method: the live setup of this session, of one of the route's `types`, is
 * proven by the module of its own type.
 */
async function confirm<T extends SetupType>(ctx: ServiceContext, input: Input, types: readonly T[], body: SetupIo[T]['prove'] & { setupId: string }, expired: string): Promise<Result<{ method: RegisteredMethod }>> {
  const e = await elevated(ctx, input);
  if (isErr(e)) return e;
  const setup = await ctx.store.getSetup(body.setupId, ctx.clock());
  if (!setup || setup.sessionTokenHash !== e.session.tokenHash || !(types as readonly SetupType[]).includes(setup.type)) return err('SETUP_EXPIRED', expired);
  // The record's type picks the module; `types` above proved it is one this route proves.
  const proved = await methodModule(setup.type as T).setup.prove(ctx, e, setup as unknown as SetupRecordMap[T], body);
  return proved.ok ? finishRegistration(ctx, e, proved.data as AnyNewMethod) : proved;
}

export const beginAuthenticatorApp: Handler<'beginAuthenticatorApp'> = (ctx, input) => begin(ctx, input, 'authenticatorApp', {});
export const confirmAuthenticatorApp: Handler<'confirmAuthenticatorApp'> = (ctx, input) => confirm(ctx, input, ['authenticatorApp'], input.body, 'Start the setup again');

export const beginPhone: Handler<'beginPhone'> = (ctx, input) => {
  const { type, ...phone } = input.body;
  return begin(ctx, input, type, phone);
};
export const confirmPhone: Handler<'confirmPhone'> = (ctx, input) => confirm(ctx, input, ['sms', 'voice'], input.body, 'Start again: ask for a new code');

export const beginEmail: Handler<'beginEmail'> = (ctx, input) => begin(ctx, input, 'email', input.body);
export const confirmEmail: Handler<'confirmEmail'> = (ctx, input) => confirm(ctx, input, ['email'], input.body, 'Start again: ask for a new code');

export const beginSecurityKey: Handler<'beginSecurityKey'> = (ctx, input) => begin(ctx, input, 'securityKey', input.body);
export const confirmSecurityKey: Handler<'confirmSecurityKey'> = (ctx, input) => confirm(ctx, input, ['securityKey'], input.body, 'Start adding the key again');

/** The pool is shown whenever questions are enabled (registering again replaces the answers). */
export const getQuestionPool: Handler<'getQuestionPool'> = async (ctx, input) => {
  const e = await elevated(ctx, input);
  if (isErr(e)) return e;
  if (!e.policy.methodsEnabled.includes('questions')) return err('METHOD_NOT_AVAILABLE', 'Security questions are not enabled for you');
  return methodModule('questions').setup.begin(ctx, e, {});
};

/** Save answers (hashed with Argon2id, normalized); registering again replaces the old answers. */
export const registerQuestions: Handler<'registerQuestions'> = async (ctx, input) => {
  const e = await elevated(ctx, input);
  if (isErr(e)) return e;
  const refused = mayAdd(e, 'questions');
  if (refused) return refused;
  const proved = await methodModule('questions').setup.prove(ctx, e, null, input.body);
  return proved.ok ? finishRegistration(ctx, e, proved.data) : proved;
};
