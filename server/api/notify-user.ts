import {
  accountUnlockedMessage,
  codeMessage,
  describeChange,
  helpdeskRequestMessage,
  passwordChangedMessage,
  passwordResetMessage,
  securityInfoChangedMessage,
  type NotifyLanguage,
  type RenderedMessage,
  type SecurityInfoChange,
} from '../notify/messages.js';
import { undeliveredBecause } from '../notify/notify-error.js';
import { audit, type ServiceContext } from '../service-context.js';
import type { StoredMethod } from '../store/store.js';

export type AccountEvent = { kind: 'securityInfo'; change: SecurityInfoChange } | { kind: 'reset' } | { kind: 'unlock' } | { kind: 'change' };

const helpdeskContact = (ctx: ServiceContext) => ctx.tenant.helpdesk.email ?? ctx.tenant.helpdesk.phone ?? ctx.tenant.helpdesk.url;

function render(ctx: ServiceContext, userId: string, event: AccountEvent, language: NotifyLanguage): RenderedMessage {
  const input = { organization: ctx.tenant.name, userId, at: new Date(ctx.clock()), language, ...(helpdeskContact(ctx) ? { helpdesk: helpdeskContact(ctx)! } : {}) };
  switch (event.kind) {
    case 'securityInfo':
      return securityInfoChangedMessage({ ...input, change: describeChange(event.change, language) });
    case 'reset':
      return passwordResetMessage(input);
    case 'unlock':
      return accountUnlockedMessage(input);
    case 'change':
      return passwordChangedMessage(input);
  }
}

/**
 * Tell the user something happened to their account, in their language, on a channel other
 * than the one that changed (`except`): their alternate email first, else a phone by text.
 * Best effort: a failed notice is audited, never a reason to fail what the user did.
 */
export async function notifyUser(ctx: ServiceContext, userId: string, event: AccountEvent, language: NotifyLanguage, except?: string, fallback?: StoredMethod): Promise<void> {
  const reachable = (m: StoredMethod | undefined) => (m?.type === 'email' || m?.type === 'sms' ? m : undefined);
  const methods = (await ctx.store.listMethods(userId)).filter((m) => m.id !== except);
  const target = reachable(methods.find((m) => m.type === 'email')) ?? reachable(methods.find((m) => m.type === 'sms')) ?? reachable(fallback);
  if (!target) return;
  try {
    await ctx.notifier.send({ channel: target.type, to: ctx.box.open(target.address), language, ...render(ctx, userId, event, language) });
  } catch (error) {
    await audit(ctx, { event: 'notify.user', userId, outcome: 'failure', detail: `${target.type} not delivered: ${undeliveredBecause(error)}` });
  }
}

/** Send a one-time code in the reader's language. Throws when the channel fails: the user must know no code is coming. */
export async function sendCode(ctx: ServiceContext, channel: 'email' | 'sms' | 'voice', to: string, code: string, lifetimeMs: number, language: NotifyLanguage): Promise<void> {
  await ctx.notifier.send({ channel, to, language, ...codeMessage({ channel, organization: ctx.tenant.name, code, lifetimeMinutes: Math.round(lifetimeMs / 60_000), language }) });
}

/**
 * "Contact your administrator": tell the helpdesk, with the support code the user holds, in
 * the language the request came in. `false` when the tenant names no helpdesk address
 * (the request is only recorded). Throws when the mail fails: the caller says so.
 */
export async function notifyHelpdesk(ctx: ServiceContext, userId: string, reason: string, supportCode: string, language: NotifyLanguage): Promise<boolean> {
  if (!ctx.tenant.helpdesk.email) return false;
  await ctx.notifier.send({ channel: 'email', to: ctx.tenant.helpdesk.email, language, ...helpdeskRequestMessage({ organization: ctx.tenant.name, userId, reason, supportCode, at: new Date(ctx.clock()), language }) });
  return true;
}
