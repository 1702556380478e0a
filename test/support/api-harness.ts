/**
 * The directory service under test through Fastify's `inject`: a Contoso demo context on a
 * fake clock, and a typed `call` that speaks contract/api.ts the way the app's client does.
 */
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { API_PREFIX, apiRoutes, LANGUAGE_HEADER, type ApiBody, type ApiData, type ApiRouteName } from '../../contract/api.js';
import { resultSchema, type Result } from '../../contract/errors.js';
import { z } from 'zod';
import { buildServer } from '../../server/app.js';
import { createDemoContext } from '../../server/create-demo-context.js';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../../server/demo/contoso.js';
import type { Hasher } from '../../server/crypto/hasher.js';
import type { SsprPolicy } from '../../server/policy/policy.js';
import type { ServiceContext } from '../../server/service-context.js';
import type { Store } from '../../server/store/store.js';
import { createFakeClock, type FakeClock } from './fake-clock.js';
import { totpCode } from './totp.js';

export { DEMO_PASSWORD, DEMO_TOTP_SECRET };
export const ALAIN = 'alain@contoso.com';
export const MEGAN = 'megan@contoso.com';
export const ADELE = 'adele@contoso.com';
export const LEE = 'lee@contoso.com';
export const ALAIN_APP = 'm-alain-app';

export interface ApiReply<T> {
  status: number;
  body: Result<T>;
}

export interface ApiHarness {
  clock: FakeClock;
  ctx: ServiceContext;
  app: FastifyInstance;
  /**
   * `language`: sent as Accept-Language (contract LANGUAGE_HEADER), as the app sends the user's language.
   * `remoteAddress`: the client's address as the service sees it (default 127.0.0.1).
   */
  call<N extends ApiRouteName>(name: N, body: ApiBody<N>, token?: string, options?: { language?: string; remoteAddress?: string }): Promise<ApiReply<ApiData<N>>>;
  /** Sign in and return the session token; fails the test if sign-in fails. */
  signIn(userId: string, password?: string): Promise<string>;
  /** Start a reset for alain and pass his authenticator app: returns the reset token. */
  verifiedAlainReset(): Promise<string>;
  close(): Promise<void>;
}

const anyResult = resultSchema(z.unknown());

/**
 * `hasher`: tests that are not about the hashing cost may pass a cheaper (still Argon2id)
 * hasher, e.g. `fastHasher()`, so code and answer checks take a millisecond, not 50.
 */
export async function createApiHarness(
  options: { policy?: Partial<SsprPolicy>; logger?: FastifyServerOptions['logger']; withoutOutbox?: boolean; hasher?: Hasher; /** A durable store instead of memory (the demo methods are seeded into it). */ store?: Store } = {},
): Promise<ApiHarness> {
  const clock = createFakeClock();
  const ctx = await createDemoContext({ clock, ...(options.policy ? { policy: options.policy } : {}), ...(options.hasher ? { hasher: options.hasher } : {}), ...(options.store ? { store: options.store } : {}) });
  if (options.withoutOutbox) delete ctx.outbox;
  return harnessOver(ctx, clock, options.logger);
}

/**
 * The harness over a context already made, on `clock` (the one `ctx.clock` reads): e.g. a
 * second service instance sharing a first one's store, box and clock.
 */
export async function harnessOver(ctx: ServiceContext, clock: FakeClock, logger?: FastifyServerOptions['logger']): Promise<ApiHarness> {
  const app = await buildServer(ctx, logger ? { logger } : {});

  const call: ApiHarness['call'] = async (name, body, token, options = {}) => {
    const route = apiRoutes[name];
    const response = await app.inject({
      method: route.method,
      url: API_PREFIX + route.path,
      ...(route.method === 'POST' ? { payload: body as object } : {}),
      ...(options.remoteAddress ? { remoteAddress: options.remoteAddress } : {}),
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(options.language ? { [LANGUAGE_HEADER]: options.language } : {}) },
    });
    return { status: response.statusCode, body: anyResult.parse(response.json()) as never };
  };

  const must = <T>(reply: ApiReply<T>, what: string): T => {
    if (!reply.body.ok) throw new Error(`${what} failed: ${reply.body.error.code}`);
    return reply.body.data;
  };

  return {
    clock,
    ctx,
    app,
    call,
    async signIn(userId, password = DEMO_PASSWORD) {
      return must(await call('signIn', { userId, password }), `signIn ${userId}`).sessionToken;
    },
    async verifiedAlainReset() {
      const { resetToken } = must(await call('startReset', { userId: ALAIN }), 'startReset');
      // Uses the current step's code: a test that needs another code of alain's app must first
      // move the clock on by a step (30 s), as a person would wait for the next code.
      must(await call('verifyReset', { methodId: ALAIN_APP, code: await totpCode(DEMO_TOTP_SECRET, clock()) }, resetToken), 'verifyReset');
      return resetToken;
    },
    close: () => app.close(),
  };
}

/** The current code of alain's demo authenticator at the harness's time. */
export const alainCode = (h: ApiHarness) => totpCode(DEMO_TOTP_SECRET, h.clock());

/** Narrow a reply to its failure, failing the test when it succeeded. */
export function failure<T>(reply: ApiReply<T>) {
  if (reply.body.ok) throw new Error(`expected a failure, got HTTP ${reply.status} ok`);
  return reply.body.error;
}
/** Narrow a reply to its data, failing the test when it failed. */
export function success<T>(reply: ApiReply<T>): T {
  if (!reply.body.ok) throw new Error(`expected success, got HTTP ${reply.status} ${reply.body.error.code}: ${reply.body.error.message}`);
  return reply.body.data;
}
