/**
 * The warm-up after listening (server/warm-up.ts): /readyz answers 503 and names what is still
 * loading until it settles — loaded or failed (a failed part loads on first use) — then 200.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { warmUp, warmingUp } from '../../../server/warm-up.js';
import { createApiHarness, type ApiHarness } from '../../support/api-harness.js';

let h: ApiHarness;
afterEach(() => h.close());

const readyz = async () => {
  const r = await h.app.inject({ method: 'GET', url: '/readyz' });
  return { status: r.statusCode, body: r.json() as { ok: boolean; error?: { code: string; message: string } } };
};
const turn = () => new Promise((r) => setImmediate(r));

describe('warm-up and /readyz', () => {
  it('is not ready while a part warms up, names it, and is ready once it has loaded', async () => {
    h = await createApiHarness();
    let finish!: () => void;
    warmUp('the test part', () => new Promise<void>((resolve) => (finish = resolve)));
    await turn();
    const warming = await readyz();
    expect(warming.status).toBe(503);
    expect(warming.body.error).toMatchObject({ code: 'NOT_AVAILABLE', message: 'Warming up: the test part' });
    finish();
    await turn();
    expect(warmingUp()).toEqual([]);
    expect((await readyz()).status).toBe(200);
  });

  it('a part that fails to warm up is reported and no longer holds readiness back', async () => {
    h = await createApiHarness();
    const failures: unknown[] = [];
    warmUp('a broken part', async () => Promise.reject(new Error('cannot load')), (e) => failures.push(e));
    await turn();
    await turn();
    expect(failures).toHaveLength(1);
    expect((await readyz()).status).toBe(200);
  });
});
