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
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { SecretBox } from '../../server/crypto/secret-box.js';
import { iso, newId } from '../../server/service-context.js';
import { defaultPolicy } from '../../server/policy/policy.js';
import { SqliteStore } from '../../server/store/sqlite-store.js';
import type { Store } from '../../server/store/store.js';
import { newTotpSecret } from '../../server/verifiers/totp.js';
import { otherCode } from '../../test/support/api-flows.js';
import { totpCode } from '../../test/support/totp.js';
import { dataOf, jsonClient, type JsonClient } from './json-client.js';
import { ready, root, startListening, stop } from './processes.js';
import { buildService } from '../build-service.mjs';
import { cpuMsOf, loadNow, percentile, round, spread, timedBatch, type Batch } from './stats.js';


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

/** Where ours keeps its state: the SQLite file every figure is measured with, and PostgreSQL beside it when one is given. */
type Side = 'floor' | 'ours' | 'oursPostgres';

interface User {
  /** The address the user's requests come from, as the reverse proxy in front of the service says (X-Forwarded-For). */
  address: string;
  userId: string;
  secret: string;
  /** The user's started reset and method on each service (each has its own store). */
  reset: Partial<Record<Side, { token: string; methodId: string }>>;
}

/** A batch, with the CPU the server process spent on it per request (null off Linux). */
type ServerBatch = Batch & { cpuMsPerRequest: number | null };

/**
 * The paths measured: a wrong code, the right code, any code on a method blocked by wrong ones
 * (THROTTLED, even for the right code), a sign-in, a reset start, and a whole reset (start →
 * the right code → a new password, one user's three requests timed as one).
 */
const PATHS = ['wrongCode', 'rightCode', 'blocked', 'signIn', 'resetStart', 'wholeReset'] as const;
type Path = (typeof PATHS)[number];
const expected: Record<Path, string> = { wrongCode: 'INVALID_CODE', rightCode: 'ok', blocked: 'THROTTLED', signIn: 'ok', resetStart: 'ok', wholeReset: 'ok' };
/** Every bench user's password (the memory directory's seed; the floor hashes the same one with the same scrypt cost). */
const PASSWORD = 'Bench-Start-Passw0rd!';
const SCRYPT_COST = 4;
/** A new password every policy rule accepts (long, random, no part of the user's id or the tenant's name in it). */
const newPassword = () => `Quartz-${randomBytes(12).toString('base64url')}-9q`;

type Answer = Awaited<ReturnType<JsonClient['post']>>;
const outcome = (answer: Answer) => (answer.body.ok ? 'ok' : answer.body.error.code);

/** One user's whole reset as the app makes it; the first answer that is not ok is the outcome. */
async function wholeReset(client: JsonClient, u: User, code: string, headers: Record<string, string>): Promise<Answer> {
  const start = await client.post('/reset', { userId: u.userId }, undefined, headers);
  if (!start.body.ok) return start;
  const { resetToken, methods } = start.body.data as { resetToken: string; methods: { id: string }[] };
  const verify = await client.post('/reset/verify', { methodId: methods[0]!.id, code }, resetToken, headers);
  if (!verify.body.ok) return verify;
  return client.post('/reset/password', { newPassword: newPassword() }, resetToken, headers);
}

/** The request (or requests) of `path` for one user. */
function request(client: JsonClient, path: Path, u: User, reset: { token: string; methodId: string }, code: string, headers: Record<string, string>): Promise<Answer> {
  switch (path) {
    case 'signIn':
      return client.post('/sessions', { userId: u.userId, password: PASSWORD }, undefined, headers);
    case 'resetStart':
      return client.post('/reset', { userId: u.userId }, undefined, headers);
    case 'wholeReset':
      return wholeReset(client, u, code, headers);
    default:
      return client.post('/reset/verify', { methodId: reset.methodId, code }, reset.token, headers);
  }
}

