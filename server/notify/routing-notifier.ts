import { NotifyError, type NotifyChannel } from './notify-error.js';
import type { Notifier, OutgoingMessage } from './outbox.js';

/** Which notifier carries each channel; a channel left out is not offered by this tenant. */
export type ChannelRoutes = Partial<Record<NotifyChannel, Notifier>>;

/**
 * One notifier for the service that hands each message to the notifier of its channel
 * (SMTP for email, the SMS provider for sms and voice, the outbox in the demo).
 */
export class RoutingNotifier implements Notifier {
  constructor(private readonly routes: ChannelRoutes) {}

  /** Whether a channel can be used, so handlers can refuse a method before making a code. */
  has(channel: NotifyChannel): boolean {
    return this.routes[channel] !== undefined;
  }

  async send(message: OutgoingMessage): Promise<void> {
    const notifier = this.routes[message.channel];
    if (!notifier) throw new NotifyError(`${message.channel}: channel not configured`, message.channel, undefined, 'NOT_CONFIGURED');
    await notifier.send(message);
  }
}
