import { err, ok } from '../../../contract/errors.js';
import { undeliveredBecause } from '../../notify/notify-error.js';
import { audit, auditedFailure, iso, newSupportCode } from '../../service-context.js';
import type { Handler } from '../handler.js';
import { checkNewPassword } from '../../passwords/password-check.js';
import { defaultDirectoryRules } from '../../directories/directory-rules.js';
import { notifyHelpdesk } from '../notify-user.js';
import { isRefused, reserveAttempt } from '../../verifiers/throttle.js';

export const getTenant: Handler<'getTenant'> = async (ctx) => ok({ ...ctx.tenant, helpdesk: { ...ctx.tenant.helpdesk } });

export const getPasswordPolicy: Handler<'getPasswordPolicy'> = async (ctx) => {
  const directory = await defaultDirectoryRules(ctx.directory, ctx.clock());
  return ok({ ...ctx.policy.password, ...(directory ? { directory } : {}) });
};

/**
 * The service's rules and blocklist as the person types (POLICY.md's common-password check is
 * the service's list, so the app asks rather than shipping it). The id is used as typed,
 * never looked up, and the tenant's policy applies, so the answer is the same whether or not
 * the account exists. No store write: it is a pure function of the password, cheap enough
 * (tens of thousands per second, bench `service.passwordCheckPerSec`) to need no throttle.
 */
export const checkPassword: Handler<'checkPassword'> = async (ctx, { body }) => {
  const verdict = await checkNewPassword(ctx.policy.password, body.newPassword, { userId: body.userId ?? '', displayName: '', organizationName: ctx.tenant.name });
  return ok(verdict.ok ? { verdict: 'ok' as const } : { verdict: 'refused' as const, rule: verdict.rule, ...(verdict.value !== undefined ? { ruleValue: verdict.value } : {}) });
};

/**
 * "Contact your administrator": records the request and tells the helpdesk. The answer is the
 * same whether or not the account exists, so this route does not reveal who works here.
 *
 * When the mail to the helpdesk fails, the answer is DELIVERY_FAILED carrying the support code
 * of the request, which IS recorded (store and audit): a user told "sent" would wait for a call
 * that never comes, while this way the app says the message did not go out and shows the
 * code to read out by phone. Nothing reached the helpdesk, so the request's rate-limit
 * reservation is given back: trying again at once is allowed. (Account-independent: the relay
 * fails alike for every user id, so this reveals nothing with `hideAccountState`.)
 */
export const contactHelpdesk: Handler<'contactHelpdesk'> = async (ctx, { body, client, language }) => {
  const supportCode = newSupportCode();
  const request = await reserveAttempt(ctx, `helpdesk:${body.userId.toLowerCase()}`, ctx.policy.helpdeskRequests);
  if (isRefused(request)) {
    // Not sent again, but the code the user reads out must still lead the helpdesk to an event.
    await audit(ctx, { event: 'helpdesk.request', userId: body.userId, client, outcome: 'failure', supportCode, detail: `${body.reason} (rate-limited: not sent)` });
    return ok({ supportCode });
  }
  await ctx.store.addHelpdeskRequest({ supportCode, userId: body.userId, reason: body.reason, at: iso(ctx.clock()) });
  try {
    await notifyHelpdesk(ctx, body.userId, body.reason, supportCode, language);
  } catch (error) {
    await request.giveBack();
    const failure = err('DELIVERY_FAILED', 'The request is recorded, but the mail to the helpdesk could not be sent', { supportCode });
    return auditedFailure(ctx, { event: 'helpdesk.request', userId: body.userId, client, detail: `${body.reason} (recorded; mail not delivered: ${undeliveredBecause(error)})` }, failure);
  }
  await audit(ctx, { event: 'helpdesk.request', userId: body.userId, client, outcome: 'success', supportCode, detail: body.reason });
  return ok({ supportCode });
};

export const getDemoOutbox: Handler<'getDemoOutbox'> = async (ctx) =>
  ctx.outbox ? ok({ messages: ctx.outbox.list().reverse() }) : err('NOT_FOUND', 'Not found');
