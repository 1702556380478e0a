import type { ApiBody, ApiData } from '../../../contract/api.js';
import { err, ok, type Err, type Result } from '../../../contract/errors.js';
import type { MethodType } from '../../../contract/methods.js';
import { isSsprEnabled, policyForUser, type SsprPolicy } from '../../policy/policy.js';
import { audit, auditedFailure, hashToken, iso, newToken, type ServiceContext } from '../../service-context.js';
import type { DirectoryUser, WriteOutcome } from '../../directories/directory.js';
import type { ResetRecord, StoredMethod } from '../../store/store.js';
import type { TypedOwner } from '../../methods/hidden/hidden-method.js';
import type { MethodOwner } from '../../methods/method-module.js';
import { methodChoice, startChallenge, startTypedChallenge, verifyProof, verifyTypedProof } from '../../methods/use-method.js';
import { isRefused, reserveAttempt, signInKey } from '../../verifiers/throttle.js';
import { isErr, type Handler } from '../handler.js';
import { notifyUser } from '../notify-user.js';
import { shownPolicy, startHiddenReset } from './hidden-reset.js';
import { setNewPassword } from './password-change.js';
import { writeRefusal } from '../directory-answers.js';
import { accountDirectoryRules } from '../../directories/directory-rules.js';

interface LiveReset {
  reset: ResetRecord;
  policy: SsprPolicy;
  methods: StoredMethod[];
  /** False for a hidden reset of an id the directory does not know. */
  known: boolean;
  /** The account as the directory answered for this request (null: unknown, hidden reset). */
  user: DirectoryUser | null;
}

/**
 * The live reset behind a token. With `hideAccountState`, a reset of an unknown id lives like
 * any other (the tenant's policy, no methods), so the routes after the start answer it alike.
 */
export async function currentReset(ctx: ServiceContext, token: string | null): Promise<LiveReset | Err> {
  const reset = token ? await ctx.store.getReset(hashToken(token), ctx.clock()) : null;
  if (!reset || reset.completed) return err('RESET_EXPIRED', 'Start the reset again');
  const user = await ctx.directory.findUser(reset.userId);
  if (!user && !ctx.policy.hideAccountState) return err('RESET_EXPIRED', 'Start the reset again');
  const methods = await ctx.store.listMethods(reset.userId);
  return { reset, policy: user ? policyForUser(ctx.policy, user.groups) : shownPolicy(ctx), methods, known: user !== null, user };
}

/** A hidden reset's gates: the offered methods not passed yet (none for an account that cannot reset). */
const candidatesOf = (live: LiveReset): StoredMethod[] => live.methods.filter((m) => live.reset.offeredMethodIds.includes(m.id) && !live.reset.passedMethodIds.includes(m.id));

const typedOwner = (ctx: ServiceContext, live: LiveReset, language: MethodOwner['language']): TypedOwner => ({ hash: live.reset.tokenHash, userId: live.reset.userId, policy: live.policy, language, shown: shownPolicy(ctx) });

/** A hidden reset takes methods by type only: a method id (demo ids are guessable) would be answered differently for accounts that have it. */
const byTypeOnly = () => err('METHOD_NOT_AVAILABLE', 'Choose a method type, and type the full phone number or address');

/** Every gate passed, and not by security questions alone (POLICY.md: never alone). */
function gatesPassed(reset: ResetRecord, methods: readonly StoredMethod[]): boolean {
  const passedTypes = reset.passedMethodIds.map((id) => methods.find((m) => m.id === id)?.type).filter((t): t is MethodType => t !== undefined);
  return passedTypes.length >= reset.required && passedTypes.some((t) => t !== 'questions');
}

/** The methods a user can reset with: enabled for them, and enough of them, with one that is not questions. */
function usableMethods(policy: SsprPolicy, methods: readonly StoredMethod[]): StoredMethod[] {
  const usable = methods.filter((m) => policy.methodsEnabled.includes(m.type));
  const strong = usable.filter((m) => m.type !== 'questions');
  return strong.length > 0 && usable.length >= policy.methodsRequired ? usable : [];
}

