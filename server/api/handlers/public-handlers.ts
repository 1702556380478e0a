import { err, ok } from '../../../contract/errors.js';
import { audit, iso, newSupportCode } from '../../service-context.js';
import type { Handler } from '../handler.js';
import { notifyHelpdesk } from '../notify-user.js';
import { isRefused, reserveAttempt } from '../../verifiers/throttle.js';

export const getTenant: Handler<'getTenant'> = async (ctx) => ok({ ...ctx.tenant, helpdesk: { ...ctx.tenant.helpdesk } });

export const getPasswordPolicy: Handler<'getPasswordPolicy'> = async (ctx) => ok({ ...ctx.policy.password });

/**
 * "Contact your administrator": records the request and tells the helpdesk. The answer is the
 * same whether or not the account exists, so this route does not reveal who works here.
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
  await audit(ctx, { event: 'helpdesk.request', userId: body.userId, client, outcome: 'success', supportCode, detail: body.reason });
  await notifyHelpdesk(ctx, body.userId, body.reason, supportCode, language);
  return ok({ supportCode });
};

export const getDemoOutbox: Handler<'getDemoOutbox'> = async (ctx) =>
  ctx.outbox ? ok({ messages: ctx.outbox.list().reverse() }) : err('NOT_FOUND', 'Not found');
