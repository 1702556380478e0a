/**
 * `npm run bench`: the project's performance figures, written to bench/results.json as flat,
 * self-describing keys with units. Figures from one run are comparable with each other;
 * across machines and runs, compare ratios — these machines are noisy.
 */
import autocannon from 'autocannon';
import { chromium } from 'playwright';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { MemoryVault } from '../electron/core/vault/memory-vault.js';
import { ensureRendererBuilt } from '../electron/web-host/renderer-build.js';
import { startWebHost } from '../electron/web-host/web-host.js';
import { createDemoContext } from '../server/create-demo-context.js';
import { Argon2Hasher } from '../server/crypto/hasher.js';
import { startService } from '../server/start-service.js';
import { MemoryStore } from '../server/store/memory-store.js';
import { SqliteStore } from '../server/store/sqlite-store.js';
import type { Store } from '../server/store/store.js';
import { passwordCheckBench } from './bench-password-check.js';
import { directoriesBench } from './bench/directories.js';
import { BusyMachine, verifyVsFloor } from './bench/verify-vs-floor.js';
import { findChromium } from './system-deps.mjs';

const root = join(import.meta.dirname, '..');
const loadavgAtStart = loadavg().map((l) => Math.round(l * 100) / 100);
const results: Record<string, unknown> = {};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** JS the browser must fetch before the first screen: the entry script and its modulepreloads. */
function initialJsGzipKB(distDir: string): number {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const files = [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="([^"]+\.js)"/g)].map((m) => m[1]!.replace(/^\.?\//, ''));
  const bytes = files.reduce((sum, f) => sum + gzipSync(readFileSync(join(distDir, f)), { level: 9 }).length, 0);
  return Math.round((bytes / 1024) * 10) / 10;
}

/**
 * Page start to the first interactive screen. `lockScreen`: `--lock-screen --reset`, whose
 * first screen is the reset's user id step (its Next button) instead of home.
 */
async function firstScreenMs(distDir: string, runs = 10, { lockScreen = false } = {}): Promise<number[]> {
  const launch = lockScreen ? { lockScreen: true, startFlow: 'reset' as const } : {};
  const firstButton = lockScreen ? 'Next' : 'Forgot my password';
  const host = await startWebHost({ rendererDir: distDir, port: 0, version: 'bench', systemLocale: 'en-US', userPrefsPath: join(mkdtempSync(join(tmpdir(), 'bench-')), 'prefs.json'), vault: new MemoryVault(), ...launch });
  const browser = await chromium.launch({ executablePath: findChromium() ?? undefined, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'] });
  const times: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(host.url, { waitUntil: 'commit' });
      // First interactive screen: its primary button is there and enabled.
      await page.getByRole('button', { name: firstButton, exact: true }).waitFor({ state: 'visible' });
      await page.waitForFunction("!document.querySelector('button[disabled]')");
      times.push(await page.evaluate(() => performance.now()));
      await context.close();
    }
  } finally {
    await browser.close();
    await host.close();
  }
  return times;
}

/**
 * Verify-code throughput: POST /api/v1/reset/verify with a well-formed, wrong authenticator
 * code, so the whole TOTP verify path (parse, token lookup, reset, methods, throttle, audit)
 * runs every time against the given store. Argon2 paths (sent codes, answers) are excluded.
 */
