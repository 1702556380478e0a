import type { ServiceContext } from '../service-context.js';

/**
 * Tell the user something happened to their account, on a channel other than the one
 * that changed: their alternate email when registered. A user with none is not notified
 * (more channels arrive with the complete notification service).
 */
export async function notifyUser(ctx: ServiceContext, userId: string, subject: string, body: string): Promise<void> {
  const email = (await ctx.store.listMethods(userId)).find((m) => m.type === 'email' && m.address);
  if (!email?.address) return;
  await ctx.notifier.send({ channel: 'email', to: email.address, subject: `${ctx.tenant.name}: ${subject}`, body });
}
