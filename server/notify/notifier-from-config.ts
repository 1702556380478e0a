import { readFile as fsReadFile } from 'node:fs/promises';
import { ConfigError } from '../config/config-error.js';
import type { NotifyConfig, PhoneProviderConfig } from '../config/config-schema.js';
import type { Env, ReadFile } from '../config/secrets-key.js';
import { HttpSmsProvider } from './http-sms-provider.js';
import { Outbox, type Notifier } from './outbox.js';
import { RoutingNotifier, type ChannelRoutes } from './routing-notifier.js';
import { SmtpNotifier } from './smtp-notifier.js';

export interface ConfiguredNotifier {
  notifier: RoutingNotifier;
  /** Present when a channel is configured as `kind: outbox` (staging, demo). */
  outbox?: Outbox;
  /** Closes the SMTP transport, if any. */
  close(): void;
}

/**
 * The service's notifier from the config's `notify` section: SMTP for email, the HTTP
 * provider for sms and voice, the outbox where configured so. Secrets come from the
 * environment variables the config names; a missing one is a ConfigError at start-up, not a
 * failure at the first reset.
 */
export async function notifierFromConfig(
  notify: NotifyConfig,
  env: Env = process.env,
  options: { outbox?: Outbox; readFile?: ReadFile } = {},
): Promise<ConfiguredNotifier> {
  const readFile = options.readFile ?? ((p: string) => fsReadFile(p));
  const problems: string[] = [];
  const secret = (name: string, path: string): string => {
    const value = env[name];
    if (value === undefined || value === '') problems.push(`${path}: environment variable ${name} is not set`);
    return value ?? '';
  };
  let outbox = options.outbox;
  const useOutbox = (): Outbox => (outbox ??= new Outbox());
  const routes: ChannelRoutes = {};
  let smtp: SmtpNotifier | undefined;

  const email = notify.email;
  if (email?.kind === 'outbox') routes.email = useOutbox();
  if (email?.kind === 'smtp') {
    let ca: Buffer | string | undefined;
    if (email.caFile) {
      try {
        ca = await readFile(email.caFile);
      } catch (error) {
        problems.push(`notify.email.caFile: cannot read ${email.caFile} (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`);
      }
    }
    smtp = new SmtpNotifier({
      host: email.host,
      port: email.port,
      secure: email.secure,
      requireTls: email.requireTls,
      from: email.from,
      user: email.user,
      password: email.passwordEnv ? secret(email.passwordEnv, 'notify.email.passwordEnv') : undefined,
      ca,
      timeoutMs: email.timeoutSeconds * 1000,
    });
    routes.email = smtp;
  }
  const phone = (config: PhoneProviderConfig, path: string): Notifier =>
    new HttpSmsProvider({
      baseUrl: config.baseUrl,
      accountSid: config.accountSid,
      authToken: secret(config.authTokenEnv, `${path}.authTokenEnv`),
      from: config.from,
      timeoutMs: config.timeoutSeconds * 1000,
    });
  for (const channel of ['sms', 'voice'] as const) {
    const c = notify[channel];
    if (c?.kind === 'outbox') routes[channel] = useOutbox();
    if (c?.kind === 'http') routes[channel] = phone(c, `notify.${channel}`);
  }
  if (problems.length > 0) {
    smtp?.close();
    throw new ConfigError(problems);
  }
  return { notifier: new RoutingNotifier(routes), outbox, close: () => smtp?.close() };
}
