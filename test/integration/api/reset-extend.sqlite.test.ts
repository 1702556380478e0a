/** POST /reset/extend races on SQLite (a temp file, as a site runs it); the scenarios: ./reset-extend-scenarios.ts. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe } from 'vitest';
import { SqliteStore } from '../../../server/store/sqlite-store.js';
import { resetExtendRaces } from './reset-extend-scenarios.js';

const dir = mkdtempSync(join(tmpdir(), 'reset-extend-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

describe('reset extension races (SQLite)', () => {
  resetExtendRaces(async () => SqliteStore.open(join(dir, `store-${++n}.db`)), async (s) => s?.close());
});
