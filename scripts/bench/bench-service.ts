/**
 * The service as IT configures it (createConfiguredContext: SQLite store on disk, the
 * directory given), listening on loopback, with an authenticator app registered in its
 * store for every bench user — so a reset is the path a real user takes: start, a right
 * TOTP code, a new password. Each user passes a gate once per run (a time step is accepted
 * once), so the bench hands out users in order and never reuses one for a gate.
 *
 * One knob differs from a default deployment: the per-address throttle is raised to its
 * ceiling, because every bench request comes from 127.0.0.1 (a real service sees many
 * addresses). Every other throttle, check and write is the production one.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serviceConfigSchema } from '../../server/config/config-schema.js';
import { createConfiguredContext } from '../../server/create-configured-context.js';
import type { Directory } from '../../server/directories/directory.js';
import { iso, newId, type ServiceContext } from '../../server/service-context.js';
import { startService } from '../../server/start-service.js';
import { newTotpSecret } from '../../server/verifiers/totp.js';
import { totpCode } from '../../test/support/totp.js';
import { dataOf, jsonClient, type JsonClient } from './json-client.js';

export interface BenchUser {
  /** What the directory answers as the user id (the store's key). */
  userId: string;
  secret: string;
}

export interface BenchService {
  context: ServiceContext;
  client: JsonClient;
  /** The next `n` users never used for a gate; throws when the run needs more users than seeded. */
  take(n: number): BenchUser[];
  /** POST /reset then /reset/verify with the app's current code: a reset token ready for a new password. */
  verified(user: BenchUser): Promise<string>;
  /** POST /reset/password on a verified token. */
  complete(token: string): Promise<void>;
  close(): Promise<void>;
}

/** A new password no directory or service rule refuses and no account has had: random, 4 character classes. */
export const freshPassword = (): string => `Qv${randomBytes(9).toString('base64url')}7!`;

/**
 * `directory`: a directory section of the configuration, or a Directory built by the caller
 * (the memory directory with thousands of users: the configuration's would hash each seed
 * password at full scrypt cost, minutes at start-up, for a path that never checks one).
 */
export async function startBenchService(directory: Record<string, unknown> | Directory, userIds: readonly string[], env: Record<string, string> = {}, connections = 10): Promise<BenchService> {
  const given = 'findUser' in directory ? (directory as Directory) : null;
  const config = serviceConfigSchema.parse({
    tenant: { name: 'Contoso' },
    policy: { methodsEnabled: ['authenticatorApp'], throttles: { perAddress: { max: 100_000, windowMinutes: 1, blockMinutes: 1 } } },
    directory: given ? { kind: 'memory', users: [] } : directory,
    store: { kind: 'sqlite', path: join(mkdtempSync(join(tmpdir(), 'bench-dir-store-')), 'service.db') },
    secrets: { keyEnv: 'BENCH_KEY' },
  });
  const configured = await createConfiguredContext(config, { ...env, BENCH_KEY: randomBytes(32).toString('base64') });
  const context = configured.context;
  if (given) context.directory = given;
  const users: BenchUser[] = [];
  const now = iso(Date.now());
  for (const userId of userIds) {
    const secret = newTotpSecret(context.policy.totp);
    await context.store.addMethod({ id: newId('method'), userId, type: 'authenticatorApp', label: 'Phone', createdAt: now, secret: context.box.seal(secret) });
    users.push({ userId, secret });
  }
  const service = await startService({ context, sweepEveryMs: 0 });
  const client = jsonClient(service.url, connections);
  let next = 0;
  return {
    context,
    client,
    take(n) {
      if (next + n > users.length) throw new Error(`the bench needs more users than the ${users.length} seeded`);
      return users.slice(next, (next += n));
    },
    async verified(user) {
      const start = dataOf(await client.post('/reset', { userId: user.userId }), `start ${user.userId}`) as { resetToken: string; methods: { id: string }[] };
      const code = await totpCode(user.secret, Date.now());
      const verify = dataOf(await client.post('/reset/verify', { methodId: start.methods[0]!.id, code }, start.resetToken), `verify ${user.userId}`);
      if (verify.complete !== true) throw new Error(`verify ${user.userId}: the reset is not complete after the app's code`);
      return start.resetToken;
    },
    async complete(token) {
      dataOf(await client.post('/reset/password', { newPassword: freshPassword() }, token), 'new password');
    },
    async close() {
      client.close();
      await service.close();
      await configured.close();
      if (given) await given.close?.();
    },
  };
}