async function verifyBatch(client: JsonClient, server: ChildProcess, side: Side, users: readonly User[], codes: readonly string[], connections: number, path: Path): Promise<ServerBatch> {
  const cpuBefore = cpuMsOf(server.pid!);
  const batch = await timedBatch(users.length, connections, async (i) => {
    const u = users[i]!;
    // The floor is given the SQLite side's tokens (its fixture); any token of the user's would do.
    const reset = u.reset[side === 'floor' ? 'ours' : side]!;
    const answer = await request(client, path, u, reset, codes[i]!, { 'x-forwarded-for': u.address });
    const got = outcome(answer);
    if (got !== expected[path]) throw new Error(`verify ${u.userId} (${path}): expected ${expected[path]}, got ${answer.status} ${got}`);
  });
  const cpuAfter = cpuMsOf(server.pid!);
  return { ...batch, cpuMsPerRequest: cpuBefore === null || cpuAfter === null ? null : round((cpuAfter - cpuBefore) / users.length, 3) };
}

/** Register every user's authenticator app in `store` (sealed as the service seals it). */
async function seedMethods(store: Store, users: readonly User[], box: SecretBox): Promise<void> {
  const now = iso(Date.now());
  for (const u of users) await store.addMethod({ id: newId('method'), userId: u.userId, type: 'authenticatorApp', label: 'Phone', createdAt: now, secret: box.seal(u.secret) });
  await store.close();
}

