/**
 * Every acknowledged write survives the writer being killed (kill -9) mid-burst: a child
 * process writes methods and prints each id after its write resolved; the parent kills it
 * with SIGKILL after N ids, reopens the store, and finds every printed id (SQLite: and
 * `PRAGMA integrity_check` = ok). Against PostgreSQL the writer is killed, not the server.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PostgresStore } from '../../../server/store/postgres-store.js';
import { SqliteStore } from '../../../server/store/sqlite-store.js';
import type { Store } from '../../../server/store/store.js';
import { PG_MISSING, pgUrl, TestSchemas } from './pg-test-db.js';

const WRITER = join(import.meta.dirname, 'fixtures', 'burst-writer.ts');
const KILL_AFTER = 1000;

interface Burst {
  acknowledged: string[];
  signal: NodeJS.Signals | null;
  code: number | null;
  ms: number;
}

/** Run the writer, SIGKILL it once `killAfter` ids were acknowledged, and collect every id it printed. */
function burst(args: string[], killAfter: number): Promise<Burst> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const acknowledged: string[] = [];
    let buffered = '';
    let stderr = '';
    let started = 0;
    let killed = false;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        if (line === 'ready') started = Date.now();
        else if (line) acknowledged.push(line);
      }
      if (!killed && acknowledged.length >= killAfter) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', reject);
    // 'close': the process is gone and its stdout drained (ids printed just before the kill included).
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (!killed) reject(new Error(`writer ended before ${killAfter} writes (code ${code}, signal ${signal}): ${stderr}`));
      else resolve({ acknowledged, signal, code, ms: Date.now() - started });
    });
  });
}

async function assertAllPresent(store: Store, run: Burst, killAfter = KILL_AFTER): Promise<void> {
  expect(run.signal).toBe('SIGKILL'); // killed mid-burst, not finished
  expect(run.acknowledged.length).toBeGreaterThanOrEqual(killAfter);
  const stored = new Set((await store.listMethods('BURST@contoso.com')).map((m) => m.id));
  const lost = run.acknowledged.filter((id) => !stored.has(id));
  expect(lost).toEqual([]);
  // At most the writes in flight at the kill may be stored without having been printed.
  expect(stored.size - run.acknowledged.length).toBeLessThanOrEqual(8);
  console.log(`durability: ${run.acknowledged.length} acknowledged in ${run.ms} ms, all ${run.acknowledged.length} found after SIGKILL (${stored.size} stored)`);
}

describe('durability: acknowledged writes survive kill -9 of the writer', () => {
  it('SQLite (WAL, synchronous=NORMAL, the default): every printed id is there and the file is intact, kill after kill', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'signin-durable-'));
    try {
      const path = join(dir, 'burst.db');
      const all: string[] = [];
      // Three writers in turn on the same file, each killed mid-burst: recovery after recovery.
      for (const [round, killAfter] of [[1, KILL_AFTER], [2, KILL_AFTER / 2], [3, KILL_AFTER]] as const) {
        const run = await burst(['sqlite', path, '1', `round${round}`], killAfter);
        all.push(...run.acknowledged);
        const store = SqliteStore.open(path);
        try {
          expect(store.integrityCheck()).toBe('ok');
          await assertAllPresent(store, { ...run, acknowledged: all }, killAfter);
        } finally {
          await store.close();
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  const base = pgUrl();
  if (!base) {
    it('PostgreSQL: needs SIGNIN_TEST_PG_URL', () => {
      throw new Error(PG_MISSING);
    });
    return;
  }
  const schemas = new TestSchemas(base);
  afterAll(() => schemas.dropAll());

  it('PostgreSQL (8 writers in parallel): every printed id is there', async () => {
    const { url } = await schemas.create();
    const run = await burst(['postgres', url, '8'], KILL_AFTER);
    const store = await PostgresStore.open(url);
    try {
      await assertAllPresent(store, run);
    } finally {
      await store.close();
    }
  });
});