/**
 * The seed's three cases, in the seed's order of discovery: the password is managed
 * elsewhere, reset is not enabled for the account, or the account has no usable method.
 * With `hideAccountState`, every account gets the same answer (./hidden-reset.ts) and
 * proves a method by type.
 */
export const startReset: Handler<'startReset'> = async (ctx, { body, client }) => {
  const mode = body.mode ?? 'reset';
  const started = await reserveAttempt(ctx, `resets:${body.userId.toLowerCase()}`, ctx.policy.resetsPerAccount);
  if (isRefused(started)) return started;
  if (ctx.policy.hideAccountState) return startHiddenReset(ctx, { userId: body.userId, mode, client }, usableMethods);
  const now = ctx.clock();

  const user = await ctx.directory.findUser(body.userId);
  const policy = user ? policyForUser(ctx.policy, user.groups) : ctx.policy;
  const methods = user ? usableMethods(policy, await ctx.store.listMethods(user.userId)) : [];
  const fail = (code: 'PASSWORD_NOT_MANAGED' | 'SSPR_NOT_ENABLED' | 'NOT_REGISTERED' | 'ACCOUNT_DISABLED', message: string) =>
    auditedFailure(ctx, { event: `${mode}.start`, ...(user ? { userId: user.userId } : {}), client, detail: code }, code === 'PASSWORD_NOT_MANAGED' ? err(code, message, { helpdesk: ctx.tenant.helpdesk }) : err(code, message));
  if (!user) return fail('NOT_REGISTERED', "We couldn't verify your account");
  if (!user.passwordManaged) return fail('PASSWORD_NOT_MANAGED', "The account's password is not managed by this service");
  // A new password or an unlock cannot help an account the directory has turned off.
  if (user.state?.disabled || user.state?.expired) return fail('ACCOUNT_DISABLED', 'The account is disabled in the directory');
  if (!isSsprEnabled(policy, user.groups)) return fail('SSPR_NOT_ENABLED', 'Password reset is not enabled for this account');
  if (methods.length === 0) return fail('NOT_REGISTERED', "We couldn't verify your account");

  const token = newToken();
  const expiresAt = now + ctx.policy.resetLifetimeMs;
  await ctx.store.putReset({ tokenHash: hashToken(token), userId: user.userId, mode, required: policy.methodsRequired, offeredMethodIds: methods.map((m) => m.id), passedMethodIds: [], expiresAt, completed: false });
  await audit(ctx, { event: `${mode}.start`, userId: user.userId, client, outcome: 'success' });
  // The user's default method first, so the app can preselect it.
  const profile = await ctx.store.getProfile(user.userId);
  const ordered = [...methods].sort((a, b) => Number(b.id === profile?.defaultMethodId) - Number(a.id === profile?.defaultMethodId));
  return ok({ resetToken: token, expiresAt: iso(expiresAt), required: policy.methodsRequired, methods: ordered.map((m) => methodChoice(m, ctx.box)) });
};

async function offeredMethod(live: LiveReset, methodId: string): Promise<Result<StoredMethod>> {
  if (!live.reset.offeredMethodIds.includes(methodId)) return err('METHOD_NOT_AVAILABLE', 'That method was not offered');
  // Two gates must be two different methods.
  if (live.reset.passedMethodIds.includes(methodId)) return err('STEP_NOT_ALLOWED', 'That method was already used');
  const method = live.methods.find((m) => m.id === methodId);
  return method ? ok(method) : err('METHOD_NOT_AVAILABLE', 'That method is no longer registered');
}