/** A fresh schema in the PostgreSQL at `url`, for one run: the URL that puts the service in it. */
async function freshPostgresSchema(url: string): Promise<string> {
  const { default: pg } = await import('pg');
  const schema = `bench_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`CREATE SCHEMA ${schema}`);
  await client.end();
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}

/**
 * `postgresUrl`: also measure ours with a PostgreSQL store (a schema of its own there), in
 * the same repetitions, on the same users and against the same floor.
 */
export async function verifyVsFloor({ users: userCount = 20_000, reps = 3, perRun = 3000, blockedPerRep = 300, connections = 10, postgresUrl = undefined as string | undefined } = {}): Promise<Record<string, unknown>> {
  // Each repetition: perRun users for wrong codes, perRun for right codes, blockedPerRep whose method is blocked (perRun requests over them).
  const perRep = 2 * perRun + blockedPerRep;
  const needed = reps * perRep;
  if (needed > userCount) throw new Error(`verifyVsFloor: ${needed} users needed, ${userCount} seeded`);
  const dir = mkdtempSync(join(tmpdir(), 'bench-floor-'));
  const key = randomBytes(32);
  const box = new SecretBox(key);

  // The fixture: the directory's users (low scrypt cost: the verify path never checks a password) and their apps in each store.
  const seedStarted = performance.now();
  const users: User[] = Array.from({ length: userCount }, (_, i) => ({ address: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`, userId: `bench${String(i).padStart(6, '0')}@contoso.example`, secret: newTotpSecret(defaultPolicy.totp), reset: {} }));
  const storePath = join(dir, 'service.db');
  await seedMethods(SqliteStore.open(storePath), users, box);
  const pgServiceUrl = postgresUrl ? await freshPostgresSchema(postgresUrl) : undefined;
  if (pgServiceUrl) {
    const { PostgresStore } = await import('../../server/store/postgres-store.js');
    await seedMethods(await PostgresStore.open(pgServiceUrl), users, box);
  }
  const config = (store: Record<string, unknown>) => ({
    tenant: { name: 'Contoso' },
    // Every throttle at its default: the users come from their own addresses, as a reverse proxy on loopback reports them.
    policy: { methodsEnabled: ['authenticatorApp'] },
    directory: { kind: 'memory', scryptCost: SCRYPT_COST, users: users.map((u) => ({ userId: u.userId, displayName: u.userId, password: PASSWORD })) },
    store,
    secrets: { keyEnv: 'BENCH_KEY' },
    server: { host: '127.0.0.1', port: 0, trustedProxies: ['127.0.0.1'] },
  });
  // JSON is YAML: the service reads it as its YAML configuration.
  const configPaths: Partial<Record<Side, string>> = { ours: join(dir, 'service.yaml') };
  writeFileSync(configPaths.ours!, JSON.stringify(config({ kind: 'sqlite', path: storePath })));
  if (pgServiceUrl) writeFileSync((configPaths.oursPostgres = join(dir, 'service-postgres.yaml')), JSON.stringify(config({ kind: 'postgres', urlEnv: 'BENCH_PG_URL' })));
  const seedMs = Math.round(performance.now() - seedStarted);

  const env = { ...process.env, BENCH_KEY: key.toString('base64'), ...(pgServiceUrl ? { BENCH_PG_URL: pgServiceUrl } : {}) };
  // PostgreSQL with the memory directory is refused by the CLI (several instances would disagree on passwords):
  // the bench's single instance runs from a twin entry, built like the CLI (./store-twin.ts).
  const twin = pgServiceUrl ? await buildService(join(root, 'scripts', 'bench', 'store-twin.ts'), join(root, 'dist', 'bench')) : undefined;
  const entry = (side: Side) => (side === 'oursPostgres' ? [twin!, configPaths[side]!] : [join(root, 'scripts', 'server.mjs'), '--config', configPaths[side]!]);
  const serve = (side: Side, log: string, profile: string[] = []) => startListening([...profile, ...entry(side)], join(dir, log), `the service (${side})`, env);
  const processes: Partial<Record<Side, ChildProcess>> = {};
  const clients: Partial<Record<Side, JsonClient>> = {};
  const used = users.slice(0, needed);
  const blockedUsers = Array.from({ length: reps }, (_, rep) => used.slice(rep * perRep + 2 * perRun, (rep + 1) * perRep)).flat();
  try {
    const services = (['ours', 'oursPostgres'] as const).filter((side) => configPaths[side]);
    for (const side of services) {
      const serving = await serve(side, `${side}.log`);
      processes[side] = serving.child;
      await ready(serving.url);
      const client = (clients[side] = jsonClient(serving.url, connections));
      // Every reset the runs will use, started first (timed: the reset start a user's first screen waits for).
      await refuseWhenBusy(`the reset starts (${side})`);
      const starts = await timedBatch(used.length, connections, async (i) => {
        const u = used[i]!;
        const data = dataOf(await client.post('/reset', { userId: u.userId }, undefined, { 'x-forwarded-for': u.address }), `start ${u.userId}`) as { resetToken: string; methods: { id: string }[] };
        u.reset[side] = { token: data.resetToken, methodId: data.methods[0]!.id };
      });
      if (starts.failures > 0) throw new Error(`reset starts (${side}) failed: ${starts.firstFailure}`);
      // The blocked path's users: wrong codes up to the method's limit (the policy's default), as an attacker leaves it.
      for (const u of blockedUsers) {
        const reset = u.reset[side]!;
        for (let attempt = 1; attempt <= defaultPolicy.verifyFailures.max; attempt++) {
          const answer = await client.post('/reset/verify', { methodId: reset.methodId, code: otherCode(await totpCode(u.secret, Date.now())) }, reset.token, { 'x-forwarded-for': u.address });
          if (answer.body.ok || answer.body.error.code !== 'INVALID_CODE') throw new Error(`blocking ${u.userId} (${side}): attempt ${attempt} answered ${answer.status}`);
        }
      }
    }
    if (process.env.BENCH_PROFILE_DIR) {
      // BENCH_PROFILE_DIR=dir: the verifies alone in a CPU profile (`--cpu-prof`, written there when the service stops):
      // the SQLite service is started again on the same store and directory, after the starts.
      clients.ours!.close();
      await stop(processes.ours!);
      const serving = await serve('ours', 'ours-profiled.log', ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`]);
      processes.ours = serving.child;
      await ready(serving.url);
      clients.ours = jsonClient(serving.url, connections);
    }

    const fixture = join(dir, 'floor-fixture.json');
    const blockedUntil = Date.now() + defaultPolicy.verifyFailures.blockMs;
    const blockedSet = new Set(blockedUsers);
    writeFileSync(fixture, JSON.stringify(used.map((u) => ({ token: u.reset.ours!.token, methodId: u.reset.ours!.methodId, secret: u.secret, userId: u.userId, password: PASSWORD, scryptN: 2 ** SCRYPT_COST, ...(blockedSet.has(u) ? { blockedUntil } : {}) }))));
    const floorServing = await startListening([join(root, 'scripts', 'bench', 'floor-server.mjs'), fixture, join(dir, 'floor.db')], join(dir, 'floor.log'), 'the floor');
    processes.floor = floorServing.child;
    clients.floor = jsonClient(floorServing.url, connections);

    const sides: Side[] = ['floor', ...services];
    const runs = Object.fromEntries(PATHS.map((path) => [path, {}])) as Record<Path, Partial<Record<Side, ServerBatch[]>>>;
    const loadavgBefore: number[][] = [];
    for (let rep = 0; rep < reps; rep++) {
      loadavgBefore.push(await refuseWhenBusy(`repetition ${rep + 1}`));
      const first = rep * perRep;
      const blockedOfRep = used.slice(first + 2 * perRun, first + perRep);
      const groups: Record<Path, User[]> = {
        wrongCode: used.slice(first, first + perRun),
        rightCode: used.slice(first + perRun, first + 2 * perRun),
        // perRun requests over the repetition's blocked users, each several times (an attacker goes on trying).
        blocked: Array.from({ length: perRun }, (_, i) => blockedOfRep[i % blockedOfRep.length]!),
        // Sign-in with the right password, by the users of the wrong codes (a sign-in leaves their resets alone).
        signIn: used.slice(first, first + perRun),
        // A second reset started by the users of the right codes (within the resets an account may start in an hour).
        resetStart: used.slice(first + perRun, first + 2 * perRun),
        // Whole resets by the users of the wrong codes: their right codes are not used yet (a used code is refused).
        wholeReset: used.slice(first, first + perRun),
      };
      const order = rep % 2 === 0 ? sides : [...sides].reverse();
      for (const path of PATHS) {
        const group = groups[path];
        for (const side of order) {
          // The codes an app shows now, made before the timed part; a wrong one differs in every digit.
          const nowMs = Date.now();
          // On a blocked method even the right code is refused: the blocked path gets right ones (a reset start ignores its code).
          const codes = await Promise.all(group.map(async (u) => (path === 'wrongCode' ? otherCode(await totpCode(u.secret, nowMs)) : totpCode(u.secret, nowMs))));
          const batch = await verifyBatch(clients[side]!, processes[side]!, side, group, codes, connections, path);
          if (batch.failures > 0) throw new Error(`${path} (${side}): ${batch.failures} failed, first: ${batch.firstFailure}`);
          (runs[path][side] ??= []).push(batch);
          console.log(`verifyVsFloor rep ${rep + 1}/${reps} ${path} ${side}: ${batch.perSec}/s p50 ${batch.p50Ms} ms p99 ${batch.p99Ms} ms, ${batch.cpuMsPerRequest} CPU ms a request`);
        }
      }
    }

    const out: Record<string, unknown> = {};
    for (const path of PATHS) {
      const f = runs[path].floor!;
      for (const side of services) {
        const o = runs[path][side]!;
        const ratios = o.map((b, i) => b.perSec / f[i]!.perSec);
        const key = side === 'ours' ? `service.verifyVsFloor.${path}` : `service.postgres.verifyVsFloor.${path}`;
        out[`${key}.ratio`] = round(percentile(ratios, 50));
        out[`${key}.ratioSpread`] = spread(ratios);
        out[`${key}.oursPerSec`] = spread(o.map((b) => b.perSec), 0);
        out[`${key}.floorPerSec`] = spread(f.map((b) => b.perSec), 0);
        out[`${key}.oursP50Ms`] = spread(o.map((b) => b.p50Ms));
        out[`${key}.oursP99Ms`] = spread(o.map((b) => b.p99Ms));
        out[`${key}.floorP50Ms`] = spread(f.map((b) => b.p50Ms));
        out[`${key}.floorP99Ms`] = spread(f.map((b) => b.p99Ms));
        // CPU per request, floor over ours: the share of ours that is the floor's irreducible work, whatever the client's concurrency.
        const cpuRatios = o.flatMap((b, i) => (b.cpuMsPerRequest && f[i]!.cpuMsPerRequest ? [f[i]!.cpuMsPerRequest / b.cpuMsPerRequest] : []));
        if (cpuRatios.length === o.length) {
          out[`${key}.cpuRatio`] = round(percentile(cpuRatios, 50));
          out[`${key}.cpuRatioSpread`] = spread(cpuRatios);
          out[`${key}.oursCpuMsPerRequest`] = spread(o.map((b) => b.cpuMsPerRequest!), 3);
          out[`${key}.floorCpuMsPerRequest`] = spread(f.map((b) => b.cpuMsPerRequest!), 3);
        }
        console.log(`${key}: ours/floor ${out[`${key}.ratio`]} (${ratios.map((r) => round(r)).join(', ')}); by CPU a request ${out[`${key}.cpuRatio`] ?? 'n/a'}`);
      }
      if (runs[path].oursPostgres) {
        // PostgreSQL against SQLite, per repetition (the issue's aim: within 2×, i.e. at least 0.5).
        const pgRatios = runs[path].oursPostgres!.map((b, i) => b.perSec / runs[path].ours![i]!.perSec);
        out[`service.postgres.vsSqlite.${path}.ratio`] = round(percentile(pgRatios, 50));
        out[`service.postgres.vsSqlite.${path}.ratioSpread`] = spread(pgRatios);
        console.log(`service.postgres.vsSqlite.${path}: ${out[`service.postgres.vsSqlite.${path}.ratio`]} (${pgRatios.map((r) => round(r)).join(', ')})`);
      }
    }
    out['service.verifyVsFloor.loadavgBefore'] = loadavgBefore;
    out['service.verifyVsFloor.note'] = `${userCount} users (memory directory, scrypt cost 2^${SCRYPT_COST} for the seeds; fixture ${seedMs} ms), SQLite store on disk${pgServiceUrl ? ' (and PostgreSQL on loopback, a schema of its own: service.postgres.*)' : ''}, every throttle at its default, each user from its own address (X-Forwarded-For from a trusted proxy on loopback); the service as npm run server -- --config runs it (its own process, built bundle, production logging at info to a file of its own); the floor scripts/bench/floor-server.mjs (node:http, JSON, one SQLite read, one otplib verify, one SQLite write), its own process; ${perRun} requests per run, each a fresh user's reset (blocked: ${blockedPerRep} users per repetition whose method ${defaultPolicy.verifyFailures.max} wrong codes blocked, ${perRun} requests over them with right codes, answered THROTTLED; the floor reads the reset and its block and answers 429; signIn: POST /sessions with the right password, the floor one read, one scrypt at the memory directory's cost, one session written; resetStart: POST /reset by a user with a reset already, the floor two reads and one write; wholeReset: POST /reset, /reset/verify with the right code and /reset/password with a new random password, one user's three requests timed as one, per second = whole resets per second, the floor's password step one read, the length rule, one scrypt at the directory's cost and one transaction of two writes, no strength estimate), ${connections} keep-alive connections; ${reps} repetitions alternating the order of the sides; ratio = ours/floor requests per second per repetition; cpuRatio = floor/ours CPU ms per request (the server process's, from /proc)`;
    return out;
  } finally {
    for (const c of Object.values(clients)) c.close();
    for (const child of Object.values(processes)) await stop(child);
  }
}

/** For a look at the figures on their own: `npx tsx scripts/bench/verify-vs-floor.ts`. */
if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await verifyVsFloor({ postgresUrl: process.env.SIGNIN_TEST_PG_URL }), null, 2));
  console.log('loadavg after', loadavg());
}