async function verifyCodeLoad(store: Store, seconds = 8) {
  // Failures must not block the method during the run: a bench policy, not the default one.
  const relaxed = { max: 1e9, windowMs: 1, blockMs: 1 };
  const context = await createDemoContext({ store, policy: { verifyFailures: relaxed, resetsPerAccount: relaxed, perAddress: relaxed } });
  const service = await startService({ context, sweepEveryMs: 0 });
  const start = await fetch(`${service.url}/api/v1/reset`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: 'alain@contoso.com' }) });
  const { data } = (await start.json()) as { data: { resetToken: string; methods: { id: string }[] } };
  const run = await autocannon({
    url: `${service.url}/api/v1/reset/verify`,
    method: 'POST',
    connections: 10,
    duration: seconds,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${data.resetToken}` },
    body: JSON.stringify({ methodId: data.methods[0]!.id, code: '000001' }),
  });
  await service.close();
  return run;
}

function record(prefix: string, load: autocannon.Result, note: string) {
  results[`${prefix}PerSec`] = Math.round(load.requests.average);
  results[`${prefix}P99Ms`] = load.latency.p99;
  results[`${prefix}Requests`] = load.requests.total;
  results[`${prefix}5xx`] = load['5xx'];
  results[`${prefix}Note`] = note;
  console.log(`${prefix}PerSec`, results[`${prefix}PerSec`], 'p99 ms', load.latency.p99);
}

async function argon2idHashMs(runs = 20): Promise<number> {
  const hasher = new Argon2Hasher();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await hasher.hash(`code-${i}`);
    times.push(performance.now() - t);
  }
  return Math.round(median(times) * 10) / 10;
}

/** Process start to "listening" of `npm run server -- --config` with a SQLite store (tsx included). */
async function serviceStartupMs(runs = 5): Promise<number[]> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-start-'));
  const config = join(dir, 'service.yaml');
  writeFileSync(config, ['tenant: { name: Bench, helpdesk: {} }', 'policy: { methodsEnabled: [authenticatorApp] }', 'directory: { kind: memory, users: [] }', `store: { kind: sqlite, path: ${join(dir, 'bench.db')} }`, 'secrets: { keyEnv: BENCH_KEY }', 'server: { port: 0 }'].join('\n'));
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'server', 'cli.ts'), '--config', config], { env: { ...process.env, BENCH_KEY: randomBytes(32).toString('base64') }, stdio: ['ignore', 'pipe', 'pipe'] });
    await new Promise<void>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (c: Buffer) => {
        out += c.toString();
        if (out.includes('listening on')) resolve();
      });
      child.on('exit', (code) => reject(new Error(`service exited ${code}`)));
    });
    times.push(performance.now() - started);
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
  return times.map(Math.round);
}

// First, while the machine is quietest: code verifies against their floor, the service in its own process.
try {
  Object.assign(results, await verifyVsFloor());
} catch (e) {
  if (e instanceof BusyMachine) {
    console.error(e.message);
    process.exit(3);
  }
  throw e;
}

const dist = ensureRendererBuilt(root, console.log);
results['renderer.initialJsGzipKB'] = initialJsGzipKB(dist);
console.log('renderer.initialJsGzipKB', results['renderer.initialJsGzipKB']);

const screens = await firstScreenMs(dist);
results['renderer.firstScreenMs'] = Math.round(median(screens));
results['renderer.firstScreenMsAll'] = screens.map(Math.round);
console.log('renderer.firstScreenMs (median of 10)', results['renderer.firstScreenMs'], screens.map(Math.round));
const lockScreens = await firstScreenMs(dist, 10, { lockScreen: true });
results['renderer.firstScreenMs.lockScreenReset'] = Math.round(median(lockScreens));
results['renderer.firstScreenMs.lockScreenResetAll'] = lockScreens.map(Math.round);
console.log('renderer.firstScreenMs --lock-screen --reset (median of 10)', results['renderer.firstScreenMs.lockScreenReset'], lockScreens.map(Math.round));

const dbDir = mkdtempSync(join(tmpdir(), 'bench-db-'));
record('service.verifyCode', await verifyCodeLoad(SqliteStore.open(join(dbDir, 'bench.db'))), 'SQLite store (WAL, synchronous=NORMAL: the default durability "crash"), file on disk; wrong-code path of POST /api/v1/reset/verify (2 writes: failure counter, audit); 10 connections, 8 s, autocannon on loopback');
record('service.sqliteFull.verifyCode', await verifyCodeLoad(SqliteStore.open(join(dbDir, 'bench-full.db'), { durability: 'power-loss' })), 'SQLite store with durability "power-loss" (synchronous=FULL: fsync per commit), same load');
record('service.memory.verifyCode', await verifyCodeLoad(new MemoryStore()), 'memory store (the demo), same load');
const pgUrl = process.env.SIGNIN_TEST_PG_URL;
if (pgUrl) {
  const { PostgresStore } = await import('../server/store/postgres-store.js');
  record('service.postgres.verifyCode', await verifyCodeLoad(await PostgresStore.open(pgUrl)), 'PostgreSQL store on loopback (throwaway cluster from scripts/with-postgres.sh), same load');
} else {
  results['service.postgres.verifyCodeNote'] = 'not measured: no PostgreSQL (run through scripts/with-postgres.sh, as npm run bench does)';
}
results['crypto.argon2idHashMs'] = await argon2idHashMs();
console.log('crypto.argon2idHashMs', results['crypto.argon2idHashMs']);
const startups = await serviceStartupMs();
results['service.startupMs'] = median(startups);
results['service.startupMsAll'] = startups;
results['service.startupNote'] = 'process start to "listening" of npm run server -- --config (SQLite store), including tsx loading the TypeScript sources';
console.log('service.startupMs', results['service.startupMs'], startups);

Object.assign(results, await passwordCheckBench());
console.log('service.passwordCheckPerSec', results['service.passwordCheckPerSec'], 'index build ms', results['service.passwordCheckIndexBuildMs']);

// Real directories (slapd, Samba AD: run under flock /tmp/samba-ad.lock) and the paths a real user takes.
Object.assign(results, await directoriesBench());

results.machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model, memGB: Math.round(totalmem() / 2 ** 30), node: process.version, platform: process.platform, at: new Date().toISOString(), loadavgAtStart, loadavgAtEnd: loadavg().map((l) => Math.round(l * 100) / 100) };
mkdirSync(join(root, 'bench'), { recursive: true });
writeFileSync(join(root, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log('wrote bench/results.json');
