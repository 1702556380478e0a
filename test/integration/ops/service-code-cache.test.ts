/**
 * The built service's V8 code cache (scripts/service-loader.mjs): written once after a start,
 * kept while V8 accepts it, written again when it does not (here: a file of garbage), and never
 * met by another build (named by the bundle's hash; the build removes old ones). Each start must
 * serve whatever the cache's state. Built into a folder of its own under dist/, so the native
 * addons resolve from node_modules as they do for dist/server.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildService } from '../../../scripts/build-service.mjs';

const outdir = join(process.cwd(), 'dist', `test-code-cache-${randomBytes(4).toString('hex')}`);
let command = '';
const caches = () => readdirSync(outdir).filter((f) => f.endsWith('.cache'));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Starts the built service (demo), waits for "listening", checks it answers, stops it after `stayMs`. */
async function startAndServe(stayMs: number): Promise<void> {
  const child: ChildProcess = spawn(process.execPath, [command, '--demo', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const match = /listening on (\S+)/.exec(output);
        if (match) resolve(match[1]!);
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.once('exit', (code) => reject(new Error(`the service exited ${code}: ${output}`)));
      setTimeout(() => reject(new Error(`no "listening" line within 20 s: ${output}`)), 20_000);
    });
    const r = await fetch(`${url}/api/v1/password-policy/check`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ newPassword: 'Password123!' }) });
    expect(r.status).toBe(200);
    expect(((await r.json()) as { data: { verdict: string } }).data.verdict).toBe('refused');
    await sleep(stayMs);
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

beforeAll(async () => {
  command = await buildService(join(process.cwd(), 'server', 'cli.ts'), outdir);
}, 60_000);

afterAll(() => rmSync(outdir, { recursive: true, force: true }));

describe("the built service's code cache", { timeout: 60_000 }, () => {
  it('is written after the first start, under the bundle hash the command names', async () => {
    expect(caches()).toEqual([]);
    await startAndServe(3_000);
    const hash = /const bundleHash = '([0-9a-f]{16})'/.exec(readFileSync(command, 'utf8'))?.[1];
    expect(hash).toBeDefined();
    expect(caches()).toEqual([`cli.cjs.${hash}.cache`]);
  });

  it('is kept by a start that V8 accepts it for (not written again)', async () => {
    const [cache] = caches();
    const before = statSync(join(outdir, cache!)).mtimeMs;
    await startAndServe(3_000);
    expect(statSync(join(outdir, cache!)).mtimeMs).toBe(before);
  });

  it('a garbage cache does not stop the start, and is replaced by a real one', async () => {
    const [cache] = caches();
    const garbage = randomBytes(4096);
    writeFileSync(join(outdir, cache!), garbage);
    await startAndServe(3_000);
    const now = readFileSync(join(outdir, cache!));
    expect(now.equals(garbage)).toBe(false);
    expect(now.length).toBeGreaterThan(100_000);
  });

  it("a new build removes the previous build's caches", async () => {
    writeFileSync(join(outdir, 'cli.cjs.0000000000000000.cache'), 'old');
    await buildService(join(process.cwd(), 'server', 'cli.ts'), outdir);
    expect(caches()).toEqual([]);
  }, 60_000);
});
