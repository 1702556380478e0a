/**
 * A tiny relying party for the WebAuthn integration tests: node:http on 127.0.0.1, one page
 * with the real @simplewebauthn/browser bundle, and JSON endpoints that call the service's
 * verifier (server/verifiers/webauthn.ts). Challenges are kept the way the routes must keep
 * them: one per ceremony, taken (deleted) on first use.
 *
 * Plus a real Chromium (Debian's, via playwright) with the CDP virtual authenticator.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from 'playwright';
import { findChromium } from '../../../scripts/system-deps.mjs';
import {
  authenticationOptions,
  registrationOptions,
  verifyAuthentication,
  verifyRegistration,
  type PasskeyCredential,
  type WebAuthnConfig,
} from '../../../server/verifiers/webauthn.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** What the page's helpers return to the test. */
export type CeremonyResult =
  | { browserError: string; browserMessage: string }
  | { ceremonyId: string; response: unknown; verdict: { ok: boolean; reason?: string; newCounter?: number; credentialId?: string } };

export interface RelyingParty {
  origin: string;
  /** Mutable: a test may swap the verifier's config (wrong origin). */
  config: WebAuthnConfig;
  /** userId → registered credentials (the test's "store"). */
  credentials: Map<string, PasskeyCredential[]>;
  /** Live challenges, by ceremony id; taken once. */
  challenges: Map<string, { challenge: string; userId: string; kind: 'register' | 'login' }>;
  close(): Promise<void>;
}

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>WebAuthn harness</title></head>
<body><main><h1>WebAuthn harness</h1></main>
<script src="/swa.js"></script>
<script>
  const post = (path, body) => fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.json());
  const ceremony = async (kind, userId, tweak) => {
    const { ceremonyId, options } = await post('/' + kind + '/options', { userId });
    if (tweak) Object.assign(options, tweak);
    let response;
    try {
      response = kind === 'register'
        ? await SWA.startRegistration({ optionsJSON: options })
        : await SWA.startAuthentication({ optionsJSON: options });
    } catch (e) {
      // @simplewebauthn/browser wraps DOMExceptions in WebAuthnError; the DOMException is e.cause.
      const cause = e && e.cause ? e.cause : e;
      return { browserError: String(cause && cause.name), browserMessage: String(e && e.message) };
    }
    const verdict = await post('/' + kind + '/verify', { ceremonyId, response });
    return { ceremonyId, response, verdict };
  };
  window.harness = {
    register: (userId, tweak) => ceremony('register', userId, tweak),
    login: (userId, tweak) => ceremony('login', userId, tweak),
    /** Post a response again (replay) to the endpoint, as an attacker would. */
    verifyAgain: (kind, ceremonyId, response) => post('/' + kind + '/verify', { ceremonyId, response }),
  };
