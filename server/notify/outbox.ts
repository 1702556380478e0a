import { randomUUID } from 'node:crypto';
import type { OutboxMessage } from '../../contract/api.js';
import type { NotifyLanguage } from './messages.js';

/**
 * What a notifier is asked to send. `language` is optional: it tells a voice provider which
 * voice to use and an email which Content-Language to declare; the text itself comes already
 * translated from `messages.ts`.
 */
export type OutgoingMessage = Omit<OutboxMessage, 'id' | 'sentAt'> & { language?: NotifyLanguage };

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
    // `language` is dropped: the outbox route's response schema is strict and shows only
    // what was delivered.
    const { channel, to, subject, body } = message;
    this.messages.push({ channel, to, subject, body, id: randomUUID(), sentAt: new Date(this.clock()).toISOString() });
    if (this.messages.length > this.limit) this.messages.shift();
  }

  list(): OutboxMessage[] {
    return this.messages.map((m) => ({ ...m }));
  }
}
