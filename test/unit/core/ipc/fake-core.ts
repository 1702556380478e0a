/**
 * The real handlers behind the real dispatch (requests and answers parsed by the contract),
 * with a fake directory client: each test says what the directory answers per route, and
 * sees every call the core made (route, body, token). Everything else is real: session
 * state, configuration files in a temp folder, the QR guard, the this-device keys over a
 * vault in memory (the integration tests use the real keyring).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vi } from 'vitest';
import type { ApiBody, ApiData, ApiRouteName } from '../../../../contract/api.js';
import { err, ok, type Result } from '../../../../contract/errors.js';
import { ThisDeviceKeys } from '../../../../electron/core/authenticator/this-device-keys.js';
import type { PresenceResult, UserPresence } from '../../../../electron/core/authenticator/user-presence.js';
import { ConfigService } from '../../../../electron/core/config/config-service.js';
import type { DirectoryClient } from '../../../../electron/core/directory/directory-client.js';
import { createDispatch } from '../../../../electron/core/ipc/dispatch.js';
import { ipcHandlers } from '../../../../electron/core/ipc/handlers.js';
import { ReadingLanguage } from '../../../../electron/core/language/reading-language.js';
import type { Services } from '../../../../electron/core/services.js';
import { QrScreenGuard } from '../../../../electron/core/session/qr-screen-guard.js';
import { SessionState } from '../../../../electron/core/session/session-state.js';
import type { CredentialVault } from '../../../../electron/core/vault/credential-vault.js';
import { MemoryVault } from '../../../../electron/core/vault/memory-vault.js';

export const DIRECTORY_URL = 'https://sspr.contoso.test';

type Answer<N extends ApiRouteName> = (body: ApiBody<N>, token: string | undefined) => Result<ApiData<N>> | Promise<Result<ApiData<N>>>;
export type DirectoryAnswers = { [N in ApiRouteName]?: Answer<N> };

export interface Call {
  name: ApiRouteName;
  body: unknown;
  token: string | undefined;
}

/** A presence check whose answer the test sets, counting how often the OS was asked. */
export function fakePresence(answer: PresenceResult | (() => Promise<PresenceResult>), available = true) {
  const confirm = vi.fn(async (_reason: string) => (typeof answer === 'function' ? answer() : answer));
  const presence: UserPresence = { isAvailable: async () => available, confirm };
  return { presence, confirm };
}

export interface FakeCoreOptions {
  answers?: DirectoryAnswers;
  presence?: UserPresence;
  vault?: CredentialVault;
  startFlow?: 'home' | 'reset' | 'unlock' | 'change';
  lockScreen?: boolean;
  /** Managed policy (JSON written to a temp file). */
  policy?: Record<string, unknown>;
  now?: () => number;
}

export async function fakeCore(options: FakeCoreOptions = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'fake-core-'));
  let managedPolicyPath: string | undefined;
  if (options.policy) {
    managedPolicyPath = join(dir, 'policy.json');
    await writeFile(managedPolicyPath, JSON.stringify(options.policy));
  }
  const config = new ConfigService({ userPrefsPath: join(dir, 'prefs.json'), ...(managedPolicyPath ? { managedPolicyPath } : {}) });
  await config.load();
  const answers: DirectoryAnswers = { ...options.answers };
  const calls: Call[] = [];
  const client = {
    call: async (name: ApiRouteName, body: unknown, token?: string) => {
      calls.push({ name, body, token });
      const answer = answers[name] as Answer<ApiRouteName> | undefined;
      return answer ? answer(body as never, token) : err('NOT_FOUND', `no answer for ${name} in this test`);
    },
  } as unknown as DirectoryClient;
  const protectContent = vi.fn<(on: boolean) => void>();
  const vault = options.vault ?? new MemoryVault();
  const log = vi.fn<(message: string) => void>();
  const quit = vi.fn<() => void>();
  const services: Services = {
    client,
    state: new SessionState(),
    config,
    vault,
    keys: new ThisDeviceKeys(vault, DIRECTORY_URL),
    presence: options.presence ?? fakePresence('unavailable', false).presence,
    qrGuard: new QrScreenGuard({ protectContent }),
    language: new ReadingLanguage(config, 'en-US'),
    host: 'web',
    version: '1.0.0',
    systemLocale: 'en-US',
    demo: false,
    startFlow: options.startFlow ?? 'home',
    lockScreen: options.lockScreen ?? false,
    idleTimeoutMs: 600_000,
    quit,
    now: options.now ?? Date.now,
    log,
  };
  const dispatch = createDispatch(ipcHandlers, services, log);
  /** Every answer the renderer got, to search for what must never be in one. */
  const seen: Result<unknown>[] = [];
  return {
    services,
    answers,
    calls,
    protectContent,
    quit,
    vault,
    log,
    seen,
    callsTo: (name: ApiRouteName) => calls.filter((c) => c.name === name),
    async ipc(channel: string, request: unknown = {}): Promise<Result<Record<string, unknown>>> {
      const result = (await dispatch(channel, request)) as Result<Record<string, unknown>>;
      seen.push(result);
      return result;
    },
    async close() {
      services.qrGuard.hidden();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
export type FakeCore = Awaited<ReturnType<typeof fakeCore>>;

export const MEGAN = { userId: 'megan@contoso.com', displayName: 'Megan Bowen' };
export const SESSION_TOKEN = 'SESSION-TOKEN-never-in-ipc';
export const RESET_TOKEN = 'RESET-TOKEN-never-in-ipc';

/** The directory's sign-in answer for megan, with the methods it offers as a second factor. */
export const signInAnswer =
  (methods: ApiData<'signIn'>['secondFactorMethods'] = []): Answer<'signIn'> =>
  () =>
    ok({ sessionToken: SESSION_TOKEN, expiresAt: '2030-01-01T00:00:00.000Z', user: MEGAN, secondFactor: methods.length ? 'required' : 'none', secondFactorMethods: methods });

export async function signedIn(core: FakeCore, methods: ApiData<'signIn'>['secondFactorMethods'] = []) {
  core.answers.signIn ??= signInAnswer(methods);
  const result = await core.ipc('session.signIn', { userId: MEGAN.userId, password: 'Demo-Passw0rd-2026' });
  if (!result.ok) throw new Error(`sign-in failed: ${result.error.code}`);
  return result.data;
}

export const registered = (id: string, type: ApiData<'getSecurityInfo'>['methods'][number]['type'] = 'authenticatorApp', label = 'Phone') => ({
  id,
  type,
  label,
  createdAt: '2026-03-02T09:00:00.000Z',
});