</script></body></html>`;

async function bundleBrowserLibrary(): Promise<string> {
  const result = await build({
    stdin: { contents: "export * from '@simplewebauthn/browser';", resolveDir: repoRoot, loader: 'js' },
    bundle: true,
    format: 'iife',
    globalName: 'SWA',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error('esbuild produced no bundle for @simplewebauthn/browser');
  return file.text;
}

const readJson = async (req: IncomingMessage): Promise<unknown> => {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 256 * 1024) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
};

const send = (res: ServerResponse, status: number, type: string, body: string) => {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
};

export async function startRelyingParty(): Promise<RelyingParty> {
  const swa = await bundleBrowserLibrary();
  const credentials = new Map<string, PasskeyCredential[]>();
  const challenges: RelyingParty['challenges'] = new Map();
  const rp = { config: { rpId: 'localhost', rpName: 'Sign-in Helper (test)', origins: [] as string[] }, credentials, challenges } as unknown as RelyingParty;

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? '/';
    if (req.method === 'GET' && url === '/') return send(res, 200, 'text/html; charset=utf-8', PAGE);
    if (req.method === 'GET' && url === '/swa.js') return send(res, 200, 'text/javascript; charset=utf-8', swa);
    if (req.method !== 'POST') return send(res, 404, 'text/plain', 'not found');
    const body = (await readJson(req)) as { userId?: string; ceremonyId?: string; response?: unknown };
    const json = (value: unknown) => send(res, 200, 'application/json', JSON.stringify(value));

    if (url === '/register/options' || url === '/login/options') {
      const userId = String(body.userId);
      const mine = credentials.get(userId) ?? [];
      const { options, challenge } =
        url === '/register/options'
          ? await registrationOptions(rp.config, { userId, displayName: `Test ${userId}` }, mine)
          : await authenticationOptions(rp.config, mine);
      const ceremonyId = randomUUID();
      challenges.set(ceremonyId, { challenge, userId, kind: url === '/register/options' ? 'register' : 'login' });
      return json({ ceremonyId, options });
    }
    if (url === '/register/verify' || url === '/login/verify') {
      const kind = url === '/register/verify' ? 'register' : 'login';
      // Take the challenge: single use, whatever the outcome.
      const live = challenges.get(String(body.ceremonyId));
      challenges.delete(String(body.ceremonyId));
      if (!live || live.kind !== kind) return json({ ok: false, reason: 'no-challenge' });
      const mine = credentials.get(live.userId) ?? [];
      if (kind === 'register') {
        const result = await verifyRegistration(rp.config, live.challenge, body.response);
        if (!result.ok) return json(result);
        credentials.set(live.userId, [...mine, result.credential]);
        return json({ ok: true, credentialId: result.credential.credentialId });
      }
      const claimedId = (body.response as { id?: unknown } | null)?.id;
      const credential = mine.find((c) => c.credentialId === claimedId);
      if (!credential) return json({ ok: false, reason: 'unknown-credential' });
      const result = await verifyAuthentication(rp.config, live.challenge, credential, body.response);
      if (result.ok) credential.counter = result.newCounter; // the real store does this with advanceCounter (CAS)
      return json(result);
    }
    return send(res, 404, 'text/plain', 'not found');
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => send(res, 500, 'application/json', JSON.stringify({ ok: false, reason: 'server', detail: String(error) })));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  rp.origin = `http://localhost:${port}`;
  rp.config.origins = [rp.origin];
  rp.close = () =>
    new Promise<void>((resolve, reject) => {
      server.close((e) => (e ? reject(e) : resolve()));
      server.closeAllConnections();
    });
  return rp;
}

export interface VirtualBrowser {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  cdp: CDPSession;
  authenticatorId: string;
  close(): Promise<void>;
}

/** Debian's Chromium with a CTAP2 virtual authenticator that does user verification. Fails loudly without Chromium. */
export async function launchWithVirtualAuthenticator(origin: string): Promise<VirtualBrowser> {
  const executablePath = findChromium();
  if (!executablePath) {
    throw new Error(
      'Chromium not found (looked at CHROMIUM_PATH, /usr/bin/chromium, /usr/bin/chromium-browser, /usr/bin/google-chrome). ' +
        'The WebAuthn integration tests drive a real browser: install Debian package `chromium` (npm run setup) or set CHROMIUM_PATH.',
    );
  }
  const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        automaticPresenceSimulation: true,
      },
    });
    await page.goto(origin);
    await page.waitForFunction(() => 'harness' in globalThis && 'SWA' in globalThis);
    return { browser, context, page, cdp, authenticatorId, close: () => browser.close() };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

interface PageHarness {
  register(userId: string, tweak?: Record<string, unknown>): Promise<CeremonyResult>;
  login(userId: string, tweak?: Record<string, unknown>): Promise<CeremonyResult>;
  verifyAgain(kind: 'register' | 'login', ceremonyId: string, response: unknown): Promise<{ ok: boolean; reason?: string }>;
}
export const browserRegister = (page: Page, userId: string) =>
  page.evaluate(([u]) => (globalThis as unknown as { harness: PageHarness }).harness.register(u), [userId] as const);
export const browserLogin = (page: Page, userId: string, tweak?: Record<string, unknown>) =>
  page.evaluate(([u, t]) => (globalThis as unknown as { harness: PageHarness }).harness.login(u, t), [userId, tweak] as const);
export const browserVerifyAgain = (page: Page, kind: 'register' | 'login', ceremonyId: string, response: unknown) =>
  page.evaluate(([k, c, r]) => (globalThis as unknown as { harness: PageHarness }).harness.verifyAgain(k, c, r), [kind, ceremonyId, response] as const);
