/**
 * POST /reset/extend with its races forced (./reset-extend-interleaving.ts), on memory and on
 * SQLite (a temp file, as a site runs it; two connections on it for two instances).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe } from 'vitest';
import { MemoryStore } from '../../../server/store/memory-store.js';
import { SqliteStore } from '../../../server/store/sqlite-store.js';
import { resetExtendInterleavings } from './reset-extend-interleaving.js';

const dir = mkdtempSync(join(tmpdir(), 'reset-extend-interleaving-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

describe('reset extension, races forced (memory)', () => {
  resetExtendInterleavings(async () => {
    const store = new MemoryStore();
    return { stores: [store, store], close: () => store.close() };
  });
});

describe('reset extension, races forced (SQLite)', () => {
  resetExtendInterleavings(async () => {
    const file = join(dir, `store-${++n}.db`);
    const [a, b] = [SqliteStore.open(file), SqliteStore.open(file)];
    return { stores: [a, b], close: async () => void (await Promise.all([a.close(), b.close()])) };
  });
});
