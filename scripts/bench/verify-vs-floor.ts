/**
 * Code verifies against their floor (issue 10), measured in one run on the same users:
 * - ours: the service in its own process, started as the README starts it (`node
 *   scripts/server.mjs --config FILE`: the built bundle, production logging at info to a file),
 *   SQLite store, a memory directory of tens of thousands of users, each with an authenticator
 *   app in the store; every request a fresh user's started reset;
 * - the floor: scripts/bench/floor-server.mjs, node:http + JSON + one SQLite read + one otplib
 *   verify + one SQLite write, its own process, the same users, codes and client load.
 * Wrong code and right code (the app's current code, each user once), alternating floor/ours
 * in each of `reps` repetitions (ABAB, then BABA…), the load average before each; a machine
 * busier than its cores refuses the run. Headline: ours/floor per repetition, median and spread.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { SecretBox } from '../../server/crypto/secret-box.js';
import { iso, newId } from '../../server/service-context.js';
import { defaultPolicy } from '../../server/policy/policy.js';
import { SqliteStore } from '../../server/store/sqlite-store.js';
import { newTotpSecret } from '../../server/verifiers/totp.js';
import { otherCode } from '../../test/support/api-flows.js';
import { totpCode } from '../../test/support/totp.js';
import { dataOf, jsonClient, type JsonClient } from './json-client.js';
import { loadNow, percentile, round, spread, timedBatch, type Batch } from './stats.js';

const root = join(import.meta.dirname, '..', '..');

/** Thrown when the machine is busier than its cores before a repetition: no figure is written from such a run. */
export class BusyMachine extends Error {}

/**
 * The load average before a repetition, once it is at most the core count. The bench's own
 * previous run lifts the 1-minute figure for a while, so it waits up to `settleMs` for it to
 * come down; still above then, something else is busy, and the run is refused.
 */
export async function refuseWhenBusy(where: string, settleMs = 45_000): Promise<number[]> {
  const cores = cpus().length;
  const deadline = Date.now() + settleMs;
  let load = loadNow();
  while (load[0]! > cores && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 2_000));
    load = loadNow();
  }
  if (load[0]! > cores) throw new BusyMachine(`bench: the machine is busy before ${where} (load ${load[0]} > ${cores} cores, ${settleMs / 1000} s after the previous run): no results written. Run it again on a quiet machine.`);
  return load;
}

interface User {
  /** The address the user's requests come from, as the reverse proxy in front of the service says (X-Forwarded-For). */
  address: string;
  userId: string;
  secret: string;
  token?: string;
  methodId?: string;
}

