/**
 * `npm run bench`: the project's performance figures, written to bench/results.json as flat,
 * self-describing keys with units. Figures from one run are comparable with each other;
 * across machines and runs, compare ratios — these machines are noisy.
 */
import autocannon from 'autocannon';
import { chromium } from 'playwright';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { MemoryVault } from '../electron/core/vault/memory-vault.js';
import { ensureRendererBuilt } from '../electron/web-host/renderer-build.js';
import { startWebHost } from '../electron/web-host/web-host.js';
import { createDemoContext } from '../server/create-demo-context.js';
import { startService } from '../server/start-service.js';
import { findChromium } from './system-deps.mjs';

const root = join(import.meta.dirname, '..');
const results: Record<string, unknown> = {};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** JS the browser must fetch before the first screen: the entry script and its modulepreloads. */
function initialJsGzipKB(distDir: string): number {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const files = [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="([^"]+\.js)"/g)].map((m) => m[1]!.replace(/^\.?\//, ''));
  const bytes = files.reduce((sum, f) => sum + gzipSync(readFileSync(join(distDir, f)), { level: 9 }).length, 0);
  return Math.round((bytes / 1024) * 10) / 10;
}

async function firstScreenMs(distDir: string, runs = 10): Promise<number[]> {
  const host = await startWebHost({ rendererDir: distDir, port: 0, version: 'bench', systemLocale: 'en-US', userPrefsPath: join(mkdtempSync(join(tmpdir(), 'bench-')), 'prefs.json'), vault: new MemoryVault() });
  const browser = await chromium.launch({ executablePath: findChromium() ?? undefined, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'] });
  const times: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(host.url, { waitUntil: 'commit' });
      // First interactive screen: the home screen's primary button is there and enabled.
      await page.getByRole('button', { name: 'Forgot my password' }).waitFor({ state: 'visible' });
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

async function verifyCodeLoad(seconds = 8) {
  // Failures must not block the method during the run: a bench policy, not the default one.
  const context = await createDemoContext({ policy: { verifyFailures: { max: 1e9, windowMs: 1, blockMs: 1 } } });
  const service = await startService({ context });
  const start = await fetch(`${service.url}/api/v1/reset`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: 'alain@contoso.com' }) });
  const { data } = (await start.json()) as { data: { resetToken: string; methods: { id: string }[] } };
  const run = await autocannon({
    url: `${service.url}/api/v1/reset/verify`,
    method: 'POST',
    connections: 10,
    duration: seconds,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${data.resetToken}` },
    // A well-formed code that is (almost surely) wrong: the full verify path runs every time.
    body: JSON.stringify({ methodId: data.methods[0]!.id, code: '000001' }),
  });
  await service.close();
  return run;
}

const dist = ensureRendererBuilt(root, console.log);
results['renderer.initialJsGzipKB'] = initialJsGzipKB(dist);
console.log('renderer.initialJsGzipKB', results['renderer.initialJsGzipKB']);

const screens = await firstScreenMs(dist);
results['renderer.firstScreenMs'] = Math.round(median(screens));
results['renderer.firstScreenMsAll'] = screens.map(Math.round);
console.log('renderer.firstScreenMs (median of 10)', results['renderer.firstScreenMs'], screens.map(Math.round));

const load = await verifyCodeLoad();
results['service.verifyCodePerSec'] = Math.round(load.requests.average);
results['service.verifyCodeP99Ms'] = load.latency.p99;
results['service.verifyCodeRequests'] = load.requests.total;
results['service.verifyCode5xx'] = load['5xx'];
results['service.verifyCodeNote'] = 'wrong-code path of POST /api/v1/reset/verify, memory store, 10 connections, 8 s, autocannon on loopback';
console.log('service.verifyCodePerSec', results['service.verifyCodePerSec'], 'p99 ms', results['service.verifyCodeP99Ms']);

results.machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model, memGB: Math.round(totalmem() / 2 ** 30), node: process.version, platform: process.platform, at: new Date().toISOString() };
mkdirSync(join(root, 'bench'), { recursive: true });
writeFileSync(join(root, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log('wrote bench/results.json');