export const startResetChallenge: Handler<'startResetChallenge'> = async (ctx, { body, token, language }) => {
  const live = await currentReset(ctx, token);
  if (isErr(live)) return live;
  if (ctx.policy.hideAccountState) return 'methodType' in body ? startTypedChallenge(ctx, typedOwner(ctx, live, language), candidatesOf(live), body) : byTypeOnly();
  if (!('methodId' in body)) return err('METHOD_NOT_AVAILABLE', 'Choose one of the offered methods');
  const method = await offeredMethod(live, body.methodId);
  if (!method.ok) return method;
  return startChallenge(ctx, { hash: live.reset.tokenHash, userId: live.reset.userId, policy: live.policy, language }, method.data);
};

/** A passed gate, recorded atomically; how many are passed and whether the reset may complete. */
async function passGate(ctx: ServiceContext, live: LiveReset, methodId: string): Promise<Result<ApiData<'verifyReset'>>> {
  const reset = await ctx.store.passResetGate(live.reset.tokenHash, methodId, ctx.clock());
  if (!reset) return err('RESET_EXPIRED', 'Start the reset again');
  const complete = gatesPassed(reset, live.methods);
  // Once the person is proven, the rules of their own account (a fine-grained policy may be stricter).
  const directoryRules = complete && live.known && reset.mode !== 'unlock' ? await accountDirectoryRules(ctx.directory, reset.userId) : undefined;
  return ok({ passed: reset.passedMethodIds.length, required: reset.required, complete, ...(directoryRules ? { directoryRules } : {}) });
}

/** verifyReset by method type (hideAccountState): one answer for every account until a proof passes. */
async function verifyTyped(ctx: ServiceContext, live: LiveReset, body: ApiBody<'verifyReset'>, client: string, language: MethodOwner['language']): Promise<Result<ApiData<'verifyReset'>>> {
  if (!('methodType' in body)) return byTypeOnly();
  const result = await verifyTypedProof(ctx, typedOwner(ctx, live, language), candidatesOf(live), body);
  const event = { event: `${live.reset.mode ?? 'reset'}.verify`, ...(live.known ? { userId: live.reset.userId } : {}), client, detail: `${body.methodType} (by type)` };
  if (!result.ok) return auditedFailure(ctx, event, result);
  await audit(ctx, { ...event, outcome: 'success' });
  return passGate(ctx, live, result.data.id);
}

export const verifyReset: Handler<'verifyReset'> = async (ctx, { body, token, client, language }) => {
  const live = await currentReset(ctx, token);
  if (isErr(live)) return live;
  if (ctx.policy.hideAccountState) return verifyTyped(ctx, live, body, client, language);
  if (!('methodId' in body)) return err('METHOD_NOT_AVAILABLE', 'Choose one of the offered methods');
  const method = await offeredMethod(live, body.methodId);
  if (!method.ok) return method;
  const result = await verifyProof(ctx, { hash: live.reset.tokenHash, userId: live.reset.userId, policy: live.policy, language }, method.data, body);
  const event = { event: `${live.reset.mode ?? 'reset'}.verify`, userId: live.reset.userId, client, detail: method.data.type };
  if (!result.ok) return auditedFailure(ctx, event, result);
  await audit(ctx, { ...event, outcome: 'success' });
  return passGate(ctx, live, method.data.id);
};

/** The reset token is spent once: only the caller that flips it to completed goes on. */
async function spend(ctx: ServiceContext, live: LiveReset, mode: 'reset' | 'unlock'): Promise<Err | null> {
  if ((live.reset.mode ?? 'reset') !== mode) return err('STEP_NOT_ALLOWED', `This session was started to ${live.reset.mode ?? 'reset'}`);
  if (!gatesPassed(live.reset, live.methods)) return err('STEP_NOT_ALLOWED', 'Verify your identity first');
  return null;
}

