import {
  accountUnlockedMessage,
  codeMessage,
  helpdeskRequestMessage,
  passwordChangedMessage,
  passwordResetMessage,
  securityInfoChangedMessage,
  type RenderedMessage,
} from '../notify/messages.js';
import { audit, type ServiceContext } from '../service-context.js';
import type { StoredMethod } from '../store/store.js';

export type AccountEvent = { kind: 'securityInfo'; change: string } | { kind: 'reset' } | { kind: 'unlock' } | { kind: 'change' };

const helpdeskContact = (ctx: ServiceContext) => ctx.tenant.helpdesk.email ?? ctx.tenant.helpdesk.phone ?? ctx.tenant.helpdesk.url;

function render(ctx: ServiceContext, userId: string, event: AccountEvent): RenderedMessage {
  const input = { organization: ctx.tenant.name, userId, at: new Date(ctx.clock()), ...(helpdeskContact(ctx) ? { helpdesk: helpdeskContact(ctx)! } : {}) };
  switch (event.kind) {
    case 'securityInfo':
      return securityInfoChangedMessage({ ...input, change: event.change });
    case 'reset':
      return passwordResetMessage(input);
    case 'unlock':
      return accountUnlockedMessage(input);
    case 'change':
      return passwordChangedMessage(input);
  }
}

/**
 * Tell the user something happened to their account, on a channel other than the one that
 * changed (`except`): their alternate email first, else a phone by text. Best effort: a
 * failed notice is audited, never a reason to fail what the user did.
 */
export async function notifyUser(ctx: ServiceContext, userId: string, event: AccountEvent, except?: string, fallback?: StoredMethod): Promise<void> {
  const methods = (await ctx.store.listMethods(userId)).filter((m) => m.id !== except && m.address);
  const target = methods.find((m) => m.type === 'email') ?? methods.find((m) => m.type === 'sms') ?? fallback;
  if (!target?.address || (target.type !== 'email' && target.type !== 'sms')) return;
  try {
    await ctx.notifier.send({ channel: target.type, to: ctx.box.open(target.address), ...render(ctx, userId, event) });
  } catch {
    await audit(ctx, { event: 'notify.user', userId, outcome: 'failure', detail: target.type });
  }
}

/** Send a one-time code. Throws when the channel fails: the user must know no code is coming. */
export async function sendCode(ctx: ServiceContext, channel: 'email' | 'sms' | 'voice', to: string, code: string, lifetimeMs: number): Promise<void> {
  await ctx.notifier.send({ channel, to, ...codeMessage({ channel, organization: ctx.tenant.name, code, lifetimeMinutes: Math.round(lifetimeMs / 60_000) }) });
}

/** "Contact your administrator": tell the helpdesk, with the support code the user holds. */
export async function notifyHelpdesk(ctx: ServiceContext, userId: string, reason: string, supportCode: string): Promise<void> {
  if (!ctx.tenant.helpdesk.email) return;
  await ctx.notifier.send({ channel: 'email', to: ctx.tenant.helpdesk.email, ...helpdeskRequestMessage({ organization: ctx.tenant.name, userId, reason, supportCode, at: new Date(ctx.clock()) }) });
}
