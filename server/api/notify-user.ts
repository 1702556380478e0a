import type { ServiceContext } from '../service-context.js';
import type { StoredMethod } from '../store/store.js';

const channelOf = (type: StoredMethod['type']): 'email' | 'sms' | 'voice' | null =>
  type === 'email' || type === 'sms' || type === 'voice' ? type : null;

/**
 * Tell the user something happened to their account, on a channel other than the one that
 * changed (`except`): their alternate email first, else a phone by text. Best effort: a
 * failed notice is logged in the audit, never a reason to fail what the user did.
 */
export async function notifyUser(ctx: ServiceContext, userId: string, subject: string, body: string, except?: string): Promise<void> {
  const methods = (await ctx.store.listMethods(userId)).filter((m) => m.id !== except && m.address);
  const target = methods.find((m) => m.type === 'email') ?? methods.find((m) => m.type === 'sms');
  const channel = target && channelOf(target.type);
  if (!target?.address || !channel) return;
  try {
    await ctx.notifier.send({ channel, to: ctx.box.open(target.address), subject: `${ctx.tenant.name}: ${subject}`, body });
  } catch {
    await ctx.store.appendAudit({ at: new Date(ctx.clock()).toISOString(), event: 'notify.user', userId, outcome: 'failure', detail: channel });
  }
}

/** Send a one-time code. Throws when the channel fails: the user must know no code is coming. */
export async function sendCode(ctx: ServiceContext, channel: 'email' | 'sms' | 'voice', to: string, code: string, lifetimeMs: number): Promise<void> {
  const minutes = Math.round(lifetimeMs / 60_000);
  const text = `Your ${ctx.tenant.name} verification code is ${code}. It expires in ${minutes} minutes. Never share it.`;
  await ctx.notifier.send({ channel, to, subject: `${ctx.tenant.name} verification code`, body: channel === 'voice' ? text.replace(code, code.split('').join(' ')) : text });
}