export const completeReset: Handler<'completeReset'> = async (ctx, { body, token, client, language }) => {
  const live = await currentReset(ctx, token);
  if (isErr(live)) return live;
  const refused = await spend(ctx, live, 'reset');
  if (refused) return refused;
  if (!live.user) return err('RESET_EXPIRED', 'Start again');
  const changed = await setNewPassword(ctx, live.user, live.policy, body.newPassword, client, 'reset.password', () => ctx.directory.resetPassword(live.reset.userId, body.newPassword), {
    take: () => ctx.store.completeReset(live.reset.tokenHash, ctx.clock()),
    release: () => ctx.store.reopenReset(live.reset.tokenHash),
  });
  if (!changed.ok) return changed;
  // A successful reset clears the sign-in lockout, in the directory and here (POLICY.md). The
  // password is already set: a directory that will not unlock is audited, not a failed reset.
  // Only an account the directory reported locked (or one that cannot tell) is written again:
  // an unlock is a directory write (replicated, on AD) that an unlocked account does not need.
  if (live.user.state?.locked !== false) {
    const unlocked = await ctx.directory.unlock(live.reset.userId).catch((e: unknown) => ({ ok: false as const, kind: 'unreachable' as const, message: e instanceof Error ? e.message : 'unreachable' }));
    if (!unlocked.ok) await audit(ctx, { event: 'reset.unlock', userId: live.reset.userId, client, outcome: 'failure', detail: `directory: ${unlocked.kind}` });
  }
  await ctx.store.clearAttempts(signInKey(live.reset.userId));
  await notifyUser(ctx, live.reset.userId, { kind: 'reset' }, language);
  return ok({ completedAt: iso(ctx.clock()) });
};

/** What the user is told when the directory would not unlock: its own words kept; a password rule cannot be why. */
function unlockRefusal(ctx: ServiceContext, outcome: Extract<WriteOutcome, { ok: false }>): Err {
  if (outcome.kind === 'locked' || outcome.kind === 'disabled' || outcome.kind === 'rights' || outcome.kind === 'unreachable') return writeRefusal(ctx, outcome);
  return err('DIRECTORY_UNAVAILABLE', 'The directory did not unlock the account; nothing was changed', { directoryMessage: outcome.message.slice(0, 1000) });
}

export const unlockAccount: Handler<'unlockAccount'> = async (ctx, { token, client, language }) => {
  const live = await currentReset(ctx, token);
  if (isErr(live)) return live;
  const refused = await spend(ctx, live, 'unlock');
  if (refused) return refused;
  if (!(await ctx.store.completeReset(live.reset.tokenHash, ctx.clock()))) return err('RESET_EXPIRED', 'Start again');
  // Told only after every gate: the person proved who they are, so this is no enumeration.
  const blockedHere = (await ctx.store.blockedUntil(signInKey(live.reset.userId), ctx.clock())) !== null;
  const state = live.user?.state;
  const wasLocked = blockedHere || state?.locked === true ? true : state ? false : undefined;
  let unlocked: WriteOutcome;
  try {
    unlocked = await ctx.directory.unlock(live.reset.userId);
  } catch (e) {
    // Nothing was unlocked: the token stays usable within its lifetime (an outage becomes DIRECTORY_UNAVAILABLE).
    await ctx.store.reopenReset(live.reset.tokenHash);
    throw e;
  }
  if (!unlocked.ok) {
    await ctx.store.reopenReset(live.reset.tokenHash);
    const refusal = unlockRefusal(ctx, unlocked);
    return auditedFailure(ctx, { event: 'unlock', userId: live.reset.userId, client, detail: `directory: ${unlocked.kind}` }, refusal);
  }
  await ctx.store.clearAttempts(signInKey(live.reset.userId));
  await audit(ctx, { event: 'unlock', userId: live.reset.userId, client, outcome: 'success' });
  await notifyUser(ctx, live.reset.userId, { kind: 'unlock' }, language);
  return ok({ unlockedAt: iso(ctx.clock()), ...(wasLocked === undefined ? {} : { wasLocked }) });
};
