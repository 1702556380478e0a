import { randomUUID } from 'node:crypto';
import type { OutboxMessage } from '../../contract/api.js';

export type OutgoingMessage = Omit<OutboxMessage, 'id' | 'sentAt'>;

/** Where the service sends what a person should read: email, text, voice. */
export interface Notifier {
  send(message: OutgoingMessage): Promise<void>;
}

/**
 * The demo's and the tests' notifier: keeps what would have been sent, newest last, bounded
 * so a long-running demo cannot grow without end.
 */
export class Outbox implements Notifier {
  private readonly messages: OutboxMessage[] = [];
  constructor(
    private readonly clock: () => number = Date.now,
    private readonly limit = 500,
  ) {}

  async send(message: OutgoingMessage): Promise<void> {
    this.messages.push({ ...message, id: randomUUID(), sentAt: new Date(this.clock()).toISOString() });
    if (this.messages.length > this.limit) this.messages.shift();
  }

  list(): OutboxMessage[] {
    return this.messages.map((m) => ({ ...m }));
  }
}