/** A child process that prints "listening on URL": its URL, once it does; its output goes on to `logFile`. */
function started(child: ChildProcess, logFile: string, what: string): Promise<string> {
  const log = createWriteStream(logFile);
  return new Promise((resolve, reject) => {
    let seen = '';
    const onData = (c: Buffer) => {
      log.write(c);
      seen += c.toString();
      const url = /listening on (https?:\/\/[^\s]+)/.exec(seen)?.[1];
      if (url) resolve(url);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${what} exited ${code} before listening: ${seen.slice(-500)}`)));
  });
}

async function ready(url: string): Promise<void> {
  for (const deadline = Date.now() + 30_000; Date.now() < deadline; ) {
    const r = await fetch(`${url}/readyz`).catch(() => null);
    if (r?.status === 200) return;
    await new Promise((res) => setTimeout(res, 100));
  }
  throw new Error(`${url}/readyz never answered 200`);
}

const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });

function verifyBatch(client: JsonClient, users: readonly User[], codes: readonly string[], connections: number, wantOk: boolean): Promise<Batch> {
  return timedBatch(users.length, connections, async (i) => {
    const u = users[i]!;
    const answer = await client.post('/reset/verify', { methodId: u.methodId, code: codes[i] }, u.token, { 'x-forwarded-for': u.address });
    if (wantOk) dataOf(answer, `verify ${u.userId}`);
    else if (answer.body.ok || answer.body.error.code !== 'INVALID_CODE') throw new Error(`verify ${u.userId}: expected INVALID_CODE, got ${answer.status} ${answer.body.ok ? 'ok' : answer.body.error.code}`);
  });
}

export async function verifyVsFloor({ users: userCount = 20_000, reps = 3, perRun = 3000, connections = 10 } = {}): Promise<Record<string, unknown>> {
  const needed = reps * 2 * perRun;
  if (needed > userCount) throw new Error(`verifyVsFloor: ${needed} users needed, ${userCount} seeded`);
  const dir = mkdtempSync(join(tmpdir(), 'bench-floor-'));
  const key = randomBytes(32);
  const box = new SecretBox(key);

  // The fixture: the directory's users (low scrypt cost: the verify path never checks a password) and their apps in the store.
  const seedStarted = performance.now();
  const users: User[] = Array.from({ length: userCount }, (_, i) => ({ address: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`, userId: `bench${String(i).padStart(6, '0')}@contoso.example`, secret: newTotpSecret(defaultPolicy.totp) }));
  const storePath = join(dir, 'service.db');
  const store = SqliteStore.open(storePath);
  const now = iso(Date.now());
  for (const u of users) await store.addMethod({ id: newId('method'), userId: u.userId, type: 'authenticatorApp', label: 'Phone', createdAt: now, secret: box.seal(u.secret) });
  await store.close();
  const config = {
    tenant: { name: 'Contoso' },
    // Every throttle at its default: the users come from their own addresses, as a reverse proxy on loopback reports them.
    policy: { methodsEnabled: ['authenticatorApp'] },
    directory: { kind: 'memory', scryptCost: 4, users: users.map((u) => ({ userId: u.userId, displayName: u.userId, password: 'Bench-Start-Passw0rd!' })) },
    store: { kind: 'sqlite', path: storePath },
    secrets: { keyEnv: 'BENCH_KEY' },
    server: { host: '127.0.0.1', port: 0, trustedProxies: ['127.0.0.1'] },
  };
  // JSON is YAML: the service reads it as its YAML configuration.
  const configPath = join(dir, 'service.yaml');
  writeFileSync(configPath, JSON.stringify(config));
  const seedMs = Math.round(performance.now() - seedStarted);

  // BENCH_PROFILE_DIR=dir: the service writes a CPU profile there when it stops (`--cpu-prof`), for the hot path.
  const profile = process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : [];
  const service = spawn(process.execPath, [...profile, join(root, 'scripts', 'server.mjs'), '--config', configPath], { env: { ...process.env, BENCH_KEY: key.toString('base64') }, stdio: ['ignore', 'pipe', 'pipe'] });
  let floor: ChildProcess | undefined;
  const clients: JsonClient[] = [];
  try {
    const serviceUrl = await started(service, join(dir, 'service.log'), 'the service');
    await ready(serviceUrl);
    const ours = jsonClient(serviceUrl, connections);
    clients.push(ours);

    // Every reset the runs will use, started first (timed: the reset start a user's first screen waits for).
    const used = users.slice(0, needed);
    await refuseWhenBusy('the reset starts');
    const starts = await timedBatch(used.length, connections, async (i) => {
      const u = used[i]!;
      const data = dataOf(await ours.post('/reset', { userId: u.userId }, undefined, { 'x-forwarded-for': u.address }), `start ${u.userId}`) as { resetToken: string; methods: { id: string }[] };
      u.token = data.resetToken;
      u.methodId = data.methods[0]!.id;
    });
    if (starts.failures > 0) throw new Error(`reset starts failed: ${starts.firstFailure}`);

    const fixture = join(dir, 'floor-fixture.json');
    writeFileSync(fixture, JSON.stringify(used.map((u) => ({ token: u.token, secret: u.secret }))));
    floor = spawn(process.execPath, [join(root, 'scripts', 'bench', 'floor-server.mjs'), fixture, join(dir, 'floor.db')], { stdio: ['ignore', 'pipe', 'pipe'] });
    const floorUrl = await started(floor, join(dir, 'floor.log'), 'the floor');
    const floorClient = jsonClient(floorUrl.replace(/\/$/, ''), connections);
    clients.push(floorClient);

    const sides = { floor: floorClient, ours } as const;
    const runs: Record<'wrongCode' | 'rightCode', Record<'floor' | 'ours', Batch[]>> = { wrongCode: { floor: [], ours: [] }, rightCode: { floor: [], ours: [] } };
    const loadavgBefore: number[][] = [];
    for (let rep = 0; rep < reps; rep++) {
      loadavgBefore.push(await refuseWhenBusy(`repetition ${rep + 1}`));
      const wrongUsers = used.slice(rep * 2 * perRun, rep * 2 * perRun + perRun);
      const rightUsers = used.slice(rep * 2 * perRun + perRun, (rep + 1) * 2 * perRun);
      const order = rep % 2 === 0 ? (['floor', 'ours'] as const) : (['ours', 'floor'] as const);
      for (const path of ['wrongCode', 'rightCode'] as const) {
        const group = path === 'wrongCode' ? wrongUsers : rightUsers;
        for (const side of order) {
          // The codes an app shows now, made before the timed part; a wrong one differs in every digit.
          const nowMs = Date.now();
          const codes = await Promise.all(group.map(async (u) => (path === 'rightCode' ? totpCode(u.secret, nowMs) : otherCode(await totpCode(u.secret, nowMs)))));
          const batch = await verifyBatch(sides[side], group, codes, connections, path === 'rightCode');
          if (batch.failures > 0) throw new Error(`${path} (${side}): ${batch.failures} failed, first: ${batch.firstFailure}`);
          runs[path][side].push(batch);
          console.log(`verifyVsFloor rep ${rep + 1}/${reps} ${path} ${side}: ${batch.perSec}/s p50 ${batch.p50Ms} ms p99 ${batch.p99Ms} ms`);
        }
      }
    }

    const out: Record<string, unknown> = {};
    for (const path of ['wrongCode', 'rightCode'] as const) {
      const { floor: f, ours: o } = runs[path];
      const ratios = o.map((b, i) => b.perSec / f[i]!.perSec);
      const key = `service.verifyVsFloor.${path}`;
      out[`${key}.ratio`] = round(percentile(ratios, 50));
      out[`${key}.ratioSpread`] = spread(ratios);
      out[`${key}.oursPerSec`] = spread(o.map((b) => b.perSec), 0);
      out[`${key}.floorPerSec`] = spread(f.map((b) => b.perSec), 0);
      out[`${key}.oursP50Ms`] = spread(o.map((b) => b.p50Ms));
      out[`${key}.oursP99Ms`] = spread(o.map((b) => b.p99Ms));
      out[`${key}.floorP50Ms`] = spread(f.map((b) => b.p50Ms));
      out[`${key}.floorP99Ms`] = spread(f.map((b) => b.p99Ms));
      console.log(`${key}: ours/floor ${out[`${key}.ratio`]} (${ratios.map((r) => round(r)).join(', ')})`);
    }
    out['service.verifyVsFloor.resetStartPerSec'] = starts.perSec;
    out['service.verifyVsFloor.resetStartP50Ms'] = starts.p50Ms;
    out['service.verifyVsFloor.resetStartP99Ms'] = starts.p99Ms;
    out['service.verifyVsFloor.loadavgBefore'] = loadavgBefore;
    out['service.verifyVsFloor.note'] = `${userCount} users (memory directory, scrypt cost 2^4 for the seeds; fixture ${seedMs} ms), SQLite store on disk, every throttle at its default, each user from its own address (X-Forwarded-For from a trusted proxy on loopback); the service as npm run server -- --config runs it (its own process, built bundle, production logging at info to a file); the floor scripts/bench/floor-server.mjs (node:http, JSON, one SQLite read, one otplib verify, one SQLite write), its own process; ${perRun} requests per run, each a fresh user's reset, ${connections} keep-alive connections; ${reps} repetitions alternating which side goes first; ratio = ours/floor per repetition`;
    return out;
  } finally {
    for (const c of clients) c.close();
    if (floor) await stop(floor);
    await stop(service);
  }
}

/** For a look at the figures on their own: `npx tsx scripts/bench/verify-vs-floor.ts`. */
if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await verifyVsFloor(), null, 2));
  console.log('loadavg after', loadavg());
}
